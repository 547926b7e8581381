import listsFile from './facts/lists.json';
import type { ActivityRow, AllianceUnitRow, CentreRow, ListsDataset, MemberRow, MembershipRow, NeedRow, ProjectRow, RegionRow, ResourceRow, TeamRow } from './dataset';
import { apportion, GENERATOR_SEED, mulberry32, pick, shuffle } from './random';

/**
 * The article lists a few records by name and gives counts for the rest (高仓: 77 needs in
 * 7 categories, 14 alliance units; 兴文街: 27 needs, 25 resources, 11 projects …). Named
 * records come from facts/lists.json; this fills each count with synthetic records, so the
 * figures derived from records reproduce the article's numbers exactly. Synthetic centres
 * get small random lists, so every list has something to show. Its own random stream keeps
 * the centre and rating data exactly as before.
 */
type Facts = (typeof listsFile.centres)[number];
type ActivitySpec = Facts['activities'][number] & { team?: string; project?: string };

const YEAR = listsFile.year;

const UNIT_POOL: Array<[string, string]> = [
  ['税务所', 'GOVERNMENT'],
  ['供电所', 'STATE_ENTERPRISE'],
  ['中学', 'SCHOOL'],
  ['小学', 'SCHOOL'],
  ['卫生院', 'HOSPITAL'],
  ['农业银行营业所', 'STATE_ENTERPRISE'],
  ['邮政支局', 'STATE_ENTERPRISE'],
  ['移动营业厅', 'STATE_ENTERPRISE'],
  ['自来水厂', 'STATE_ENTERPRISE'],
  ['市场监管所', 'GOVERNMENT'],
  ['派出所', 'GOVERNMENT'],
  ['司法所', 'GOVERNMENT'],
  ['幼儿园', 'SCHOOL'],
  ['律师事务所', 'ENTERPRISE'],
  ['社会工作服务中心', 'SOCIAL_ORGANISATION'],
  ['物业服务公司', 'ENTERPRISE'],
  ['烟草站', 'STATE_ENTERPRISE'],
  ['消防救援站', 'GOVERNMENT'],
  ['燃气公司', 'ENTERPRISE'],
  ['供销社', 'PUBLIC_INSTITUTION'],
  ['文化站', 'PUBLIC_INSTITUTION'],
  ['志愿者协会', 'SOCIAL_ORGANISATION'],
  ['农技服务中心', 'PUBLIC_INSTITUTION'],
  ['商会', 'SOCIAL_ORGANISATION'],
];
const COMMITMENTS = ['开放场地设施', '每季度开展一次共建活动', '提供专业人才志愿服务', '认领群众微心愿', '资助困难群众', '参与社区环境整治'];
const NEED_TITLES: Record<string, string[]> = {
  ELDERLY_CARE: ['老年助餐点', '独居老人定期探访', '居家养老上门服务', '老年活动室开放时间延长'],
  CHILDCARE: ['四点半课堂', '暑期托管', '周末亲子活动', '儿童阅读角'],
  EMPLOYMENT: ['灵活就业岗位信息', '技能培训报名', '创业政策咨询', '高校毕业生就业指导'],
  HEALTH: ['家庭医生签约', '慢性病义诊', '心理健康讲座', '健康体检进社区'],
  LEGAL_AID: ['法律咨询进社区', '婚姻家庭纠纷调解', '遗产继承咨询'],
  CULTURE_SPORTS: ['广场舞场地', '健身器材更新', '社区图书室', '文艺队排练场地'],
  ENVIRONMENT: ['背街小巷保洁', '垃圾分类指导', '小区绿化补植', '楼道杂物清理'],
  INFRASTRUCTURE: ['路灯维修', '雨污管网改造', '老旧小区加装扶手', '停车位规划'],
  SAFETY: ['电动车充电桩', '防诈骗宣传', '消防通道清理', '夜间巡逻'],
  HARDSHIP_AID: ['困难家庭临时救助', '残疾人就业帮扶', '助学金申请'],
};
const RESOURCE_TITLES: Record<string, [string, number | null, string | null]> = {
  VENUE: ['会议室、活动室开放使用', 80, '平方米'],
  FUNDING: ['共建专项资金', 20000, '元'],
  PROFESSIONALS: ['专业技术人才服务', 6, '人'],
  VOLUNTEER_SERVICE: ['志愿服务力量', 20, '人'],
  EQUIPMENT: ['设备物资借用', 10, '件'],
  TRAINING: ['培训讲座', 4, '场次/月'],
  MEDICAL: ['义诊与健康咨询', 2, '场次/月'],
  LEGAL: ['法律咨询服务', 4, '次/月'],
  CULTURE: ['文体活动指导', 2, '场次/月'],
  EMPLOYMENT: ['就业岗位信息', 30, '个'],
  CHILD_SERVICE: ['课后托管服务', 40, '人'],
  ELDERLY_SERVICE: ['助老服务', 30, '人'],
  PUBLICITY: ['宣传阵地', null, null],
};
const PROJECT_TITLES = ['邻里守望', '微心愿认领', '社区微更新', '银龄互助', '青少年成长护航', '平安楼栋', '文明实践进小区', '家门口就业服务', '健康小屋', '书香社区'];
const TEAM_NAMES = [
  '党员先锋志愿服务队',
  '巾帼志愿服务队',
  '青年志愿服务队',
  '红色物业志愿服务队',
  '文明实践志愿服务队',
  '银龄志愿服务队',
  '平安志愿服务队',
  '爱心助学志愿服务队',
  '环境卫生志愿服务队',
];
const TEAM_SKILLS = ['政策宣讲', '环境整治', '助老服务', '矛盾调解', '文体活动', '法律咨询', '医疗保健', '儿童关爱'];
const SCHEDULES = ['工作日 9:00–17:00', '每周二下午', '每周六上午', '每月第一个周五', '预约使用'];
const SYNTHETIC_ACTIVITIES: Array<[string, string]> = [
  ['POLITICAL_THEORY_TRAINING', '主题党日学习'],
  ['SKILLS_TRAINING', '业务技能培训'],
  ['THEME_ACTIVITY', '“我们的节日”主题活动'],
  ['PUBLIC_CLASS', '公益课堂'],
  ['VOLUNTEER_SERVICE', '志愿服务'],
  ['CO_BUILDING', '联盟共建活动'],
];

export function buildLists(centres: CentreRow[], regions: RegionRow[]): ListsDataset {
  const random = mulberry32(GENERATOR_SEED + 9);
  const lists: ListsDataset = { units: [], memberships: [], needs: [], resources: [], projects: [], teams: [], members: [], activities: [] };
  const regionName = new Map(regions.map((region) => [region.code, region.name.replace(/(街道|社区)$/, '')]));
  const factsByCentre = new Map(listsFile.centres.map((facts) => [facts.centreCode, facts]));
  for (const centre of centres) {
    const facts = factsByCentre.get(centre.code);
    const place = regionName.get(centre.regionCode) ?? centre.name;
    if (facts) {
      addFactCentre(random, lists, centre, place, facts);
    } else if (centre.isSynthetic) {
      addSyntheticCentre(random, lists, centre, place);
    }
  }
  return lists;
}

function addFactCentre(random: () => number, lists: ListsDataset, centre: CentreRow, place: string, facts: Facts) {
  const units = addAlliance(random, lists, centre, place, facts.allianceUnits.count, facts.allianceUnits.source);
  const teams = addTeams(
    random,
    lists,
    centre,
    facts.teams.named.map((team) => ({ ...team, sourceText: team.sourceText })),
    facts.teams.count ?? facts.teams.named.length,
    (facts.teams as { totalMembers?: number }).totalMembers,
  );
  const needs = addNeeds(random, lists, centre, facts.needs);
  const resources = addResources(random, lists, centre, facts.resources.count, facts.resources.categories, units, teams, facts.resources.source);
  const projects = addProjects(
    random,
    lists,
    centre,
    facts.projects.named,
    (facts.projects.count ?? facts.projects.named.length) - facts.projects.named.length,
    needs,
    resources,
    units,
  );
  for (const spec of facts.activities as ActivitySpec[]) {
    const team = spec.team ? teams.find((row) => row.name === spec.team) : undefined;
    const project = spec.project ? projects.find((row) => row.title === spec.project) : undefined;
    addActivities(random, lists, centre, spec, team?.id ?? null, project?.id ?? null);
  }
}

function addSyntheticCentre(random: () => number, lists: ListsDataset, centre: CentreRow, place: string) {
  const units = addAlliance(random, lists, centre, place, Math.floor(random() * 5), null);
  const teams = addTeams(random, lists, centre, [], Math.floor(random() * 3), undefined);
  const categories = shuffle(random, Object.keys(NEED_TITLES)).slice(0, 3);
  const needs = addNeeds(random, lists, centre, { count: Math.floor(random() * 7), categories, sources: ['VISIT', 'SURVEY', 'ONLINE', 'HOTLINE'], source: null, named: [] });
  const resources = addResources(random, lists, centre, Math.floor(random() * 5), shuffle(random, Object.keys(RESOURCE_TITLES)).slice(0, 3), units, teams, null);
  addProjects(random, lists, centre, [], Math.floor(random() * 3), needs, resources, units);
  const activityCount = Math.floor(random() * 9);
  for (let index = 0; index < activityCount; index += 1) {
    const [kind, title] = pick(random, SYNTHETIC_ACTIVITIES);
    // Some dated after the work year, still open: the calendar has upcoming entries too.
    const upcoming = random() < 0.3;
    addActivities(
      random,
      lists,
      centre,
      { kind, title, organiser: `${place}党组织`, organiserLevel: centre.level, count: 1, attendance: upcoming ? null : 10 + Math.floor(random() * 80), source: '' },
      null,
      null,
      upcoming,
    );
  }
}

function addAlliance(random: () => number, lists: ListsDataset, centre: CentreRow, place: string, count: number, source: string | null): AllianceUnitRow[] {
  const pool = shuffle(random, UNIT_POOL);
  const units: AllianceUnitRow[] = [];
  for (let index = 0; index < count; index += 1) {
    const [suffix, unitType] = pool[index % pool.length]!;
    const number = String(index + 1).padStart(2, '0');
    const unit: AllianceUnitRow = {
      id: `AU-${centre.code}-${number}`,
      name: index < pool.length ? `${place}${suffix}` : `${place}${suffix}(${Math.floor(index / pool.length) + 1})`,
      unitType,
      regionCode: centre.regionCode,
      contacts: [{ name: `联络员${number}`, role: '党建联络员', phone: `0877-${String(2000000 + Math.floor(random() * 7999999))}` }],
      isSynthetic: true,
      source,
    };
    units.push(unit);
    lists.units.push(unit);
    lists.memberships.push({
      id: `AM-${centre.code}-${number}`,
      centreCode: centre.code,
      unitId: unit.id,
      status: 'ACTIVE',
      agreementSignedOn: dateIn(random, YEAR - 1 + Math.floor(random() * 2)),
      commitments: shuffle(random, COMMITMENTS).slice(0, 1 + Math.floor(random() * 2)),
      isSynthetic: true,
    } satisfies MembershipRow);
  }
  return units;
}

interface NeedsSpec {
  count: number;
  categories: string[];
  sources: string[];
  source: string | null;
  named: Array<{ title: string; category: string; source: string; status: string; answer: string; sourceText: string }>;
}

function addNeeds(random: () => number, lists: ListsDataset, centre: CentreRow, spec: NeedsSpec): NeedRow[] {
  const needs: NeedRow[] = [];
  const add = (row: Omit<NeedRow, 'id' | 'centreCode'>) => {
    const need = { id: `${centre.code}-N${String(needs.length + 1).padStart(3, '0')}`, centreCode: centre.code, ...row };
    needs.push(need);
    lists.needs.push(need);
  };
  for (const named of spec.named) {
    add({
      source: named.source,
      category: named.category,
      title: named.title,
      description: null,
      requesterCount: 1 + Math.floor(random() * 30),
      submittedOn: dateIn(random, YEAR),
      status: named.status,
      publishedStatus: named.status,
      publicAnswer: named.answer,
      draftAnswer: named.answer,
      answerPublishedAt: `${YEAR}-12-31T08:00:00.000Z`,
      isSynthetic: false,
      sourceText: named.sourceText,
    });
  }
  // Every category the article counts gets at least one need; the rest fall at random.
  const used = new Set(needs.map((need) => need.category));
  const missing = spec.categories.filter((category) => !used.has(category));
  while (needs.length < spec.count) {
    const category = missing.shift() ?? pick(random, spec.categories);
    const roll = random();
    const status = roll < 0.45 ? 'ACCEPTED' : roll < 0.65 ? 'EVALUATING' : roll < 0.85 ? 'SUBMITTED' : roll < 0.93 ? 'REJECTED' : 'WITHDRAWN';
    // Some decisions are made but not yet announced: residents still see the old status.
    const published = status !== 'SUBMITTED' && random() < 0.8;
    const answer = status === 'ACCEPTED' ? '已纳入项目清单,由联盟单位认领办理。' : status === 'REJECTED' ? '不属于社区职责范围,已转交相关部门。' : null;
    add({
      source: pick(random, spec.sources),
      category,
      title: pick(random, NEED_TITLES[category]!),
      description: null,
      requesterCount: 1 + Math.floor(random() * 30),
      submittedOn: dateIn(random, YEAR),
      status,
      publishedStatus: published ? status : status === 'SUBMITTED' ? 'SUBMITTED' : 'EVALUATING',
      publicAnswer: published ? answer : null,
      draftAnswer: answer,
      answerPublishedAt: published ? `${YEAR}-12-31T08:00:00.000Z` : null,
      isSynthetic: true,
      sourceText: spec.source,
    });
  }
  return needs;
}

function addResources(
  random: () => number,
  lists: ListsDataset,
  centre: CentreRow,
  count: number,
  categories: string[],
  units: AllianceUnitRow[],
  teams: TeamRow[],
  source: string | null,
): ResourceRow[] {
  const resources: ResourceRow[] = [];
  const order = [...categories];
  for (let index = 0; index < count; index += 1) {
    const category = order.shift() ?? pick(random, categories);
    const [title, capacity, capacityUnit] = RESOURCE_TITLES[category]!;
    const byTeam = category === 'VOLUNTEER_SERVICE' && teams.length > 0;
    const unit = !byTeam && units.length > 0 && random() < 0.8 ? pick(random, units) : null;
    const team = byTeam ? pick(random, teams) : null;
    const resource: ResourceRow = {
      id: `${centre.code}-R${String(index + 1).padStart(2, '0')}`,
      centreCode: centre.code,
      providerType: team ? 'VOLUNTEER_TEAM' : unit ? 'ALLIANCE_UNIT' : 'CENTRE',
      providerUnitId: unit?.id ?? null,
      providerTeamId: team?.id ?? null,
      category,
      title: unit ? `${unit.name}${title}` : team ? `${team.name}${title}` : title,
      description: null,
      capacity,
      capacityUnit,
      schedule: pick(random, SCHEDULES),
      status: random() < 0.9 ? 'ACTIVE' : 'TEMPORARILY_CLOSED',
      lastVerifiedOn: dateIn(random, YEAR),
      isSynthetic: true,
      sourceText: source,
    };
    resources.push(resource);
    lists.resources.push(resource);
  }
  return resources;
}

type NamedProject = Facts['projects']['named'][number];

function addProjects(
  random: () => number,
  lists: ListsDataset,
  centre: CentreRow,
  named: NamedProject[],
  syntheticCount: number,
  needs: NeedRow[],
  resources: ResourceRow[],
  units: AllianceUnitRow[],
): ProjectRow[] {
  const projects: ProjectRow[] = [];
  const answerable = needs.filter((need) => need.status === 'ACCEPTED');
  const add = (row: Omit<ProjectRow, 'id' | 'centreCode' | 'timeline'>, timeline: Array<[string, string, string | null, string | null]>) => {
    const id = `${centre.code}-P${String(projects.length + 1).padStart(2, '0')}`;
    const project: ProjectRow = {
      id,
      centreCode: centre.code,
      ...row,
      timeline: timeline.map(([entryOn, title, description, status], index) => ({ id: `${id}-E${index + 1}`, entryOn, title, description, status })),
    };
    projects.push(project);
    lists.projects.push(project);
  };
  for (const project of named) {
    add(
      {
        title: project.title,
        description: project.description,
        leadUnitId: null,
        budgetYuan: project.budgetYuan,
        startsOn: project.startsOn,
        endsOn: project.endsOn,
        status: project.status,
        progress: project.progress,
        isSynthetic: false,
        sourceText: project.sourceText,
        needIds: [],
        resourceIds: [],
        partnerUnitIds: [],
      },
      project.timeline.map(([on, title, description]) => [on!, title!, description ?? null, null]),
    );
  }
  for (let index = 0; index < syntheticCount; index += 1) {
    const roll = random();
    const status = roll < 0.2 ? 'RECRUITING' : roll < 0.65 ? 'IN_PROGRESS' : roll < 0.9 ? 'COMPLETED' : 'DRAFT';
    const startsOn = dateIn(random, YEAR);
    const lead = units.length > 0 ? pick(random, units) : null;
    const progress = status === 'COMPLETED' ? 100 : status === 'IN_PROGRESS' ? 20 + Math.floor(random() * 7) * 10 : 0;
    add(
      {
        title: `${pick(random, PROJECT_TITLES)}项目`,
        description: null,
        leadUnitId: lead?.id ?? null,
        budgetYuan: 5000 * (1 + Math.floor(random() * 20)),
        startsOn,
        endsOn: null,
        status,
        progress,
        isSynthetic: true,
        sourceText: null,
        needIds: shuffle(random, answerable)
          .slice(0, Math.min(answerable.length, 1 + Math.floor(random() * 3)))
          .map((need) => need.id),
        resourceIds: shuffle(random, resources)
          .slice(0, Math.floor(random() * 3))
          .map((resource) => resource.id),
        partnerUnitIds: shuffle(
          random,
          units.filter((unit) => unit !== lead),
        )
          .slice(0, Math.floor(random() * 3))
          .map((unit) => unit.id),
      },
      [[startsOn, '项目立项', null, 'DRAFT'], ...(status !== 'DRAFT' ? [[startsOn, '发布认领', null, 'RECRUITING'] as [string, string, null, string]] : [])],
    );
  }
  return projects;
}

function addTeams(
  random: () => number,
  lists: ListsDataset,
  centre: CentreRow,
  named: Array<{ name: string; members: number | null; skills: string[]; sourceText: string }>,
  count: number,
  totalMembers: number | undefined,
): TeamRow[] {
  const names = shuffle(random, TEAM_NAMES);
  const specs = [...named.map((team) => ({ ...team, isSynthetic: false }))];
  while (specs.length < count) {
    specs.push({ name: names.shift()!, members: null, skills: shuffle(random, TEAM_SKILLS).slice(0, 2), sourceText: '', isSynthetic: true });
  }
  // A total the article gives for all teams is split over the teams whose size it does not give.
  const unknown = specs.filter((spec) => spec.members === null);
  const given = specs.reduce((sum, spec) => sum + (spec.members ?? 0), 0);
  const split =
    totalMembers !== undefined
      ? apportion(
          totalMembers - given,
          unknown.map(() => 1 + random()),
        )
      : unknown.map(() => 3 + Math.floor(random() * 6));
  return specs.map((spec, index) => {
    const team: TeamRow = {
      id: `${centre.code}-T${String(index + 1).padStart(2, '0')}`,
      centreCode: centre.code,
      name: spec.name,
      description: null,
      skills: spec.skills,
      reportedMemberCount: spec.members,
      isSynthetic: spec.isSynthetic,
      sourceText: spec.sourceText || null,
    };
    lists.teams.push(team);
    const size = spec.members ?? split[unknown.indexOf(spec)]!;
    for (let number = 1; number <= size; number += 1) {
      lists.members.push({
        id: `${team.id}-M${String(number).padStart(3, '0')}`,
        teamId: team.id,
        name: `${spec.name.replace(/[“”]/g, '')}队员${String(number).padStart(3, '0')}`,
        phone: `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
        role: number === 1 ? 'LEADER' : 'MEMBER',
        skills: shuffle(random, spec.skills).slice(0, 1),
        serviceHours: Math.round(random() * 80) / 2,
        isSynthetic: true,
      } satisfies MemberRow);
    }
    return team;
  });
}

function addActivities(
  random: () => number,
  lists: ListsDataset,
  centre: CentreRow,
  spec: { kind: string; title: string; organiser: string; organiserLevel: string; count: number; attendance: number | null; source: string },
  teamId: string | null,
  projectId: string | null,
  upcoming = false,
) {
  // Attendance the article gives as a total is split over the sessions, each at least one person.
  const attendance =
    spec.attendance === null
      ? null
      : apportion(
          spec.attendance - spec.count,
          Array.from({ length: spec.count }, () => 0.5 + random()),
        ).map((extra) => extra + 1);
  const days = Array.from({ length: spec.count }, () => Math.floor(random() * 365)).sort((a, b) => a - b);
  for (let index = 0; index < spec.count; index += 1) {
    const start = new Date(Date.UTC(upcoming ? YEAR + 1 : YEAR, 0, 1, 1 + Math.floor(random() * 8)) + days[index]! * 86_400_000);
    const end = new Date(start.getTime() + 2 * 3600_000);
    const existing = lists.activities.filter((row) => row.centreCode === centre.code).length;
    lists.activities.push({
      id: `${centre.code}-A${String(existing + 1).padStart(4, '0')}`,
      centreCode: centre.code,
      kind: spec.kind,
      title: spec.count > 1 ? `${spec.title}(第${index + 1}场)` : spec.title,
      organiser: spec.organiser,
      organiserLevel: spec.organiserLevel as ActivityRow['organiserLevel'],
      teamId,
      projectId,
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      place: centre.name,
      capacity: null,
      status: upcoming ? 'PUBLISHED' : 'CLOSED',
      attendanceCount: upcoming ? null : (attendance?.[index] ?? null),
      closedAt: upcoming ? null : end.toISOString(),
      isSynthetic: true,
    });
  }
}

function dateIn(random: () => number, year: number): string {
  return new Date(Date.UTC(year, 0, 1) + Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10);
}
