import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A unit of the county: 县政府 → 部门 → 乡镇/街道. */
@Entity({ name: 'departments' })
export class DepartmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'parent_code', type: 'varchar', length: 64, nullable: true })
  parentCode!: string | null;

  @Column({ type: 'varchar', length: 32 })
  kind!: 'county' | 'department' | 'township';

  /** false once an admin deactivated (停用) the unit: kept for history, offered for no new work. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;
}
