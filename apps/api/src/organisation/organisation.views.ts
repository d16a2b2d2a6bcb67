import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@zwgk/domain';

/**
 * What the organisation routes answer (组织机构: units, staff, their history), documented for the OpenAPI
 * document the web app's types are generated from. OrganisationService builds these shapes; the classes only
 * describe them. Instants are ISO 8601 strings.
 */

const UNIT_KINDS = ['county', 'department', 'township'] as const;

/** A unit of the county: the county government, a department or a township (街道). */
export class OrgDepartmentView {
  @ApiProperty({ example: 'edu' }) code!: string;
  @ApiProperty({ example: '县教育局' }) name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the unit above it; null for the county' }) parentCode!: string | null;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: (typeof UNIT_KINDS)[number];
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deactivatedAt!: string | null;
}

export class OrgDepartmentListView {
  @ApiProperty({ type: [OrgDepartmentView], description: 'inactive units included (marked), by kind and code' }) items!: OrgDepartmentView[];
}

/** A staff account and the roles it holds in its department. */
export class OrgUserView {
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() departmentCode!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: (typeof ROLES)[number][];
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) mobile!: string | null;
}

export class OrgUserListView {
  @ApiProperty({ type: [OrgUserView] }) items!: OrgUserView[];
}

/** One change of a unit or an account, from the audit trail. */
export class OrgHistoryEntryView {
  @ApiProperty({ example: 'org.user-updated' }) action!: string;
  @ApiProperty() actor!: string;
  @ApiProperty({ description: "the actor's display name, or the username when the account is gone" }) actorName!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'the unit or account before; null on creation' }) before!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'the unit or account after' }) after!: Record<string, unknown> | null;
}

export class OrgHistoryView {
  @ApiProperty({ type: [OrgHistoryEntryView], description: 'newest first, at most 200' }) items!: OrgHistoryEntryView[];
}
