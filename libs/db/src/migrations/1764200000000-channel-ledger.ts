import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The release ledger covers every channel: each row says which kind of channel it is, what happened
 * (published, withdrawn, left to a person, refused by the receiver) and what the channel answered.
 * A row that only a person can fulfil has no reference yet, so `reference` becomes optional.
 */
export class ChannelLedger1764200000000 implements MigrationInterface {
  name = 'ChannelLedger1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE publications
        ADD COLUMN channel_kind varchar(16),
        ADD COLUMN status varchar(16),
        ADD COLUMN detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        ALTER COLUMN reference DROP NOT NULL;

      -- Until now only the government website was released on, and every row was a done publication or withdrawal.
      UPDATE publications
         SET channel_kind = CASE WHEN channel = '政府网站' THEN 'website' ELSE 'manual' END,
             status = CASE action WHEN 'publish' THEN 'published' ELSE 'withdrawn' END;

      ALTER TABLE publications
        ALTER COLUMN channel_kind SET NOT NULL,
        ALTER COLUMN status SET NOT NULL,
        ADD CONSTRAINT publications_channel_kind_check
          CHECK (channel_kind IN ('website', 'new-media', 'gazette', 'notice-board', 'manual')),
        ADD CONSTRAINT publications_status_check
          CHECK (status IN ('published', 'withdrawn', 'manual-required', 'failed')),
        ADD CONSTRAINT publications_status_fits_action
          CHECK ((action = 'publish' AND status <> 'withdrawn') OR (action = 'withdraw' AND status <> 'published')),
        ADD CONSTRAINT publications_published_has_reference
          CHECK (status <> 'published' OR reference IS NOT NULL);

      -- The disclosure office's work list: channels a person still has to publish on, and refused pushes.
      CREATE INDEX publications_open ON publications (status, occurred_at) WHERE status IN ('manual-required', 'failed');
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The old ledger only knew done publications and withdrawals with a reference; other rows cannot be kept.
    await queryRunner.query(`
      DROP INDEX publications_open;
      DELETE FROM publications WHERE status NOT IN ('published', 'withdrawn') OR reference IS NULL;
      ALTER TABLE publications
        DROP CONSTRAINT publications_published_has_reference,
        DROP CONSTRAINT publications_status_fits_action,
        DROP CONSTRAINT publications_status_check,
        DROP CONSTRAINT publications_channel_kind_check,
        ALTER COLUMN reference SET NOT NULL,
        DROP COLUMN detail,
        DROP COLUMN status,
        DROP COLUMN channel_kind;
    `);
  }
}
