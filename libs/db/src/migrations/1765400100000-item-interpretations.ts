import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 多元化解读: interpretations of an item in more forms than text (图解, video, audio, Q&A, a press conference
 * record), each by its interpreter with its own attachments (files uploaded to the item, linked here), and
 * the interpretation plan made when the policy is drafted (三同步). Own tables beside the item's, which stays
 * as it is: the existing single interpretation text of an item is untouched.
 */
export class ItemInterpretations1765400100000 implements MigrationInterface {
  name = 'ItemInterpretations1765400100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE item_interpretations (
        id                uuid PRIMARY KEY,
        item_id           uuid NOT NULL REFERENCES disclosure_items(id),
        form              varchar(24) NOT NULL CHECK (form IN ('text', 'graphic', 'video', 'audio', 'qa', 'press-conference')),
        interpreter_kind  varchar(24) NOT NULL CHECK (interpreter_kind IN ('drafting-department', 'expert', 'leader')),
        interpreter_name  varchar(100) NOT NULL,
        title             varchar(300) NOT NULL,
        body              text,
        media_url         varchar(2000),
        transcript        text,
        questions         jsonb,
        held_at           timestamptz,
        created_by        varchar(100) NOT NULL REFERENCES users(username),
        created_at        timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX item_interpretations_item ON item_interpretations (item_id, created_at);

      CREATE TABLE interpretation_attachments (
        interpretation_id uuid NOT NULL REFERENCES item_interpretations(id),
        attachment_id     uuid NOT NULL REFERENCES item_attachments(id),
        PRIMARY KEY (interpretation_id, attachment_id)
      );

      CREATE TABLE interpretation_plan_entries (
        item_id           uuid NOT NULL REFERENCES disclosure_items(id),
        form              varchar(24) NOT NULL CHECK (form IN ('text', 'graphic', 'video', 'audio', 'qa', 'press-conference')),
        interpreter_kind  varchar(24) NOT NULL CHECK (interpreter_kind IN ('drafting-department', 'expert', 'leader')),
        planned_by        varchar(100) NOT NULL REFERENCES users(username),
        planned_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (item_id, form, interpreter_kind)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE interpretation_plan_entries; DROP TABLE interpretation_attachments; DROP TABLE item_interpretations`);
  }
}
