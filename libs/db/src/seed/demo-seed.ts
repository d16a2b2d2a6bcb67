import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { departmentsNamedBy, type CatalogItem, type DisclosureCategory, type Role } from '@zwgk/domain';
import { readCatalogCsvFile } from '../catalog/catalog-file';
import { insertCatalogItems } from '../catalog/catalog-import';

/** The demo catalog version's fixed id, so seeding twice finds it. */
export const DEMO_CATALOG_VERSION_ID = '00000000-0000-4000-8000-000000000001';

export const DEMO_DEPARTMENTS = [
  { code: 'county', name: '县人民政府', parentCode: null, kind: 'county' },
  { code: 'office', name: '县政务公开办公室', parentCode: 'county', kind: 'department' },
  { code: 'edu', name: '县教育局', parentCode: 'county', kind: 'department' },
  { code: 'civil', name: '县民政局', parentCode: 'county', kind: 'department' },
  { code: 'jiangshang', name: '江上乡人民政府', parentCode: 'county', kind: 'township' },
] as const;

export const DEMO_USERS: readonly { username: string; displayName: string; departmentCode: string; roles: Role[] }[] = [
  { username: 'edu.drafter', displayName: '王起草（教育局）', departmentCode: 'edu', roles: ['drafter'] },
  { username: 'edu.reviewer', displayName: '李初审（教育局）', departmentCode: 'edu', roles: ['reviewer'] },
  { username: 'edu.secrecy', displayName: '赵保密（教育局）', departmentCode: 'edu', roles: ['secrecy-reviewer'] },
  { username: 'edu.secrecy2', displayName: '刘保密（教育局）', departmentCode: 'edu', roles: ['secrecy-reviewer'] },
  { username: 'edu.legal', displayName: '钱法审（教育局）', departmentCode: 'edu', roles: ['legal-reviewer'] },
  { username: 'edu.leader', displayName: '孙局长（教育局）', departmentCode: 'edu', roles: ['leader'] },
  { username: 'civil.drafter', displayName: '周起草（民政局）', departmentCode: 'civil', roles: ['drafter'] },
  { username: 'civil.secrecy', displayName: '吴保密（民政局）', departmentCode: 'civil', roles: ['secrecy-reviewer'] },
  { username: 'civil.leader', displayName: '郑局长（民政局）', departmentCode: 'civil', roles: ['leader'] },
  { username: 'office.publisher', displayName: '冯公开（政务公开办）', departmentCode: 'office', roles: ['disclosure-office'] },
  { username: 'office.supervisor', displayName: '陈督查（政务公开办）', departmentCode: 'office', roles: ['supervisor'] },
  { username: 'admin', displayName: '系统管理员', departmentCode: 'county', roles: ['admin'] },
];

export interface SeedSummary {
  departments: number;
  users: number;
  catalogItems: number;
  catalogWarnings: string[];
}

/**
 * The 五公开 category the demo county's disclosure office gives each demo catalog row. The published
 * catalogs carry no such column; in a real county an admin sets it on a draft catalog version. Only
 * `npm start` applies it, so the tests see the catalogs as published.
 */
export const DEMO_CATALOG_CATEGORIES: Readonly<Record<string, DisclosureCategory>> = {
  'EDU-001': 'decision', // 招生政策
  'EDU-002': 'execution', // 招生范围
  'FISCAL-001': 'management', // 政府预算
  'GENERAL-001': 'result', // 政府信息公开年报
  'LAND-001': 'execution', // 征地报批材料
  'PROJECT-001': 'result', // 政府投资项目建议书审批结果
  'PROJECT-002': 'service', // 办事指南
  'ASSIST-001': 'decision', // 社会救助政策
  'SAFETY-001': 'management', // 安全生产法律法规
};

/**
 * Seeds the demo departments, users and an active catalog version read from the project's copy of the
 * published catalogs. Idempotent: existing rows are left as they are, so restarts keep user data.
 */
export async function seedDemoData(dataSource: DataSource, catalogDir: string, options: { categories?: Readonly<Record<string, DisclosureCategory>> } = {}): Promise<SeedSummary> {
  const items: CatalogItem[] = [];
  const warnings: string[] = [];
  for (const file of readdirSync(catalogDir).filter((name) => name.endsWith('.csv')).sort()) {
    const sheet = readCatalogCsvFile(path.join(catalogDir, file));
    // Rows are assigned to the demo units the way an import assigns them, by the 公开主体's wording: 教育 rows
    // and the annual report (区教育局) to edu, 社会救助 to civil, the 江上乡 budget to jiangshang; rows whose
    // subject names no demo unit (应急局, 自然资源, 发改, 相关审批部门) stay unassigned, as they would in a county
    // that has not set up those units.
    items.push(
      ...sheet.items.map((item) => ({
        ...item,
        departmentCodes: departmentsNamedBy(item.subject, DEMO_DEPARTMENTS),
        ...(options.categories?.[item.code] ? { category: options.categories[item.code] } : {}),
      })),
    );
    warnings.push(...sheet.warnings.map((w) => `${w.file} row ${w.row}${w.column ? ` ${w.column}` : ''}: ${w.message}`));
  }
  await dataSource.transaction(async (manager) => {
    for (const department of DEMO_DEPARTMENTS) {
      await manager.query(
        `INSERT INTO departments (code, name, parent_code, kind) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING`,
        [department.code, department.name, department.parentCode, department.kind],
      );
    }
    for (const user of DEMO_USERS) {
      await manager.query(
        `INSERT INTO users (username, display_name, department_code, roles) VALUES ($1, $2, $3, $4) ON CONFLICT (username) DO NOTHING`,
        [user.username, user.displayName, user.departmentCode, user.roles],
      );
    }
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO catalog_versions (id, label, state, activated_at)
       SELECT $1, '演示目录（示例数据）', 'active', now()
       WHERE NOT EXISTS (SELECT 1 FROM catalog_versions WHERE state = 'active')
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [DEMO_CATALOG_VERSION_ID],
    );
    if (inserted.length === 0) return;
    await insertCatalogItems(manager, DEMO_CATALOG_VERSION_ID, items);
  });
  return { departments: DEMO_DEPARTMENTS.length, users: DEMO_USERS.length, catalogItems: items.length, catalogWarnings: warnings };
}
