import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Any change to the loaded holiday arrangements is announced on the `holiday_tables` channel (NOTIFY, sent at
 * commit): a worker keeps the calendar it computed from them and listens there, instead of asking on every
 * computation whether a newer arrangement has been loaded. One notice per statement: what changed is read anew.
 */
export class HolidayTablesNotify1770000000000 implements MigrationInterface {
  name = 'HolidayTablesNotify1770000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION holiday_tables_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('holiday_tables', '');
        RETURN NULL;
      END $$;
      CREATE TRIGGER holiday_tables_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON holiday_tables
        FOR EACH STATEMENT EXECUTE FUNCTION holiday_tables_changed();`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER holiday_tables_changed ON holiday_tables; DROP FUNCTION holiday_tables_changed();`);
  }
}
