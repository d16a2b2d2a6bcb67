import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The entered parts of one year's annual report (政府信息公开工作年度报告). */
@Entity({ name: 'annual_reports' })
export class AnnualReportEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  /** `AnnualReportInputs` from @zwgk/domain, validated before it is stored. */
  @Column({ type: 'jsonb' })
  inputs!: Record<string, unknown>;

  /** Bumped on every save, so each save has its own audit record. */
  @Column({ type: 'int' })
  revision!: number;

  @Column({ name: 'updated_by', type: 'varchar', length: 100 })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
