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
