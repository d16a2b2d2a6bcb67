import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full review lifecycle: configurable chains per department and catalog item, in-app notifications,
 * and the item and task columns for revisions, interpretation, scheduled release, overdue and escalation.
 */
export class ReviewLifecycle1764190000000 implements MigrationInterface {
  name = 'ReviewLifecycle1764190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE review_chain_policies (
        id                bigserial PRIMARY KEY,
        department_code   varchar(64) REFERENCES departments(code),
        catalog_item_code varchar(64),
        stages            text[] NOT NULL,
        updated_by        varchar(100) NOT NULL REFERENCES users(username),
        updated_at        timestamptz NOT NULL DEFAULT now()
      );
      -- One policy per (department, catalog item); NULL means "any".
      CREATE UNIQUE INDEX review_chain_policies_scope ON review_chain_policies (coalesce(department_code, ''), coalesce(catalog_item_code, ''));

      CREATE TABLE notifications (
        id                 bigserial PRIMARY KEY,
        notification_key   varchar(300) NOT NULL,
        recipient          varchar(100) NOT NULL REFERENCES users(username),
        kind               varchar(64) NOT NULL,
        title              text NOT NULL,
        body               text NOT NULL,
        item_id            uuid REFERENCES disclosure_items(id),
        task_id            uuid,
        created_at         timestamptz NOT NULL DEFAULT now(),
        read_at            timestamptz,
        UNIQUE (notification_key, recipient)
      );
      CREATE INDEX notifications_recipient ON notifications (recipient, read_at, id DESC);

      ALTER TABLE disclosure_items
        ADD COLUMN normative_document boolean NOT NULL DEFAULT false,
        ADD COLUMN interpretation text,
        ADD COLUMN overdue boolean NOT NULL DEFAULT false,
        ADD COLUMN scheduled_release_at timestamptz,
        ADD COLUMN signed_content_hash varchar(64);

      ALTER TABLE review_tasks
        ADD COLUMN overdue boolean NOT NULL DEFAULT false,
        ADD COLUMN escalated boolean NOT NULL DEFAULT false,
        ADD COLUMN reminded_at timestamptz,
        ADD COLUMN delegated_by varchar(100) REFERENCES users(username);
      CREATE INDEX review_tasks_escalated ON review_tasks (department_code, state, due_at) WHERE escalated;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX review_tasks_escalated;
      ALTER TABLE review_tasks DROP COLUMN delegated_by, DROP COLUMN reminded_at, DROP COLUMN escalated, DROP COLUMN overdue;
      ALTER TABLE disclosure_items DROP COLUMN signed_content_hash, DROP COLUMN scheduled_release_at, DROP COLUMN overdue,
        DROP COLUMN interpretation, DROP COLUMN normative_document;
      DROP TABLE notifications;
      DROP TABLE review_chain_policies;
    `);
  }
}
