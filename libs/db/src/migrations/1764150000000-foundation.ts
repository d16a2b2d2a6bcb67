import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The foundation schema: organisation, catalog versions, item and task read models, audit, release ledger. */
export class Foundation1764150000000 implements MigrationInterface {
  name = 'Foundation1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE departments (
        code        varchar(64) PRIMARY KEY,
        name        varchar(200) NOT NULL,
        parent_code varchar(64) REFERENCES departments(code),
        kind        varchar(32) NOT NULL CHECK (kind IN ('county', 'department', 'township'))
      );

      CREATE TABLE users (
        username        varchar(100) PRIMARY KEY,
        display_name    varchar(200) NOT NULL,
        department_code varchar(64) NOT NULL REFERENCES departments(code),
        roles           text[] NOT NULL DEFAULT '{}',
        active          boolean NOT NULL DEFAULT true
      );

      CREATE TABLE catalog_versions (
        id           uuid PRIMARY KEY,
        label        varchar(200) NOT NULL,
        state        varchar(16) NOT NULL CHECK (state IN ('draft', 'active', 'superseded')),
        created_at   timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz
      );
      -- At most one active catalog version at a time.
      CREATE UNIQUE INDEX catalog_versions_one_active ON catalog_versions ((state)) WHERE state = 'active';

      CREATE TABLE catalog_items (
        version_id           uuid NOT NULL REFERENCES catalog_versions(id),
        code                 varchar(64) NOT NULL,
        area                 varchar(100) NOT NULL,
        level1               text NOT NULL,
        level2               text NOT NULL,
        level3               text,
        content              text NOT NULL,
        basis                text NOT NULL,
        time_limit_text      text NOT NULL,
        time_limit_rule      jsonb NOT NULL,
        subject              text NOT NULL,
        channels             text[] NOT NULL,
        audience             varchar(32) NOT NULL,
        mode                 varchar(32) NOT NULL,
        levels               text[] NOT NULL,
        category             varchar(32),
        needs_interpretation boolean NOT NULL DEFAULT false,
        PRIMARY KEY (version_id, code)
      );
      CREATE INDEX catalog_items_area ON catalog_items (version_id, area);

      CREATE TABLE disclosure_items (
        id                      uuid PRIMARY KEY,
        catalog_version_id      uuid NOT NULL REFERENCES catalog_versions(id),
        catalog_item_code       varchar(64) NOT NULL,
        department_code         varchar(64) NOT NULL REFERENCES departments(code),
        drafter_username        varchar(100) NOT NULL REFERENCES users(username),
        title                   text NOT NULL,
        body                    text NOT NULL,
        formed_at               date NOT NULL,
        channels                text[] NOT NULL,
        state                   varchar(16) NOT NULL,
        revision                int NOT NULL DEFAULT 1,
        release_due_at          timestamptz,
        release_due_explanation text,
        release_due_provisional boolean NOT NULL DEFAULT false,
        released_at             timestamptz,
        withdrawn_at            timestamptz,
        withdrawal_reason       text,
        created_at              timestamptz NOT NULL DEFAULT now(),
        updated_at              timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (catalog_version_id, catalog_item_code) REFERENCES catalog_items(version_id, code)
      );
      CREATE INDEX disclosure_items_department_state ON disclosure_items (department_code, state);
      CREATE INDEX disclosure_items_released ON disclosure_items (released_at DESC) WHERE state = 'RELEASED';

      CREATE TABLE review_tasks (
        id              uuid PRIMARY KEY,
        item_id         uuid NOT NULL REFERENCES disclosure_items(id),
        stage           varchar(32) NOT NULL,
        role            varchar(32) NOT NULL,
        department_code varchar(64) NOT NULL REFERENCES departments(code),
        assignee        varchar(100) REFERENCES users(username),
        claimed_by      varchar(100) REFERENCES users(username),
        state           varchar(16) NOT NULL CHECK (state IN ('open', 'completed', 'cancelled')),
        decision        varchar(16) CHECK (decision IN ('approve', 'return', 'reject')),
        comment         text,
        decided_by      varchar(100) REFERENCES users(username),
        revision        int NOT NULL,
        priority        int NOT NULL DEFAULT 0,
        due_at          timestamptz NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        completed_at    timestamptz
      );
      -- The inbox: open tasks for a role in a department, or assigned to a person, in due order.
      CREATE INDEX review_tasks_inbox_by_role ON review_tasks (department_code, role, state, due_at, priority DESC, id);
      CREATE INDEX review_tasks_inbox_by_assignee ON review_tasks (assignee, state, due_at, priority DESC, id) WHERE assignee IS NOT NULL;
      CREATE INDEX review_tasks_item ON review_tasks (item_id);

      CREATE TABLE audit_events (
        id              bigserial PRIMARY KEY,
        event_key       varchar(300) NOT NULL UNIQUE,
        item_id         uuid,
        task_id         uuid,
        actor           varchar(100) NOT NULL,
        actor_role      varchar(32),
        department_code varchar(64),
        action          varchar(64) NOT NULL,
        reason          text,
        detail          jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id      varchar(100),
        occurred_at     timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_events_item ON audit_events (item_id, id);

      -- The audit trail is append-only: Postgres itself refuses to change or remove a row.
      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

      CREATE TABLE publications (
        id           bigserial PRIMARY KEY,
        item_id      uuid NOT NULL REFERENCES disclosure_items(id),
        channel      varchar(100) NOT NULL,
        revision     int NOT NULL,
        action       varchar(16) NOT NULL CHECK (action IN ('publish', 'withdraw')),
        occurred_at  timestamptz NOT NULL DEFAULT now(),
        reference    text NOT NULL,
        content_hash varchar(64) NOT NULL,
        UNIQUE (item_id, channel, revision, action)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE publications;
      DROP TRIGGER audit_events_no_truncate ON audit_events;
      DROP TRIGGER audit_events_append_only ON audit_events;
      DROP TABLE audit_events;
      DROP FUNCTION audit_events_refuse_change();
      DROP TABLE review_tasks;
      DROP TABLE disclosure_items;
      DROP TABLE catalog_items;
      DROP TABLE catalog_versions;
      DROP TABLE users;
      DROP TABLE departments;
    `);
  }
}
