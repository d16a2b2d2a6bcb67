import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compilation rounds of the standard catalog (编制 and 动态调整): the round, projected by its workflow, and
 * each department's proposal in it with the rows it proposes and the office's decision on each. The
 * workflow is the source of truth; these rows are what the screens and the API read.
 */
export class CatalogCompilation1765310000000 implements MigrationInterface {
  name = 'CatalogCompilation1765310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE catalog_compilation_rounds (
        id                     uuid PRIMARY KEY,
        workflow_id            varchar(200) NOT NULL,
        kind                   varchar(16)  NOT NULL CHECK (kind IN ('annual', 'adjustment')),
        year                   int          NOT NULL,
        areas                  text[]       NOT NULL,
        department_codes       text[]       NOT NULL,
        due_at                 timestamptz  NOT NULL,
        legal_review           boolean      NOT NULL,
        base_version_id        uuid         NOT NULL REFERENCES catalog_versions (id),
        office_department_code varchar(64)  NOT NULL,
        opened_by              varchar(100) NOT NULL,
        opened_at              timestamptz  NOT NULL,
        state                  varchar(32)  NOT NULL,
        overdue                boolean      NOT NULL DEFAULT false,
        result_version_id      uuid REFERENCES catalog_versions (id),
        diff                   jsonb,
        last_return            jsonb,
        updated_at             timestamptz  NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`
      CREATE TABLE catalog_compilation_proposals (
        round_id        uuid        NOT NULL REFERENCES catalog_compilation_rounds (id),
        department_code varchar(64) NOT NULL,
        state           varchar(16) NOT NULL CHECK (state IN ('open', 'submitted', 'returned', 'accepted')),
        revision        int         NOT NULL DEFAULT 0,
        rows            jsonb       NOT NULL DEFAULT '[]',
        reviews         jsonb       NOT NULL DEFAULT '[]',
        overdue         boolean     NOT NULL DEFAULT false,
        updated_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (round_id, department_code)
      )
    `);
    await queryRunner.query(`CREATE INDEX catalog_compilation_proposals_department ON catalog_compilation_proposals (department_code, state)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE catalog_compilation_proposals`);
    await queryRunner.query(`DROP TABLE catalog_compilation_rounds`);
  }
}
