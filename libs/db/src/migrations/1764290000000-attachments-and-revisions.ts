import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drafting: the files attached to an item (PDFs and images), the content of every revision (稿) for the
 * diff between them, and the indexes of the "my items" list.
 *
 * Attachment bytes live in a content-addressed store (the sha256 is the storage key), so a retried upload
 * stores nothing twice; a row is one file on one item, and the same file under the same name on the same
 * item is the same row while it is attached. Removal is soft: the audit trail and the released editions
 * keep pointing at what was attached.
 *
 * A revision's row holds its content as last recorded by the workflow's projection activities; existing
 * items get their current revision, and every released edition's revision, from what is already stored.
 */
export class AttachmentsAndRevisions1764290000000 implements MigrationInterface {
  name = 'AttachmentsAndRevisions1764290000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE item_attachments (
        id          uuid PRIMARY KEY,
        item_id     uuid NOT NULL REFERENCES disclosure_items(id),
        file_name   varchar(255) NOT NULL CHECK (file_name <> ''),
        media_type  varchar(100) NOT NULL,
        size_bytes  bigint NOT NULL CHECK (size_bytes > 0),
        sha256      char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key varchar(300) NOT NULL,
        uploaded_by varchar(100) NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        removed_at  timestamptz,
        removed_by  varchar(100)
      );
      -- An upload retried, or the same file chosen twice, finds the row it made.
      CREATE UNIQUE INDEX item_attachments_attached_once ON item_attachments (item_id, sha256, file_name) WHERE removed_at IS NULL;
      CREATE INDEX item_attachments_item ON item_attachments (item_id, uploaded_at, id);

      CREATE TABLE item_revisions (
        item_id        uuid NOT NULL REFERENCES disclosure_items(id),
        revision       int NOT NULL CHECK (revision >= 1),
        title          text NOT NULL,
        body           text NOT NULL,
        interpretation text,
        formed_at      date NOT NULL,
        channels       text[] NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (item_id, revision)
      );
      INSERT INTO item_revisions (item_id, revision, title, body, interpretation, formed_at, channels, recorded_at)
        SELECT id, revision, title, body, interpretation, formed_at, channels, updated_at FROM disclosure_items;
      INSERT INTO item_revisions (item_id, revision, title, body, interpretation, formed_at, channels, recorded_at)
        SELECT e.item_id, e.revision, e.title, e.body, e.interpretation, i.formed_at, i.channels, e.released_at
          FROM item_editions e JOIN disclosure_items i ON i.id = e.item_id
        ON CONFLICT (item_id, revision) DO NOTHING;

      -- "My items" and the department head's list: keyset pages by updated_at DESC, id DESC.
      CREATE INDEX disclosure_items_by_drafter ON disclosure_items (drafter_username, updated_at DESC, id DESC);
      CREATE INDEX disclosure_items_by_department ON disclosure_items (department_code, updated_at DESC, id DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX disclosure_items_by_department;
      DROP INDEX disclosure_items_by_drafter;
      DROP TABLE item_revisions;
      DROP TABLE item_attachments;
    `);
  }
}
