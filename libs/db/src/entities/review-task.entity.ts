import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReviewDecision, ReviewStage, Role } from '@zwgk/domain';

export type ReviewTaskState = 'open' | 'completed' | 'cancelled';

/** A human task in the inbox: one sign-off stage of one revision of an item. */
@Entity({ name: 'review_tasks' })
export class ReviewTaskEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @Column({ type: 'varchar', length: 32 })
  stage!: ReviewStage;

  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  @Column({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  assignee!: string | null;

  @Column({ name: 'claimed_by', type: 'varchar', length: 100, nullable: true })
  claimedBy!: string | null;

  @Column({ type: 'varchar', length: 16 })
  state!: ReviewTaskState;

  @Column({ type: 'varchar', length: 16, nullable: true })
  decision!: ReviewDecision | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 100, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'int' })
  revision!: number;

  @Column({ type: 'int', default: 0 })
  priority!: number;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'due_explanation', type: 'text', nullable: true })
  dueExplanation!: string | null;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  /** Past its due time and not extended since: it also shows in the department head's inbox, who may act on it. */
  @Column({ type: 'boolean', default: false })
  escalated!: boolean;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  @Column({ name: 'delegated_by', type: 'varchar', length: 100, nullable: true })
  delegatedBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
