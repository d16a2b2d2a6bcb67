import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where email and SMS notifications go, when a deployment configures those gateways. */
export class UserContacts1764260000000 implements MigrationInterface {
  name = 'UserContacts1764260000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN email varchar(200) CHECK (email IS NULL OR email ~ '^[^@\\s]+@[^@\\s]+$'),
        ADD COLUMN mobile varchar(20) CHECK (mobile IS NULL OR mobile ~ '^\\+?[0-9]{6,20}$');
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN mobile, DROP COLUMN email`);
  }
}
