/** The roles a user can hold in a department. */
export const ROLES = [
  'drafter', // 起草人
  'reviewer', // 初审 (department head)
  'secrecy-reviewer', // 保密审查
  'legal-reviewer', // 合法性审查
  'leader', // 签发
  'disclosure-office', // 政务公开办
  'supervisor', // 督查/考核
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** A role in words, for what people read (refusals, notices). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  drafter: '起草人',
  reviewer: '初审人',
  'secrecy-reviewer': '保密审查人',
  'legal-reviewer': '合法性审查人',
  leader: '签发领导',
  'disclosure-office': '政务公开办',
  supervisor: '督查考核人员',
  admin: '系统管理员',
};

/** A role in words; a name that is not a role stays as it is. */
export const roleLabel = (role: string): string => (ROLE_LABELS as Readonly<Record<string, string>>)[role] ?? role;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is acting: resolved from the bearer token on every request. */
export interface Actor {
  readonly username: string;
  readonly displayName: string;
  readonly departmentCode: string;
  readonly roles: readonly Role[];
}
