import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode, badInput } from '../../errors/app-error';
import { assertInEnum, assertText, findOrFail, newRecordId, todayInChina } from '../../shared/records';
import { assertTransition, type TransitionTable } from '../../shared/transitions';
import { centreForWrite, guardCentreOf, type CentreGuard } from '../centre/centre.service';
import { findRegion } from '../region/region.service';
import { AllianceMembership, AllianceUnit, AllianceUnitType, MembershipStatus, type UnitContact } from './alliance.entity';

export const MEMBERSHIP_TRANSITIONS: TransitionTable<MembershipStatus> = {
  APPLIED: [MembershipStatus.ACTIVE, MembershipStatus.REJECTED, MembershipStatus.WITHDRAWN],
  ACTIVE: [MembershipStatus.SUSPENDED, MembershipStatus.WITHDRAWN],
  SUSPENDED: [MembershipStatus.ACTIVE, MembershipStatus.WITHDRAWN],
  WITHDRAWN: [],
  REJECTED: [],
};

/** What a region guard checks: the caller may manage records of that region. */
export type RegionGuard = (regionPath: string) => void;

export async function createAllianceUnit(
  em: EntityManager,
  input: { name: string; unitType: AllianceUnitType; regionCode: string; contacts?: UnitContact[] },
  guard: RegionGuard,
): Promise<AllianceUnit> {
  assertText(input.name, 'name', 200);
  assertInEnum(AllianceUnitType, input.unitType, 'unitType');
  const region = await findRegion(em, input.regionCode);
  if (!region) throw new AppError(ErrorCode.NOT_FOUND, `No region has the code "${input.regionCode}".`, { argument: 'regionCode' });
  guard(region.path);
  const unit = em.create(AllianceUnit, { id: newRecordId(), name: input.name.trim(), unitType: input.unitType, region, contacts: input.contacts ?? [] });
  await em.flush();
  return unit;
}

/** A unit applies to (or, with an agreement date, joins) a centre's alliance. */
export async function addMembership(
  em: EntityManager,
  input: { centreCode: string; unitId: string; agreementSignedOn?: string; commitments?: string[] },
  guard: CentreGuard,
): Promise<AllianceMembership> {
  const centre = await centreForWrite(em, input.centreCode, guard);
  const unit = await findOrFail(em, AllianceUnit, input.unitId, 'unitId');
  if (await em.count(AllianceMembership, { centre, unit })) {
    throw badInput('unitId', `is already in the alliance of ${centre.code}; change that membership's status instead.`);
  }
  const membership = em.create(AllianceMembership, {
    id: newRecordId(),
    centre,
    unit,
    status: input.agreementSignedOn ? MembershipStatus.ACTIVE : MembershipStatus.APPLIED,
    agreementSignedOn: input.agreementSignedOn,
    commitments: input.commitments ?? [],
  });
  await em.flush();
  return membership;
}

/** Activation needs a signed co-building agreement; leaving records the date. */
export async function changeMembershipStatus(
  em: EntityManager,
  input: { membershipId: string; status: MembershipStatus; agreementSignedOn?: string; on?: string },
  guard: CentreGuard,
): Promise<AllianceMembership> {
  assertInEnum(MembershipStatus, input.status, 'status');
  const membership = await findOrFail(em, AllianceMembership, input.membershipId, 'membershipId');
  await guardCentreOf(em, membership, guard);
  assertTransition(MEMBERSHIP_TRANSITIONS, 'a membership', membership.status, input.status);
  if (input.agreementSignedOn) membership.agreementSignedOn = input.agreementSignedOn;
  if (input.status === MembershipStatus.ACTIVE && !membership.agreementSignedOn) {
    throw badInput('agreementSignedOn', 'is required to activate a membership: give the date the 共建协议 was signed.');
  }
  membership.status = input.status;
  if (input.status === MembershipStatus.WITHDRAWN) membership.leftOn = input.on ?? todayInChina();
  await em.flush();
  return membership;
}
