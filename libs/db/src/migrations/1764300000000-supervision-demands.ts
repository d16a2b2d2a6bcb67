import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A supervisor's demand for action (督办) on an item: the department must answer by a due time. Its task is
 * a row in review_tasks with the same id (stage 'supervision-demand', role 'reviewer'), so it shows in the
 * department head's inbox like any task; this table keeps what a review task has no column for (the reason,
 * who demanded it, the response) and the demand's own state.
 */
export class SupervisionDemands1764300000000 implements MigrationInterface {
  name = 'SupervisionDemands1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE supervision_demands (
        id                 uuid PRIMARY KEY,
        workflow_id        varchar(200) NOT NULL UNIQUE,
        item_id            uuid NOT NULL REFERENCES disclosure_items(id),
        department_code    varchar(64) NOT NULL REFERENCES departments(code),
        reason             text NOT NULL,
        demanded_by        varchar(100) NOT NULL REFERENCES users(username),
        due_working_days   int NOT NULL CHECK (due_working_days BETWEEN 1 AND 60),
        due_at             timestamptz NOT NULL,
        due_explanation    text,
        created_at         timestamptz NOT NULL,
        state              varchar(16) NOT NULL CHECK (state IN ('open', 'overdue', 'answered')),
        overdue_at         timestamptz,
        responded_at       timestamptz,
        response           text,
        responder          varchar(100) REFERENCES users(username),
        CHECK ((state = 'answered') = (responded_at IS NOT NULL))
      );
      CREATE INDEX supervision_demands_item ON supervision_demands (item_id, created_at);
      CREATE INDEX supervision_demands_list ON supervision_demands (state, department_code, created_at DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE supervision_demands`);
  }
}
