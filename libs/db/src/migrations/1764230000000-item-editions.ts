import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Released editions (版次): the public portal shows the current one and keeps the history, while a
 * change (变更) is drafted and reviewed on the item itself.
 */
export class ItemEditions1764230000000 implements MigrationInterface {
  name = 'ItemEditions1764230000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE item_editions (
        item_id        uuid NOT NULL REFERENCES disclosure_items(id),
        edition        int NOT NULL CHECK (edition >= 1),
        revision       int NOT NULL,
        title          text NOT NULL,
        body           text NOT NULL,
        interpretation text,
        content_hash   varchar(64) NOT NULL,
        released_at    timestamptz NOT NULL,
        PRIMARY KEY (item_id, edition)
      );
      ALTER TABLE disclosure_items ADD COLUMN current_edition int;
      -- Items released before editions existed become their first edition.
      INSERT INTO item_editions (item_id, edition, revision, title, body, interpretation, content_hash, released_at)
        SELECT id, 1, revision, title, body, interpretation, coalesce(signed_content_hash, ''), released_at FROM disclosure_items WHERE released_at IS NOT NULL;
      UPDATE disclosure_items SET current_edition = 1 WHERE released_at IS NOT NULL;
      CREATE INDEX disclosure_items_public ON disclosure_items (released_at DESC) WHERE current_edition IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX disclosure_items_public;
      ALTER TABLE disclosure_items DROP COLUMN current_edition;
      DROP TABLE item_editions;
    `);
  }
}
