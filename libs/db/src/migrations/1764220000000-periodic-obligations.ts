import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Periodic obligations (定期公开): the catalog rows registered as standing obligations of a department,
 * each with its Temporal Schedule, and the drafting task each period opens (its own table: a review
 * task's stage is a review stage, and a drafting task has none).
 */
export class PeriodicObligations1764220000000 implements MigrationInterface {
  name = 'PeriodicObligations1764220000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE obligations (
        id                 uuid PRIMARY KEY,
        catalog_version_id uuid NOT NULL,
        catalog_item_code  varchar(64) NOT NULL,
        department_code    varchar(64) NOT NULL REFERENCES departments(code),
        -- The catalog's wording and the rule read from it, as registered: a new catalog version does not
        -- change a registered obligation's periods.
        time_limit_text    text NOT NULL,
        rule               jsonb NOT NULL,
        schedule_id        varchar(200) NOT NULL UNIQUE,
        state              varchar(16) NOT NULL CHECK (state IN ('active', 'deleted')),
        created_by         varchar(100) NOT NULL REFERENCES users(username),
        created_at         timestamptz NOT NULL DEFAULT now(),
        deleted_by         varchar(100) REFERENCES users(username),
        deleted_at         timestamptz,
        FOREIGN KEY (catalog_version_id, catalog_item_code) REFERENCES catalog_items(version_id, code)
      );
      -- One standing obligation per catalog item and department; a deleted one may be registered again.
      CREATE UNIQUE INDEX obligations_one_active ON obligations (catalog_item_code, department_code) WHERE state = 'active';

      CREATE TABLE obligation_tasks (
        id                uuid PRIMARY KEY,
        obligation_id     uuid NOT NULL REFERENCES obligations(id),
        workflow_id       varchar(300) NOT NULL,
        period_key        varchar(32) NOT NULL,
        period_label      varchar(64) NOT NULL,
        period_start      date NOT NULL,
        due_date          date NOT NULL,
        due_at            timestamptz NOT NULL,
        due_explanation   text,
        department_code   varchar(64) NOT NULL REFERENCES departments(code),
        catalog_item_code varchar(64) NOT NULL,
        state             varchar(16) NOT NULL CHECK (state IN ('open', 'fulfilled')),
        overdue           boolean NOT NULL DEFAULT false,
        overdue_at        timestamptz,
        fulfilled_item_id uuid REFERENCES disclosure_items(id),
        fulfilled_by      varchar(100) REFERENCES users(username),
        fulfilled_at      timestamptz,
        fulfilled_late    boolean,
        created_at        timestamptz NOT NULL DEFAULT now(),
        -- One drafting task per obligation and period, whichever workflow run opened it.
        UNIQUE (obligation_id, period_key)
      );
      -- The drafters' inbox: a department's open drafting tasks in due order.
      CREATE INDEX obligation_tasks_inbox ON obligation_tasks (department_code, state, due_at, id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE obligation_tasks;
      DROP TABLE obligations;
    `);
  }
}
