import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos of a manual channel's notice (公示栏, 办事大厅) that a person takes when confirming it posted or
 * taken down. They are kept apart from the item's attachments: those are the disclosed content (counted,
 * scanned for personal information, public once released), a photo of a notice board is the release
 * ledger's evidence for staff. The bytes live in the attachment store under their sha256; the same bytes
 * for the same item and channel are one photo, so a retried upload adds nothing.
 */
export class LedgerPhotos1769000000000 implements MigrationInterface {
  name = 'LedgerPhotos1769000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ledger_photos (
        id uuid PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES disclosure_items(id),
        channel text NOT NULL,
        file_name text NOT NULL,
        media_type text NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 text NOT NULL,
        storage_key text NOT NULL,
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ledger_photos_once UNIQUE (item_id, channel, sha256)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ledger_photos`);
  }
}
