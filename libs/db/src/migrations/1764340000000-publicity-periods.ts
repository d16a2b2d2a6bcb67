import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A released item whose catalog rule has a publicity period (公示7个工作日) shows its 公示期 on the public
 * page: from the release to the end of its last day. Both are set together, or neither (no period).
 */
export class PublicityPeriods1764340000000 implements MigrationInterface {
  name = 'PublicityPeriods1764340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE disclosure_items
        ADD COLUMN publicity_starts_at timestamptz,
        ADD COLUMN publicity_ends_at   timestamptz,
        ADD CONSTRAINT disclosure_items_publicity_period_whole CHECK ((publicity_starts_at IS NULL) = (publicity_ends_at IS NULL)),
        ADD CONSTRAINT disclosure_items_publicity_period_order CHECK (publicity_ends_at >= publicity_starts_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE disclosure_items
        DROP CONSTRAINT disclosure_items_publicity_period_order,
        DROP CONSTRAINT disclosure_items_publicity_period_whole,
        DROP COLUMN publicity_ends_at,
        DROP COLUMN publicity_starts_at;
    `);
  }
}
