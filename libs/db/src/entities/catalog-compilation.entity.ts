import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A compilation round of the catalog (目录编制, 动态调整), as its workflow projects it. */
@Entity({ name: 'catalog_compilation_rounds' })
export class CatalogCompilationRoundEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'workflow_id', type: 'varchar', length: 200 })
  workflowId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'annual' | 'adjustment';

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'text', array: true })
  areas!: string[];

  @Column({ name: 'department_codes', type: 'text', array: true })
  departmentCodes!: string[];

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'legal_review', type: 'boolean' })
  legalReview!: boolean;

  @Column({ name: 'base_version_id', type: 'uuid' })
  baseVersionId!: string;

  @Column({ name: 'office_department_code', type: 'varchar', length: 64 })
  officeDepartmentCode!: string;

  @Column({ name: 'opened_by', type: 'varchar', length: 100 })
  openedBy!: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'varchar', length: 32 })
  state!: string;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  @Column({ name: 'result_version_id', type: 'uuid', nullable: true })
  resultVersionId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  diff!: { added: string[]; removed: string[]; changed: string[] } | null;

  @Column({ name: 'last_return', type: 'jsonb', nullable: true })
  lastReturn!: { by: string; stage: string; comment: string } | null;
}

/** One department's proposal in a round: its rows and the office's decision on each. */
@Entity({ name: 'catalog_compilation_proposals' })
export class CatalogCompilationProposalEntity {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @PrimaryColumn({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: 'open' | 'submitted' | 'returned' | 'accepted';

  @Column({ type: 'int', default: 0 })
  revision!: number;

  @Column({ type: 'jsonb' })
  rows!: unknown[];

  @Column({ type: 'jsonb' })
  reviews!: unknown[];

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;
}
