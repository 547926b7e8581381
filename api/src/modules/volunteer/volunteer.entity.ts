import { OptionalProps, Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { Centre } from '../centre/centre.entity';

export enum TeamMemberRole {
  LEADER = 'LEADER',
  MEMBER = 'MEMBER',
}

export enum TeamMemberStatus {
  ACTIVE = 'ACTIVE',
  LEFT = 'LEFT',
}

registerEnumType(TeamMemberRole, { name: 'TeamMemberRole' });
registerEnumType(TeamMemberStatus, { name: 'TeamMemberStatus' });

@Entity({ tableName: 'volunteer_team' })
export class VolunteerTeam {
  [OptionalProps]?: 'isSynthetic' | 'skills';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @Index()
  @ManyToOne(() => Centre, { fieldName: 'centre_code', deleteRule: 'cascade' })
  centre!: Rel<Centre>;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description?: string;

  @Property({ type: 'text[]', default: '{}' })
  skills: string[] = [];

  @Property({ type: 'integer', nullable: true })
  reportedMemberCount?: number;

  @Property({ type: 'boolean', default: false })
  isSynthetic: boolean = false;

  @Property({ type: 'text', nullable: true, fieldName: 'source_text' })
  sourceText?: string;
}

/** A volunteer in a team. Name and phone are personal data: staff-only, never public. */
@Entity({ tableName: 'volunteer_member' })
@Check({ name: 'volunteer_member_hours_check', expression: '(service_hours >= (0)::double precision)' })
export class VolunteerMember {
  [OptionalProps]?: 'isSynthetic' | 'status' | 'role' | 'serviceHours' | 'skills';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @Index()
  @ManyToOne(() => VolunteerTeam, { fieldName: 'team_id', deleteRule: 'cascade' })
  team!: Rel<VolunteerTeam>;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  phone?: string;

  @Enum({ items: () => TeamMemberRole, nativeEnumName: 'team_member_role' })
  role: TeamMemberRole = TeamMemberRole.MEMBER;

  @Enum({ items: () => TeamMemberStatus, nativeEnumName: 'team_member_status' })
  status: TeamMemberStatus = TeamMemberStatus.ACTIVE;

  @Property({ type: 'text[]', default: '{}' })
  skills: string[] = [];

  @Property({ type: 'double', default: 0 })
  serviceHours: number = 0;

  @Property({ type: 'boolean', default: false })
  isSynthetic: boolean = false;
}
