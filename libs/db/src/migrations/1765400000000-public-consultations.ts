import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public consultation on draft decisions (意见征集): the consultation (the read model of its workflow), the
 * comments from the public with their moderation and the department's answer to each (采纳情况). The feedback
 * is published as an ordinary disclosure item and the final decision document is one too: both are linked
 * here by id, so the item tables stay as they are. A commenter's contact is kept for staff only.
 */
export class PublicConsultations1765400000000 implements MigrationInterface {
  name = 'PublicConsultations1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE public_consultations (
        id                        uuid PRIMARY KEY,
        workflow_id               varchar(200) NOT NULL UNIQUE,
        department_code           varchar(64) NOT NULL REFERENCES departments(code),
        kind                      varchar(32) NOT NULL CHECK (kind IN ('normative-document', 'plan', 'major-decision', 'other')),
        title                     varchar(300) NOT NULL,
        draft_text                text NOT NULL,
        explanation               text NOT NULL,
        affects_market_entities   boolean NOT NULL DEFAULT false,
        shortened_reason          text,
        minimum_basis             text NOT NULL,
        opened_by                 varchar(100) NOT NULL REFERENCES users(username),
        opened_at                 timestamptz NOT NULL,
        closes_on                 date NOT NULL,
        closes_at                 timestamptz NOT NULL,
        state                     varchar(24) NOT NULL CHECK (state IN ('OPEN', 'CLOSED', 'FEEDBACK_IN_REVIEW', 'FEEDBACK_PUBLISHED')),
        closed_at                 timestamptz,
        feedback_due_at           timestamptz,
        feedback_due_explanation  text,
        feedback_overdue          boolean NOT NULL DEFAULT false,
        feedback_overdue_at       timestamptz,
        feedback_summary          text,
        feedback_item_id          uuid REFERENCES disclosure_items(id),
        feedback_published_at     timestamptz,
        feedback_late             boolean,
        decision_item_id          uuid REFERENCES disclosure_items(id),
        updated_at                timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX public_consultations_public ON public_consultations (state, closes_at DESC);
      CREATE INDEX public_consultations_department ON public_consultations (department_code, opened_at DESC);
      CREATE UNIQUE INDEX public_consultations_decision_item ON public_consultations (decision_item_id) WHERE decision_item_id IS NOT NULL;
      CREATE INDEX public_consultations_feedback_item ON public_consultations (feedback_item_id) WHERE feedback_item_id IS NOT NULL;

      CREATE TABLE consultation_comments (
        id                uuid PRIMARY KEY,
        consultation_id   uuid NOT NULL REFERENCES public_consultations(id),
        clause            varchar(200),
        content           text NOT NULL,
        author_name       varchar(50),
        contact           varchar(100),
        request_id        varchar(100),
        received_at       timestamptz NOT NULL DEFAULT now(),
        state             varchar(16) NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
        moderated_by      varchar(100) REFERENCES users(username),
        moderated_at      timestamptz,
        rejection_reason  text,
        adoption          varchar(16) CHECK (adoption IN ('adopted', 'partly-adopted', 'not-adopted')),
        adoption_reason   text,
        CHECK (adoption IS NULL OR state = 'approved')
      );
      CREATE INDEX consultation_comments_list ON consultation_comments (consultation_id, state, received_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE consultation_comments; DROP TABLE public_consultations`);
  }
}
