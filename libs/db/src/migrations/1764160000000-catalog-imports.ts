import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Import reports: what each catalog import read and warned about, beside the version it created. */
export class CatalogImports1764160000000 implements MigrationInterface {
  name = 'CatalogImports1764160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE catalog_imports (
        id          uuid PRIMARY KEY,
        version_id  uuid NOT NULL UNIQUE REFERENCES catalog_versions(id),
        imported_by varchar(100) NOT NULL REFERENCES users(username),
        imported_at timestamptz NOT NULL DEFAULT now(),
        files       jsonb NOT NULL,
        item_count  int NOT NULL,
        warnings    jsonb NOT NULL
      );
      ALTER TABLE catalog_versions ADD COLUMN created_by varchar(100) REFERENCES users(username);
      ALTER TABLE catalog_versions ADD COLUMN activated_by varchar(100) REFERENCES users(username);
      ALTER TABLE catalog_items ADD COLUMN time_limit_notes text[] NOT NULL DEFAULT '{}';
      ALTER TABLE catalog_items ADD COLUMN source_file text;
      ALTER TABLE catalog_items ADD COLUMN source_row int;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE catalog_items DROP COLUMN source_row, DROP COLUMN source_file, DROP COLUMN time_limit_notes;
      ALTER TABLE catalog_versions DROP COLUMN activated_by, DROP COLUMN created_by;
      DROP TABLE catalog_imports;
    `);
  }
}
