import { ACTIVITY_TRANSITIONS } from '../../api/src/modules/activity/activity.service';
import { ActivityStatus } from '../../api/src/modules/activity/activity.entity';
import { MEMBERSHIP_TRANSITIONS } from '../../api/src/modules/alliance/alliance.service';
import { MembershipStatus } from '../../api/src/modules/alliance/alliance.entity';
import { matchesReported } from '../../api/src/modules/figure/figure.service';
import { NEED_TRANSITIONS } from '../../api/src/modules/needs/need.service';
import { NeedStatus } from '../../api/src/modules/needs/need.entity';
import { PROJECT_TRANSITIONS } from '../../api/src/modules/projects/project.service';
import { ProjectStatus } from '../../api/src/modules/projects/project.entity';
import { RESOURCE_TRANSITIONS } from '../../api/src/modules/resources/resource.service';
import { ResourceStatus } from '../../api/src/modules/resources/resource.entity';
import { REPORT_TRANSITIONS } from '../../api/src/modules/report/report.states';
import { ReportStatus } from '../../api/src/modules/report/report.types';
import { SERVICE_ORDER_TRANSITIONS } from '../../api/src/modules/service-order/service-order.states';
import { ServiceOrderStatus } from '../../api/src/modules/service-order/service-order.types';
import { assertTransition } from '../../api/src/shared/transitions';

const TABLES = [
  ['need', NEED_TRANSITIONS, NeedStatus],
  ['resource', RESOURCE_TRANSITIONS, ResourceStatus],
  ['project', PROJECT_TRANSITIONS, ProjectStatus],
  ['membership', MEMBERSHIP_TRANSITIONS, MembershipStatus],
  ['activity', ACTIVITY_TRANSITIONS, ActivityStatus],
  ['service order', SERVICE_ORDER_TRANSITIONS, ServiceOrderStatus],
  ['report', REPORT_TRANSITIONS, ReportStatus],
] as const;

describe('status transition tables', () => {
  it.each(TABLES)('%s: should cover every status and move only to statuses that exist, never to itself', (_name, table, statuses) => {
    expect(Object.keys(table).sort()).toEqual(Object.values(statuses).sort());
    for (const [from, targets] of Object.entries(table) as Array<[string, readonly string[]]>) {
      expect(targets).not.toContain(from);
      for (const to of targets) expect(Object.values(statuses)).toContain(to);
    }
  });

  it('should derive the service-order graph from its actions: only CANCELLED is final, and REVIEWED is reached only from COMPLETED', () => {
    expect(Object.entries(SERVICE_ORDER_TRANSITIONS).filter(([, to]) => to.length === 0)).toEqual([['CANCELLED', []]]);
    expect(SERVICE_ORDER_TRANSITIONS.DISPATCHED).toEqual(['ACCEPTED', 'PROVIDER_ACCEPTED', 'CANCELLED']);
    expect(Object.entries(SERVICE_ORDER_TRANSITIONS).filter(([, to]) => to.includes(ServiceOrderStatus.REVIEWED))).toEqual([['COMPLETED', ['REVIEWED', 'CLOSED']]]);
  });

  it('should derive the report graph from its actions: none is final (REOPEN), and only feedback leads to CLOSED', () => {
    expect(Object.entries(REPORT_TRANSITIONS).filter(([, to]) => to.length === 0)).toEqual([]);
    expect(Object.entries(REPORT_TRANSITIONS).filter(([, to]) => to.includes(ReportStatus.CLOSED))).toEqual([['FEEDBACK_GIVEN', ['CLOSED']]]);
    expect(REPORT_TRANSITIONS.ACCEPTED).toEqual(['IN_HANDLING', 'FEEDBACK_GIVEN', 'REJECTED', 'DUPLICATE']);
  });

  it('should refuse a skipped step with a message naming both statuses and what is allowed', () => {
    expect(() => assertTransition(PROJECT_TRANSITIONS, 'a project', ProjectStatus.DRAFT, ProjectStatus.COMPLETED)).toThrow(
      'Argument "status" cannot move a project from DRAFT to COMPLETED: it may move to RECRUITING, IN_PROGRESS, CANCELLED.',
    );
    expect(() => assertTransition(NEED_TRANSITIONS, 'a need', NeedStatus.REJECTED, NeedStatus.ACCEPTED)).toThrow('REJECTED is final');
  });

  it('should let every project reach EVALUATED only through COMPLETED', () => {
    const into = (status: ProjectStatus) =>
      (Object.entries(PROJECT_TRANSITIONS) as Array<[ProjectStatus, readonly ProjectStatus[]]>).filter(([, to]) => to.includes(status)).map(([from]) => from);
    expect(into(ProjectStatus.EVALUATED)).toEqual([ProjectStatus.COMPLETED]);
  });
});

describe('matchesReported', () => {
  it('should compare exactly, or as a lower bound for "more than" figures, and say nothing without records', () => {
    expect(matchesReported({ value: 376, isLowerBound: false }, 376)).toBe(true);
    expect(matchesReported({ value: 376, isLowerBound: false }, 377)).toBe(false);
    expect(matchesReported({ value: 100, isLowerBound: true }, 104)).toBe(true);
    expect(matchesReported({ value: 100, isLowerBound: true }, 99)).toBe(false);
    expect(matchesReported({ value: 100, isLowerBound: true }, null)).toBeNull();
  });
});
