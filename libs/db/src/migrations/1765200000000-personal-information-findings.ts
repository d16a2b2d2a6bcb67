import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The personal-information guard: the text read from each attachment (page by page, once, at upload) and
 * the findings of the detector on an item's content and attachments.
 *
 * A finding row is keyed by the detector's stable key (place, kind, a fingerprint of the value, occurrence),
 * so a rescan keeps what people decided about it: a reviewer's legal reason (justified) stays with the
 * value. A value the text no longer carries (masked, or removed) is closed (resolved_at) and counts as
 * masked. The rows keep only a masked preview and a fingerprint, never the value itself: the findings list
 * must not become one more copy of the personal data it warns about.
 */
export class PersonalInformationFindings1765200000000 implements MigrationInterface {
  name = 'PersonalInformationFindings1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE attachment_texts (
        attachment_id uuid PRIMARY KEY REFERENCES item_attachments(id),
        status        varchar(20) NOT NULL CHECK (status IN ('text', 'no-text-layer', 'image', 'unreadable')),
        pages         text[] NOT NULL DEFAULT '{}',
        extracted_at  timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE personal_information_findings (
        id             uuid PRIMARY KEY,
        item_id        uuid NOT NULL REFERENCES disclosure_items(id),
        finding_key    varchar(400) NOT NULL,
        kind           varchar(30) NOT NULL,
        field          varchar(20) NOT NULL CHECK (field IN ('title', 'body', 'interpretation', 'attachment')),
        attachment_id  uuid REFERENCES item_attachments(id),
        file_name      varchar(255),
        page           int,
        start_offset   int NOT NULL DEFAULT 0,
        end_offset     int NOT NULL DEFAULT 0,
        masked_preview text NOT NULL,
        status         varchar(20) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'masked', 'justified')),
        justification  text,
        justified_by   varchar(100),
        justified_at   timestamptz,
        first_found_at timestamptz NOT NULL DEFAULT now(),
        last_found_at  timestamptz NOT NULL DEFAULT now(),
        resolved_at    timestamptz,
        CHECK (status <> 'justified' OR (justification IS NOT NULL AND justified_by IS NOT NULL)),
        UNIQUE (item_id, finding_key)
      );
      -- The gate and the lists read an item's current findings.
      CREATE INDEX personal_information_findings_current ON personal_information_findings (item_id, field, page, start_offset) WHERE resolved_at IS NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE personal_information_findings;
      DROP TABLE attachment_texts;
    `);
  }
}
