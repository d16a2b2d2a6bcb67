import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each task keeps the "why this date" of its due time, like the item's release deadline. */
export class TaskDueExplanation1764180000000 implements MigrationInterface {
  name = 'TaskDueExplanation1764180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE review_tasks ADD COLUMN due_explanation text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE review_tasks DROP COLUMN due_explanation`);
  }
}
