import { ApiFailure, type DepartmentKind, type OrgDepartment as Department, type OrgHistoryEntry } from '../../api';
import { ROLE_LABELS } from '../../format';

export type { OrgDepartment as Department } from '../../api';

export const KIND_LABELS: Record<DepartmentKind, string> = { county: '县政府', department: '部门', township: '乡镇/街道' };
export const ROLE_KEYS = Object.keys(ROLE_LABELS);

/** What a screen calls after a change: the message to show, and which unit or user to select. */
export type OnChanged = (message: string, select?: { department?: string; user?: string | null }) => void;

export const rolesText = (roles: readonly string[], none = '无') => roles.map((role) => ROLE_LABELS[role] ?? role).join('、') || none;

/** The parents a unit of this kind may sit under: 部门 under 县政府, 乡镇/街道 under 县政府 or a 部门. */
export function allowedParentKinds(kind: DepartmentKind): DepartmentKind[] {
  if (kind === 'county') return [];
  return kind === 'department' ? ['county'] : ['county', 'department'];
}

/** A unit and everything under it, so a move never offers a unit's own sub-units as its new parent. */
export function subtreeOf(code: string, departments: readonly Department[]): Set<string> {
  const found = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const department of departments) {
      if (department.parentCode && found.has(department.parentCode) && !found.has(department.code)) {
        found.add(department.code);
        grew = true;
      }
    }
  }
  return found;
}

export const fieldError = (error: unknown, field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);

/** A form's banner: only what the fields do not show themselves. */
export const bannerError = (error: unknown) => (error instanceof ApiFailure && error.fields.length ? null : error);

const ORG_ACTION_LABELS: Record<string, string> = {
  'org.department-created': '创建单位',
  'org.department-updated': '修改单位',
  'org.department-deactivated': '停用单位',
  'org.department-reactivated': '启用单位',
  'org.user-created': '创建用户',
  'org.user-updated': '修改用户',
};
export const actionLabel = (action: string) => ORG_ACTION_LABELS[action] ?? '其他变更';

const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  parentCode: '上级单位',
  kind: '类型',
  code: '代码',
  displayName: '姓名',
  departmentCode: '单位',
  roles: '角色',
  active: '状态',
  email: '邮箱',
  mobile: '手机',
  username: '用户名',
};

/** "名称：旧 → 新" for each field the change named; a creation lists what it set. */
export function describeChange(entry: OrgHistoryEntry): string {
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (key === 'roles' && Array.isArray(value)) return rolesText(value.map(String));
    if (key === 'active') return value ? '在用' : '停用';
    if (key === 'kind') return KIND_LABELS[value as DepartmentKind] ?? String(value);
    return String(value);
  };
  // before rows are in the database's snake_case; after is what the request said.
  const beforeOf = (key: string) => before[key] ?? before[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
  const parts = Object.keys(after)
    .filter((key) => FIELD_LABELS[key] && (entry.before === null || show(key, beforeOf(key)) !== show(key, after[key])))
    .map((key) => (entry.before === null ? `${FIELD_LABELS[key]}：${show(key, after[key])}` : `${FIELD_LABELS[key]}：${show(key, beforeOf(key))} → ${show(key, after[key])}`));
  return parts.join('；') || '无字段变化';
}
