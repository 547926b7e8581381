import { ObjectType } from 'type-graphql';
import { Connection } from '../../shared/pagination';
import { AllianceMembership } from './alliance.entity';

@ObjectType({ description: 'A page of alliance memberships.' })
export class AllianceMembershipConnection extends Connection(AllianceMembership, 'AllianceMembership') {}
