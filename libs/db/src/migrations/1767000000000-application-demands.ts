import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A supervisor's demand for action (督办) on an application for disclosure: the department holding the
 * application must explain (说明情况) and say what it will change (整改措施) by a response date the supervisor
 * sets, and the supervisor then closes it. A table of its own beside supervision_demands, whose rows are item
 * demands answered through a review_tasks row (an item and its revision, working days from the demand): an
 * application has neither, so it is answered on the application itself, and the supervisor's closing is a
 * step item demands do not have. The department is fixed when the demand is issued: a later transfer does
 * not move the accountability for the delay it was issued about.
 */
export class ApplicationDemands1767000000000 implements MigrationInterface {
  name = 'ApplicationDemands1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE application_demands (
        id                 uuid PRIMARY KEY,
        workflow_id        varchar(200) NOT NULL UNIQUE,
        application_id     uuid NOT NULL REFERENCES disclosure_applications(id),
        department_code    varchar(64) NOT NULL REFERENCES departments(code),
        reason             text NOT NULL,
        demanded_by        varchar(100) NOT NULL REFERENCES users(username),
        due_date           date NOT NULL,
        due_at             timestamptz NOT NULL,
        created_at         timestamptz NOT NULL,
        state              varchar(16) NOT NULL CHECK (state IN ('open', 'overdue', 'answered', 'closed')),
        reminded_at        timestamptz,
        overdue_at         timestamptz,
        situation          text,
        measures           text,
        responder          varchar(100) REFERENCES users(username),
        responded_at       timestamptz,
        closed_by          varchar(100) REFERENCES users(username),
        closed_at          timestamptz,
        closing_remark     text,
        CHECK ((state IN ('answered', 'closed')) = (responded_at IS NOT NULL)),
        CHECK ((state = 'closed') = (closed_at IS NOT NULL))
      );
      CREATE INDEX application_demands_application ON application_demands (application_id, created_at);
      CREATE INDEX application_demands_list ON application_demands (state, department_code, created_at DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE application_demands`);
  }
}
