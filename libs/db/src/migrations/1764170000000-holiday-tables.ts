import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Official holiday arrangements loaded by admins, one row per load: the newest row of a year is in force,
 * older rows stay as the calendar's history. The arrangements shipped with the code are the base.
 */
export class HolidayTables1764170000000 implements MigrationInterface {
  name = 'HolidayTables1764170000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE holiday_tables (
        id                   bigserial PRIMARY KEY,
        year                 int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        source               text NOT NULL,
        holidays             jsonb NOT NULL,
        make_up_working_days date[] NOT NULL DEFAULT '{}',
        loaded_by            varchar(100) NOT NULL REFERENCES users(username),
        loaded_at            timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX holiday_tables_year ON holiday_tables (year, id DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE holiday_tables;`);
  }
}
