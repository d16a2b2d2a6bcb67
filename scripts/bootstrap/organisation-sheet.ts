import { parse } from 'csv-parse/sync';
import { Workbook, type CellValue } from 'exceljs';
import { isRole, ROLES } from '@zwgk/domain';

export type DepartmentKind = 'county' | 'department' | 'township';

export interface OrganisationDepartment {
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
  readonly kind: DepartmentKind;
}

export interface OrganisationUser {
  readonly username: string;
  readonly displayName: string;
  readonly departmentCode: string;
  readonly roles: readonly string[];
  readonly email: string | null;
  readonly mobile: string | null;
}

export interface Organisation {
  readonly departments: readonly OrganisationDepartment[];
  readonly users: readonly OrganisationUser[];
}

/** A spreadsheet the loader cannot use; every problem names its sheet, row and column. */
export class OrganisationSheetError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the organisation spreadsheet has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
    this.name = 'OrganisationSheetError';
  }
}

/** Header names, Chinese or English, of each column the loader reads. */
const DEPARTMENT_COLUMNS = { code: ['编码', '部门编码', 'code'], name: ['名称', '部门名称', 'name'], parent: ['上级编码', '上级部门编码', 'parent'], kind: ['类型', 'kind'] } as const;
const USER_COLUMNS = {
  username: ['用户名', '账号', 'username'],
  name: ['姓名', 'name'],
  department: ['部门编码', '所在部门编码', 'department'],
  roles: ['角色', 'roles'],
  email: ['邮箱', 'email'],
  mobile: ['手机', '手机号', 'mobile'],
} as const;
const DEPARTMENT_SHEETS = ['部门', 'departments'];
const USER_SHEETS = ['用户', 'users'];
const KINDS: Readonly<Record<string, DepartmentKind>> = { county: 'county', 县政府: 'county', 县人民政府: 'county', department: 'department', 部门: 'department', township: 'township', 乡镇: 'township', '乡镇/街道': 'township', 街道: 'township' };
const ROLE_NAMES: Readonly<Record<string, string>> = {
  起草人: 'drafter',
  初审: 'reviewer',
  保密审查: 'secrecy-reviewer',
  合法性审查: 'legal-reviewer',
  签发: 'leader',
  政务公开办: 'disclosure-office',
  督查: 'supervisor',
  管理员: 'admin',
};

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim();
  return String(value).trim();
}

type Table = { name: string; rows: string[][] };

async function readTables(fileName: string, content: Buffer): Promise<Table[]> {
  if (fileName.toLowerCase().endsWith('.xlsx')) {
    const workbook = new Workbook();
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
    return workbook.worksheets.map((sheet) => {
      const rows: string[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row, number) => {
        const values = row.values as CellValue[];
        rows[number - 1] = values.slice(1).map(cellText);
      });
      return { name: sheet.name.trim(), rows: Array.from(rows, (row) => row ?? []) };
    });
  }
  if (fileName.toLowerCase().endsWith('.csv')) {
    // A CSV holds one table; which one it is comes from its header (a username column means users).
    const rows = parse(content.toString('utf8').replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false }) as string[][];
    const header = (rows[0] ?? []).map((cell) => cell.trim());
    const isUsers = USER_COLUMNS.username.some((name) => header.includes(name));
    return [{ name: isUsers ? 'users' : 'departments', rows }];
  }
  throw new OrganisationSheetError([`${fileName}: expected an .xlsx workbook (sheets 部门 and 用户) or a .csv of one of them`]);
}

/** The index of each column (-1 for a missing optional one), or undefined when a required one is missing. */
function columnsOf<K extends string>(table: Table, wanted: Readonly<Record<K, readonly string[]>>, required: readonly NoInfer<K>[], problems: string[]): Record<K, number> | undefined {
  const header = (table.rows[0] ?? []).map((cell) => cell.trim());
  const found = {} as Record<K, number>;
  let complete = true;
  for (const [key, names] of Object.entries(wanted) as [K, readonly string[]][]) {
    found[key] = header.findIndex((cell) => names.includes(cell));
    if (found[key] === -1 && required.includes(key)) {
      problems.push(`sheet ${table.name}: no column ${names.join(' / ')}`);
      complete = false;
    }
  }
  return complete ? found : undefined;
}

/**
 * Reads the organisation: departments (编码, 名称, 上级编码, 类型) and users (用户名, 姓名, 部门编码, 角色 separated by
 * commas or 、, 邮箱, 手机), from an .xlsx with the sheets 部门 and 用户 (or departments/users), or from CSVs.
 * Role and kind names may be Chinese (签发, 乡镇) or the system's own (leader, township). Collects every
 * problem before refusing, so that one run lists all that must be fixed.
 */
export async function readOrganisation(files: readonly { name: string; content: Buffer }[]): Promise<Organisation> {
  const tables = (await Promise.all(files.map((file) => readTables(file.name, file.content)))).flat();
  const problems: string[] = [];
  const departments: OrganisationDepartment[] = [];
  const users: OrganisationUser[] = [];
  const departmentTables = tables.filter((table) => DEPARTMENT_SHEETS.includes(table.name.toLowerCase()));
  const userTables = tables.filter((table) => USER_SHEETS.includes(table.name.toLowerCase()));
  if (departmentTables.length + userTables.length === 0) throw new OrganisationSheetError([`no sheet named ${[...DEPARTMENT_SHEETS, ...USER_SHEETS].join(', ')}`]);

  for (const table of departmentTables) {
    const at = columnsOf(table, DEPARTMENT_COLUMNS, ['code', 'name', 'kind'], problems);
    if (!at) continue;
    table.rows.slice(1).forEach((row, index) => {
      const where = `sheet ${table.name}, row ${index + 2}`;
      const code = row[at.code] ?? '';
      if (row.every((cell) => !cell)) return;
      const kind = KINDS[row[at.kind] ?? ''];
      if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(code)) problems.push(`${where}: 编码 "${code}" must be lower-case letters, digits, - or _ (at most 64)`);
      if (!row[at.name]) problems.push(`${where}: 名称 is empty`);
      if (!kind) problems.push(`${where}: 类型 "${row[at.kind] ?? ''}" is not one of 县政府, 部门, 乡镇 (county, department, township)`);
      departments.push({ code, name: row[at.name] ?? '', parentCode: (at.parent >= 0 ? row[at.parent] : '') || null, kind: kind ?? 'department' });
    });
  }
  for (const table of userTables) {
    const at = columnsOf(table, USER_COLUMNS, ['username', 'name', 'department', 'roles'], problems);
    if (!at) continue;
    table.rows.slice(1).forEach((row, index) => {
      const where = `sheet ${table.name}, row ${index + 2}`;
      if (row.every((cell) => !cell)) return;
      const username = row[at.username] ?? '';
      if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/.test(username)) problems.push(`${where}: 用户名 "${username}" must be letters, digits, . _ @ or - (at most 100)`);
      if (!row[at.name]) problems.push(`${where}: 姓名 is empty`);
      const roles = (row[at.roles] ?? '').split(/[,，、;\s]+/).filter(Boolean).map((role) => ROLE_NAMES[role] ?? role);
      const unknown = roles.filter((role) => !isRole(role));
      if (unknown.length) problems.push(`${where}: 角色 ${unknown.join(', ')} unknown (roles: ${ROLES.join(', ')})`);
      users.push({
        username,
        displayName: row[at.name] ?? '',
        departmentCode: row[at.department] ?? '',
        roles: [...new Set(roles)],
        email: (at.email >= 0 ? row[at.email] : '') || null,
        mobile: (at.mobile >= 0 ? row[at.mobile] : '') || null,
      });
    });
  }

  const codes = new Set<string>();
  for (const department of departments) {
    if (codes.has(department.code)) problems.push(`部门 ${department.code} is listed twice`);
    codes.add(department.code);
  }
  const usernames = new Set<string>();
  for (const user of users) {
    if (usernames.has(user.username)) problems.push(`用户 ${user.username} is listed twice`);
    usernames.add(user.username);
  }
  if (problems.length) throw new OrganisationSheetError(problems);
  return { departments: parentsFirst(departments), users };
}

/** Departments in an order where every parent comes before its children (the sheet may list them in any order). */
function parentsFirst(departments: readonly OrganisationDepartment[]): OrganisationDepartment[] {
  const byCode = new Map(departments.map((department) => [department.code, department]));
  const ordered: OrganisationDepartment[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (department: OrganisationDepartment) => {
    if (placed.has(department.code)) return;
    if (visiting.has(department.code)) throw new OrganisationSheetError([`部门 ${department.code} is its own ancestor (上级编码 forms a loop)`]);
    visiting.add(department.code);
    const parent = department.parentCode ? byCode.get(department.parentCode) : undefined;
    if (parent) place(parent);
    placed.add(department.code);
    ordered.push(department);
  };
  departments.forEach(place);
  return ordered;
}
