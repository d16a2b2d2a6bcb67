import type { AuditSubjectScope, TrailScope } from './audit-types';

/** Each object the trail follows besides items, in the clerk's words, with the screen it is handled on. */
export const AUDIT_SUBJECTS: Record<AuditSubjectScope, { noun: string; keyHint: string; screen?: (key: string) => string }> = {
  applications: { noun: '依申请公开申请', keyHint: '申请详情页地址中的编号', screen: (key) => `/applications/${key}` },
  'application-demands': { noun: '依申请督办', keyHint: '督办编号' },
  consultations: { noun: '意见征集', keyHint: '征集详情页地址中的编号', screen: (key) => `/consultations/${key}` },
  concerns: { noun: '公众关切', keyHint: '关切详情页地址中的编号', screen: (key) => `/concerns/${key}` },
  'catalog-versions': { noun: '目录版本', keyHint: '目录版本编号', screen: (key) => `/catalog-admin/${key}` },
  'compilation-rounds': { noun: '目录编制轮次', keyHint: '编制轮次编号', screen: (key) => `/compilation/${key}` },
  'calendar-batches': { noun: '节假日安排', keyHint: '节假日安排编号（数字）', screen: (key) => `/calendar/${key}` },
  departments: { noun: '单位', keyHint: '单位代码，如 edu', screen: () => '/organisation' },
  users: { noun: '用户账号', keyHint: '登录用户名', screen: () => '/organisation' },
};

export const SUBJECT_OPTIONS = (Object.keys(AUDIT_SUBJECTS) as AuditSubjectScope[]).map((scope) => ({ value: scope, label: AUDIT_SUBJECTS[scope].noun }));

export function isSubjectScope(scope: string | undefined): scope is AuditSubjectScope {
  return scope !== undefined && Object.prototype.hasOwnProperty.call(AUDIT_SUBJECTS, scope);
}

export function isTrailScope(scope: string | undefined): scope is TrailScope {
  return scope === 'items' || scope === 'actors' || isSubjectScope(scope);
}

/** The timeline (with its chain check) of an object: /audit/<scope>/<key>. For any screen to link to. */
export function auditTrailPath(scope: TrailScope, key: string): string {
  return `/audit/${scope}/${encodeURIComponent(key)}`;
}
