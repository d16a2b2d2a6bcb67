/**
 * The objects the audit trail speaks of besides items. A row names its item in item_id (and chains on it);
 * every other object is named in the row's `detail` under a field of its own (applicationId, consultationId,
 * …), written so by the workflow or service that records it. These rules read that naming back, in SQL for
 * a search and in code for one row, and must follow the writers: a new kind of object adds its rule here.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AuditSubjectRule {
  /** The detail field that holds the object's key. */
  readonly detailField: string;
  /** Only actions under this prefix speak of this object (a department's `code` is another field's word elsewhere). */
  readonly actionPrefix?: string;
  /** The table, and its key column, that says whether the object exists at all. */
  readonly table: string;
  readonly keyColumn: string;
  /** What a key of this kind looks like; anything else is refused before any query. */
  readonly keyPattern: RegExp;
  /** What the object is called, and how its key is described when refused. */
  readonly noun: string;
  readonly keyWords: string;
}

/** Keyed by the path segment /audit/<scope>/<key> uses. */
export const AUDIT_SUBJECTS = {
  applications: { detailField: 'applicationId', table: 'disclosure_applications', keyColumn: 'id', keyPattern: UUID, noun: '依申请公开申请', keyWords: '编号（UUID）' },
  'application-demands': {
    detailField: 'demandId', actionPrefix: 'application-demand.', table: 'application_demands', keyColumn: 'id', keyPattern: UUID, noun: '申请督办', keyWords: '编号（UUID）',
  },
  consultations: { detailField: 'consultationId', table: 'public_consultations', keyColumn: 'id', keyPattern: UUID, noun: '意见征集', keyWords: '编号（UUID）' },
  concerns: { detailField: 'concernId', table: 'concerns', keyColumn: 'id', keyPattern: UUID, noun: '公众关切', keyWords: '编号（UUID）' },
  'catalog-versions': { detailField: 'versionId', actionPrefix: 'catalog.', table: 'catalog_versions', keyColumn: 'id', keyPattern: UUID, noun: '目录版本', keyWords: '编号（UUID）' },
  'compilation-rounds': { detailField: 'roundId', table: 'catalog_compilation_rounds', keyColumn: 'id', keyPattern: UUID, noun: '目录编制轮次', keyWords: '编号（UUID）' },
  'calendar-batches': { detailField: 'holidayTableId', table: 'holiday_tables', keyColumn: 'id', keyPattern: /^[1-9][0-9]{0,17}$/, noun: '节假日安排', keyWords: '编号（正整数）' },
  departments: { detailField: 'code', actionPrefix: 'org.department-', table: 'departments', keyColumn: 'code', keyPattern: /^[a-z][a-z0-9-]{1,63}$/, noun: '单位', keyWords: '单位代码（小写字母、数字或连字符）' },
  users: { detailField: 'username', actionPrefix: 'org.user-', table: 'users', keyColumn: 'username', keyPattern: /^[^\s\p{Cc}]{1,100}$/u, noun: '用户', keyWords: '用户名' },
} as const satisfies Record<string, AuditSubjectRule>;

export type AuditSubjectScope = keyof typeof AUDIT_SUBJECTS;
export const AUDIT_SUBJECT_SCOPES = Object.keys(AUDIT_SUBJECTS) as AuditSubjectScope[];

export interface AuditSubject {
  readonly scope: AuditSubjectScope;
  readonly key: string;
}

export function isAuditSubjectScope(value: string): value is AuditSubjectScope {
  return Object.prototype.hasOwnProperty.call(AUDIT_SUBJECTS, value);
}

/**
 * The SQL condition for the rows that speak of one object, with its parameters numbered from `next`. The
 * detail field is a constant of the rule, never the caller's text.
 */
export function auditSubjectCondition(subject: AuditSubject, next: number): { sql: string; params: string[] } {
  const rule: AuditSubjectRule = AUDIT_SUBJECTS[subject.scope];
  // `detail ? field` lets the planner use the field's partial index (migration 1769100000000-audit-subject-indexes).
  const sql = `detail ? '${rule.detailField}' AND detail->>'${rule.detailField}' = $${next}`;
  return rule.actionPrefix
    ? { sql: `(${sql} AND starts_with(action, $${next + 1}))`, params: [subject.key, rule.actionPrefix] }
    : { sql: `(${sql})`, params: [subject.key] };
}

/** The objects one row speaks of (an application demand's row speaks of its application too), in rule order. */
export function auditSubjectsOf(row: { action: string; detail: unknown }): AuditSubject[] {
  if (typeof row.detail !== 'object' || row.detail === null) return [];
  const detail = row.detail as Record<string, unknown>;
  return AUDIT_SUBJECT_SCOPES.flatMap((scope) => {
    const rule: AuditSubjectRule = AUDIT_SUBJECTS[scope];
    const value = detail[rule.detailField];
    const key = typeof value === 'number' ? String(value) : value;
    if (typeof key !== 'string' || !rule.keyPattern.test(key)) return [];
    if (rule.actionPrefix && !row.action.startsWith(rule.actionPrefix)) return [];
    return [{ scope, key }];
  });
}
