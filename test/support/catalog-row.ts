import type { DisclosureItemInput } from '@zwgk/contracts';

type CatalogRow = DisclosureItemInput['catalogItem'];

/**
 * The demo catalog's EDU-001 (招生政策) as a workflow input carries it, for tests that start item workflows
 * directly; `overrides` change what the test is about (the rule, the interpretation flag).
 */
export function eduCatalogRow(overrides: Partial<CatalogRow> = {}): CatalogRow {
  return {
    code: 'EDU-001',
    area: '义务教育',
    level1: '招生管理',
    level2: '招生政策',
    content: '●随迁子女入学办法',
    basis: '《中华人民共和国政府信息公开条例》',
    subject: '县教育局',
    channels: ['政府网站'],
    mode: 'proactive',
    timeLimit: { text: '信息形成或者变更之日起20个工作日内', rule: { kind: 'working-days', count: 20, anchor: 'formed-or-changed' } },
    ...overrides,
  };
}

/**
 * Makes a unit a test created for itself co-responsible (责任部门) for a row of the active catalog, so that its
 * drafter may draft under that row. The shared database's catalog otherwise changes only through a new
 * version, and a suite with its own unit must not take a row from 县教育局.
 */
export async function shareActiveCatalogRow(db: { query(sql: string, parameters: unknown[]): Promise<unknown> }, code: string, departmentCode: string): Promise<void> {
  await db.query(
    `UPDATE catalog_items SET department_codes = array_append(department_codes, $2)
      WHERE code = $1 AND NOT ($2 = ANY(department_codes)) AND version_id IN (SELECT id FROM catalog_versions WHERE state = 'active')`,
    [code, departmentCode],
  );
}
