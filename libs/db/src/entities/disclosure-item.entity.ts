import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DisclosureState } from '@zwgk/domain';

/** The read model of a disclosure item. The workflow is the source of truth; activities write this. */
@Entity({ name: 'disclosure_items' })
export class DisclosureItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'catalog_version_id', type: 'uuid' })
  catalogVersionId!: string;

  @Column({ name: 'catalog_item_code', type: 'varchar', length: 64 })
  catalogItemCode!: string;

  @Column({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode!: string;

  @Column({ name: 'drafter_username', type: 'varchar', length: 100 })
  drafterUsername!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'formed_at', type: 'date' })
  formedAt!: string;

  @Column({ type: 'text', array: true })
  channels!: string[];

  @Column({ type: 'varchar', length: 16 })
  state!: DisclosureState;

  @Column({ type: 'int' })
  revision!: number;

  @Column({ name: 'release_due_at', type: 'timestamptz', nullable: true })
  releaseDueAt!: Date | null;

  @Column({ name: 'release_due_explanation', type: 'text', nullable: true })
  releaseDueExplanation!: string | null;

  @Column({ name: 'release_due_provisional', type: 'boolean', default: false })
  releaseDueProvisional!: boolean;

  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt!: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason!: string | null;

  @Column({ name: 'normative_document', type: 'boolean', default: false })
  normativeDocument!: boolean;

  @Column({ type: 'text', nullable: true })
  interpretation!: string | null;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  /** Set by the release deadline timer at the due instant while unreleased; cleared when the deadline moves ahead or at release. */
  @Column({ name: 'release_overdue', type: 'boolean', default: false })
  releaseOverdue!: boolean;

  @Column({ name: 'release_overdue_at', type: 'timestamptz', nullable: true })
  releaseOverdueAt!: Date | null;

  /** The first release came after the deadline, by this many working days (null when on time). */
  @Column({ name: 'released_late', type: 'boolean', default: false })
  releasedLate!: boolean;

  @Column({ name: 'release_late_working_days', type: 'int', nullable: true })
  releaseLateWorkingDays!: number | null;

  @Column({ name: 'scheduled_release_at', type: 'timestamptz', nullable: true })
  scheduledReleaseAt!: Date | null;

  @Column({ name: 'signed_content_hash', type: 'varchar', length: 64, nullable: true })
  signedContentHash!: string | null;

  /** The 公示期 of a released item whose rule has one (公示7个工作日): both set, or neither. */
  @Column({ name: 'publicity_starts_at', type: 'timestamptz', nullable: true })
  publicityStartsAt!: Date | null;

  @Column({ name: 'publicity_ends_at', type: 'timestamptz', nullable: true })
  publicityEndsAt!: Date | null;

  /** The released edition the public sees; null until the first release. */
  @Column({ name: 'current_edition', type: 'int', nullable: true })
  currentEdition!: number | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
