import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the disclosure office types into each year's annual report (政府信息公开工作年度报告): the sections and
 * tables the system does not count itself. One row per year; the figures the system counts are never stored,
 * so a report always reflects the records as they are.
 */
export class AnnualReports1764270000000 implements MigrationInterface {
  name = 'AnnualReports1764270000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE annual_reports (
        year       int PRIMARY KEY CHECK (year BETWEEN 2008 AND 2999),
        -- Validated by the API (shapes and the tables' own checks) before it is stored.
        inputs     jsonb NOT NULL CHECK (jsonb_typeof(inputs) = 'object'),
        revision   int NOT NULL DEFAULT 1,
        updated_by varchar(100) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE annual_reports`);
  }
}
