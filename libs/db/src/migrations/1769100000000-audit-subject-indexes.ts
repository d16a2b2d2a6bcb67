import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The timeline of an object without an item (libs/db/src/audit/audit-subjects.ts) finds its rows by the detail
 * field that names it. One partial index per field, over only the rows that carry it, so that a search or a
 * chain check reads the object's rows rather than the whole trail; the search's condition repeats the
 * `detail ? '<field>'` predicate so that the planner can use them.
 */
const FIELDS = ['applicationId', 'demandId', 'consultationId', 'concernId', 'versionId', 'roundId', 'holidayTableId', 'code', 'username'];

const indexName = (field: string) => `audit_events_subject_${field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`;

export class AuditSubjectIndexes1769100000000 implements MigrationInterface {
  name = 'AuditSubjectIndexes1769100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const field of FIELDS) {
      await queryRunner.query(`CREATE INDEX ${indexName(field)} ON audit_events ((detail->>'${field}'), id) WHERE detail ? '${field}'`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const field of FIELDS) await queryRunner.query(`DROP INDEX ${indexName(field)}`);
  }
}
