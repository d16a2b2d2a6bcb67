import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each catalog row names the units responsible for it (责任部门), and only they draft items under it.
 * Existing rows are assigned the way an import assigns them: a unit whose name, without its place prefix
 * (县/区/市) and kind suffix (局, 人民政府, …), appears in the row's 公开主体. Rows no unit matches stay
 * unassigned ('{}') until an admin assigns them. 人民政府 is read as 政府 so that its 民政 is not 县民政局's.
 */
export class CatalogRowDepartments1765300000000 implements MigrationInterface {
  name = 'CatalogRowDepartments1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE catalog_items ADD COLUMN department_codes text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`
      UPDATE catalog_items item SET department_codes = matched.codes
        FROM (
          SELECT i.version_id, i.code, array_agg(d.code ORDER BY d.code) AS codes
            FROM catalog_items i
            JOIN (SELECT code, regexp_replace(regexp_replace(name, '^(县|区|市)', ''), '(人民政府|政府|委员会|办公室|局|委|办)$', '') AS core
                    FROM departments WHERE active) d
              ON char_length(d.core) >= 2 AND strpos(replace(i.subject, '人民政府', '政府'), d.core) > 0
           GROUP BY i.version_id, i.code
        ) matched
       WHERE item.version_id = matched.version_id AND item.code = matched.code
    `);
    await queryRunner.query(`CREATE INDEX catalog_items_department_codes ON catalog_items USING gin (department_codes)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX catalog_items_department_codes`);
    await queryRunner.query(`ALTER TABLE catalog_items DROP COLUMN department_codes`);
  }
}
