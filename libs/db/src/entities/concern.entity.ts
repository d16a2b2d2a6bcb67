import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConcernClassification, ConcernKind, ConcernMilestone, ConcernState } from '@zwgk/domain';

/** The read model of a public concern or incident. Its child workflow is the source of truth; activities write this. */
@Entity({ name: 'concerns' })
export class ConcernEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @Column({ name: 'item_department_code', type: 'varchar', length: 64 })
  itemDepartmentCode!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: ConcernKind;

  @Column({ type: 'text' })
  content!: string;

  /** Never published. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  contact!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'registered_by', type: 'varchar', length: 100, nullable: true })
  registeredBy!: string | null;

  @Column({ type: 'varchar', length: 32 })
  state!: ConcernState;

  @Column({ type: 'varchar', length: 32, nullable: true })
  classification!: ConcernClassification | null;

  @Column({ name: 'assigned_department_code', type: 'varchar', length: 64, nullable: true })
  assignedDepartmentCode!: string | null;

  @Column({ type: 'int' })
  revision!: number;

  @Column({ type: 'text', nullable: true })
  draft!: string | null;

  @Column({ name: 'drafted_by', type: 'varchar', length: 100, nullable: true })
  draftedBy!: string | null;

  @Column({ name: 'return_comment', type: 'text', nullable: true })
  returnComment!: string | null;

  @Column({ name: 'deadline_extended', type: 'boolean' })
  deadlineExtended!: boolean;

  @Column({ name: 'extension_reason', type: 'text', nullable: true })
  extensionReason!: string | null;

  @Column({ name: 'press_conference_held_at', type: 'timestamptz', nullable: true })
  pressConferenceHeldAt!: Date | null;

  @Column({ name: 'press_conference_summary', type: 'text', nullable: true })
  pressConferenceSummary!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One due time of a concern, and whether it was met or passed. */
@Entity({ name: 'concern_deadlines' })
export class ConcernDeadlineEntity {
  @PrimaryColumn({ name: 'concern_id', type: 'uuid' })
  concernId!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  milestone!: ConcernMilestone;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'text' })
  explanation!: string;

  @Column({ type: 'boolean' })
  provisional!: boolean;

  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true })
  overdueAt!: Date | null;

  @Column({ name: 'met_at', type: 'timestamptz', nullable: true })
  metAt!: Date | null;
}

/** A published response, shown next to its item on the public portal. */
@Entity({ name: 'concern_responses' })
export class ConcernResponseEntity {
  @PrimaryColumn({ name: 'concern_id', type: 'uuid' })
  concernId!: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  /** The question as asked, contact details removed; null for an incident, whose summary is internal. */
  @Column({ type: 'text', nullable: true })
  question!: string | null;

  @Column({ type: 'text' })
  response!: string;

  @Column({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode!: string;

  @Column({ name: 'approved_by', type: 'varchar', length: 100 })
  approvedBy!: string;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;
}
