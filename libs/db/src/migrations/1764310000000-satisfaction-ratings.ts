import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public satisfaction ratings (公众满意度): 1 to 5 on a released item or on a published concern response,
 * once per client. A client is a hash of the random id in its cookie and its address, salted, so the raw
 * address is never stored. The department is the one rated (the item's, or the one that answered), kept
 * on the row so the assessment groups by it without following edits to the item.
 */
export class SatisfactionRatings1764310000000 implements MigrationInterface {
  name = 'SatisfactionRatings1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE satisfaction_ratings (
        id              bigserial PRIMARY KEY,
        target_kind     varchar(16) NOT NULL CHECK (target_kind IN ('item', 'response')),
        item_id         uuid NOT NULL REFERENCES disclosure_items(id),
        -- The rated response; NULL when the item itself is rated.
        concern_id      uuid REFERENCES concern_responses(concern_id),
        department_code varchar(64) NOT NULL REFERENCES departments(code),
        score           smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment         varchar(200),
        client_hash     varchar(64) NOT NULL,
        rated_at        timestamptz NOT NULL DEFAULT now(),
        CHECK ((target_kind = 'item') = (concern_id IS NULL))
      );
      -- Once per client and target: a second rating conflicts here even when two replicas race.
      CREATE UNIQUE INDEX satisfaction_ratings_once_per_item ON satisfaction_ratings (item_id, client_hash) WHERE target_kind = 'item';
      CREATE UNIQUE INDEX satisfaction_ratings_once_per_response ON satisfaction_ratings (concern_id, client_hash) WHERE target_kind = 'response';
      -- The assessment: per department and period.
      CREATE INDEX satisfaction_ratings_department ON satisfaction_ratings (department_code, rated_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE satisfaction_ratings;`);
  }
}
