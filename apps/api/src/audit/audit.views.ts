import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_SUBJECT_SCOPES } from '@zwgk/db';

/**
 * What the audit trail answers (GET /api/audit, the chain checks), documented for the OpenAPI document the
 * web app's types are generated from. audit.service.ts builds these shapes; the classes only describe them.
 */

export class AuditSubjectView {
  @ApiProperty({ enum: AUDIT_SUBJECT_SCOPES, description: 'the kind of object, as /api/audit/{scope}/{key} names it' }) scope!: string;
  @ApiProperty({ description: "the object's id (a unit's code, a user's name)" }) key!: string;
}

export class AuditEventView {
  @ApiProperty({ description: 'the row id (a bigint, as text)' }) id!: string;
  @ApiProperty() eventKey!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'the item whose chain the row is in; null: the chain of rows without an item' }) itemId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) taskId!: string | null;
  @ApiProperty({ description: 'the username, or system for workflow transitions' }) actor!: string;
  @ApiProperty({ type: String, nullable: true }) actorRole!: string | null;
  @ApiProperty({ type: String, nullable: true }) departmentCode!: string | null;
  @ApiProperty({ example: 'application.accepted' }) action!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ description: 'UTC with microseconds, as hashed' }) occurredAt!: string;
  @ApiProperty() previousHash!: string;
  @ApiProperty() recordHash!: string;
  @ApiProperty({ type: [AuditSubjectView], description: 'the objects besides the item the row speaks of' }) subjects!: AuditSubjectView[];
}

export class AuditPageView {
  @ApiProperty({ type: [AuditEventView] }) items!: AuditEventView[];
  @ApiProperty({ type: String, nullable: true, description: 'null on the last page' }) nextCursor!: string | null;
}

export class BrokenAuditLinkView {
  @ApiProperty() id!: string;
  @ApiProperty() eventKey!: string;
  @ApiProperty({ enum: ['previous_hash', 'record_hash'], description: 'previous_hash: the row does not point at the row before it; record_hash: its content was changed' }) field!: 'previous_hash' | 'record_hash';
  @ApiProperty() expected!: string;
  @ApiProperty() stored!: string;
}

export class ItemChainVerificationView {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ type: 'integer' }) records!: number;
  @ApiProperty() valid!: boolean;
  @ApiPropertyOptional({ type: BrokenAuditLinkView }) firstBrokenLink?: BrokenAuditLinkView;
}

export class CheckedChainView {
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'the item whose chain this is; null: the chain of rows without an item' }) itemId!: string | null;
  @ApiProperty({ type: 'integer', description: 'the rows recomputed: the chain from its start up to the newest row of the object' }) records!: number;
  @ApiProperty() valid!: boolean;
  @ApiPropertyOptional({ type: BrokenAuditLinkView }) firstBrokenLink?: BrokenAuditLinkView;
}

export class SubjectChainVerificationView {
  @ApiProperty({ enum: AUDIT_SUBJECT_SCOPES }) scope!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ type: 'integer', description: "the object's own rows" }) objectRecords!: number;
  @ApiProperty({ type: 'integer', description: 'the rows recomputed, over every chain checked' }) records!: number;
  @ApiProperty({ description: 'every chain the object has rows in is intact up to its newest row' }) valid!: boolean;
  @ApiPropertyOptional({ type: BrokenAuditLinkView, description: 'the first broken link, in the first broken chain' }) firstBrokenLink?: BrokenAuditLinkView;
  @ApiProperty({ type: [CheckedChainView] }) chains!: CheckedChainView[];
}
