import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public concerns (回应关切) and 政务舆情 incidents: the read model the concern workflows write, their
 * deadlines, the published responses the portal shows, and the shared rate limit on public submissions.
 */
export class PublicConcerns1764210000000 implements MigrationInterface {
  name = 'PublicConcerns1764210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE concerns (
        id                       uuid PRIMARY KEY,
        item_id                  uuid NOT NULL REFERENCES disclosure_items(id),
        item_department_code     varchar(64) NOT NULL REFERENCES departments(code),
        kind                     varchar(32) NOT NULL CHECK (kind IN ('message', 'major-emergency', 'public-opinion')),
        content                  text NOT NULL,
        -- How to reach the asker: shown to staff, never published.
        contact                  varchar(200),
        received_at              timestamptz NOT NULL,
        -- The staff member who registered an incident; NULL for a question from the public.
        registered_by            varchar(100),
        state                    varchar(32) NOT NULL
                                 CHECK (state IN ('AWAITING_TRIAGE', 'AWAITING_RESPONSE', 'AWAITING_REVIEW', 'APPROVED', 'PUBLISHED')),
        classification           varchar(32) CHECK (classification IN ('inquiry', 'suggestion', 'complaint', 'report', 'other')),
        assigned_department_code varchar(64) REFERENCES departments(code),
        revision                 int NOT NULL DEFAULT 1,
        draft                    text,
        drafted_by               varchar(100),
        return_comment           text,
        deadline_extended        boolean NOT NULL DEFAULT false,
        extension_reason         text,
        press_conference_held_at timestamptz,
        press_conference_summary text,
        published_at             timestamptz,
        created_at               timestamptz NOT NULL DEFAULT now(),
        updated_at               timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX concerns_item ON concerns (item_id);
      -- The staff inbox: concerns assigned to a department, or on its items, by state.
      CREATE INDEX concerns_assigned_inbox ON concerns (assigned_department_code, state, received_at);
      CREATE INDEX concerns_item_department_inbox ON concerns (item_department_code, state, received_at);

      CREATE TABLE concern_deadlines (
        concern_id  uuid NOT NULL REFERENCES concerns(id),
        milestone   varchar(32) NOT NULL CHECK (milestone IN ('authoritative-information', 'press-conference', 'response')),
        due_at      timestamptz NOT NULL,
        explanation text NOT NULL,
        provisional boolean NOT NULL DEFAULT false,
        overdue_at  timestamptz,
        met_at      timestamptz,
        PRIMARY KEY (concern_id, milestone)
      );
      -- Supervision: what is overdue and not met yet.
      CREATE INDEX concern_deadlines_open ON concern_deadlines (due_at) WHERE met_at IS NULL;

      -- One published response per concern: a retried publication finds its row instead of publishing twice.
      CREATE TABLE concern_responses (
        concern_id      uuid PRIMARY KEY REFERENCES concerns(id),
        item_id         uuid NOT NULL REFERENCES disclosure_items(id),
        -- The question as asked, contact details removed; NULL for an incident, whose summary is internal.
        question        text,
        response        text NOT NULL,
        department_code varchar(64) NOT NULL REFERENCES departments(code),
        approved_by     varchar(100) NOT NULL,
        published_at    timestamptz NOT NULL
      );
      CREATE INDEX concern_responses_item ON concern_responses (item_id, published_at);

      -- Public submissions per client in a sliding window, shared by every API replica. The client is a
      -- SHA-256 of its address, and rows older than the window are swept away.
      CREATE TABLE rate_limit_hits (
        id         bigserial PRIMARY KEY,
        scope      varchar(64) NOT NULL,
        client_key varchar(64) NOT NULL,
        hit_at     timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX rate_limit_hits_client ON rate_limit_hits (scope, client_key, hit_at);
      CREATE INDEX rate_limit_hits_age ON rate_limit_hits (scope, hit_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE rate_limit_hits;
      DROP TABLE concern_responses;
      DROP TABLE concern_deadlines;
      DROP TABLE concerns;
    `);
  }
}
