import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CatalogWarning, TimeLimitRule } from '@zwgk/domain';

/** A version of the standard catalog (动态调整): draft → active → superseded. */
@Entity({ name: 'catalog_versions' })
export class CatalogVersionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  label!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: 'draft' | 'active' | 'superseded';

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 100, nullable: true })
  createdBy!: string | null;

  @Column({ name: 'activated_by', type: 'varchar', length: 100, nullable: true })
  activatedBy!: string | null;
}

/** What one import read: its files, item count and every warning with file, row and column. */
@Entity({ name: 'catalog_imports' })
export class CatalogImportEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @Column({ name: 'imported_by', type: 'varchar', length: 100 })
  importedBy!: string;

  @Column({ name: 'imported_at', type: 'timestamptz' })
  importedAt!: Date;

  @Column({ type: 'jsonb' })
  files!: { name: string; area: string; itemCount: number; warningCount: number }[];

  @Column({ name: 'item_count', type: 'int' })
  itemCount!: number;

  @Column({ type: 'jsonb' })
  warnings!: CatalogWarning[];
}

@Entity({ name: 'catalog_items' })
export class CatalogItemEntity {
  @PrimaryColumn({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  area!: string;

  @Column({ type: 'text' })
  level1!: string;

  @Column({ type: 'text' })
  level2!: string;

  @Column({ type: 'text', nullable: true })
  level3!: string | null;

  @Column({ type: 'text' })
  content!: string;

  @Column({ type: 'text' })
  basis!: string;

  @Column({ name: 'time_limit_text', type: 'text' })
  timeLimitText!: string;

  @Column({ name: 'time_limit_rule', type: 'jsonb' })
  timeLimitRule!: TimeLimitRule;

  @Column({ type: 'text' })
  subject!: string;

  /** The units responsible for the row (责任部门); empty until one is assigned. Only they draft under it. */
  @Column({ name: 'department_codes', type: 'text', array: true, default: () => `'{}'` })
  departmentCodes!: string[];

  @Column({ type: 'text', array: true })
  channels!: string[];

  @Column({ type: 'varchar', length: 32 })
  audience!: 'public' | 'specific-group' | 'both';

  @Column({ type: 'varchar', length: 32 })
  mode!: 'proactive' | 'on-application' | 'both';

  @Column({ type: 'text', array: true })
  levels!: ('county' | 'township')[];

  @Column({ type: 'varchar', length: 32, nullable: true })
  category!: string | null;

  @Column({ name: 'needs_interpretation', type: 'boolean', default: false })
  needsInterpretation!: boolean;

  @Column({ name: 'time_limit_notes', type: 'text', array: true, default: () => `'{}'` })
  timeLimitNotes!: string[];

  @Column({ name: 'source_file', type: 'text', nullable: true })
  sourceFile!: string | null;

  @Column({ name: 'source_row', type: 'int', nullable: true })
  sourceRow!: number | null;
}
