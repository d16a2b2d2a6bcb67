import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spreadsheet attachments (.xlsx, .csv) are read for the personal-information guard sheet by sheet: a sheet
 * is a "page" of the attachment's text, and a finding names its sheet (工作表「公示名单」) where a PDF's
 * names its page number. Null for PDFs and for every row written before.
 */
export class AttachmentSheetNames1765700000000 implements MigrationInterface {
  name = 'AttachmentSheetNames1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE attachment_texts ADD COLUMN page_names text[]`);
    await queryRunner.query(`ALTER TABLE personal_information_findings ADD COLUMN page_name text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE personal_information_findings DROP COLUMN page_name`);
    await queryRunner.query(`ALTER TABLE attachment_texts DROP COLUMN page_names`);
  }
}
