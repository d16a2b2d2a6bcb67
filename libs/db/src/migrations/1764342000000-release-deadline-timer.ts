import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statutory release deadline runs on the item workflow's timer, which records what it saw: whether the
 * item is overdue now (release_overdue, since release_overdue_at; cleared when an extension or a new calendar
 * moves the deadline ahead), and at the first release whether it came late and by how many working days.
 */
export class ReleaseDeadlineTimer1764342000000 implements MigrationInterface {
  name = 'ReleaseDeadlineTimer1764342000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE disclosure_items
        ADD COLUMN release_overdue           boolean NOT NULL DEFAULT false,
        ADD COLUMN release_overdue_at        timestamptz,
        ADD COLUMN released_late             boolean NOT NULL DEFAULT false,
        ADD COLUMN release_late_working_days int,
        ADD CONSTRAINT disclosure_items_late_days_fit_late CHECK (released_late = (release_late_working_days IS NOT NULL));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE disclosure_items
        DROP CONSTRAINT disclosure_items_late_days_fit_late,
        DROP COLUMN release_late_working_days,
        DROP COLUMN released_late,
        DROP COLUMN release_overdue_at,
        DROP COLUMN release_overdue;
    `);
  }
}
