import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Departments can be deactivated (停用) when a unit is merged or dissolved. The row stays, so items, tasks,
 * ratings and the audit trail that name it remain readable; an inactive unit only stops being offered for new
 * work (new sub-units, new or moved users, sign-in). deactivated_at is set exactly while the unit is inactive.
 */
export class DepartmentActive1764330000000 implements MigrationInterface {
  name = 'DepartmentActive1764330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE departments
        ADD COLUMN active         boolean NOT NULL DEFAULT true,
        ADD COLUMN deactivated_at timestamptz,
        ADD CONSTRAINT departments_deactivated_at_fits_active CHECK (active = (deactivated_at IS NULL));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE departments
        DROP CONSTRAINT departments_deactivated_at_fits_active,
        DROP COLUMN deactivated_at,
        DROP COLUMN active;
    `);
  }
}
