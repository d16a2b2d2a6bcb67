import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ObligationRule } from '@zwgk/domain';

export type ObligationState = 'active' | 'deleted';
export type ObligationTaskRowState = 'open' | 'fulfilled';

/** A catalog row registered as a department's standing obligation (定期公开), with its Temporal Schedule. */
@Entity({ name: 'obligations' })
export class ObligationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'catalog_version_id', type: 'uuid' })
  catalogVersionId!: string;

  @Column({ name: 'catalog_item_code', type: 'varchar', length: 64 })
  catalogItemCode!: string;

  @Column({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode!: string;

  @Column({ name: 'time_limit_text', type: 'text' })
  timeLimitText!: string;

  @Column({ type: 'jsonb' })
  rule!: ObligationRule;

  @Column({ name: 'schedule_id', type: 'varchar', length: 200 })
  scheduleId!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: ObligationState;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'deleted_by', type: 'varchar', length: 100, nullable: true })
  deletedBy!: string | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}

/** The drafting task one period of an obligation opens. Its workflow writes it; the API reads it. */
@Entity({ name: 'obligation_tasks' })
export class ObligationTaskEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'obligation_id', type: 'uuid' })
  obligationId!: string;

  @Column({ name: 'workflow_id', type: 'varchar', length: 300 })
  workflowId!: string;

  @Column({ name: 'period_key', type: 'varchar', length: 32 })
  periodKey!: string;

  @Column({ name: 'period_label', type: 'varchar', length: 64 })
  periodLabel!: string;

  @Column({ name: 'period_start', type: 'date' })
  periodStart!: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'due_explanation', type: 'text', nullable: true })
  dueExplanation!: string | null;

  @Column({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode!: string;

  @Column({ name: 'catalog_item_code', type: 'varchar', length: 64 })
  catalogItemCode!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: ObligationTaskRowState;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true })
  overdueAt!: Date | null;

  @Column({ name: 'fulfilled_item_id', type: 'uuid', nullable: true })
  fulfilledItemId!: string | null;

  @Column({ name: 'fulfilled_by', type: 'varchar', length: 100, nullable: true })
  fulfilledBy!: string | null;

  @Column({ name: 'fulfilled_at', type: 'timestamptz', nullable: true })
  fulfilledAt!: Date | null;

  @Column({ name: 'fulfilled_late', type: 'boolean', nullable: true })
  fulfilledLate!: boolean | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
