import { endOfChinaDay } from '../calendar/local-date';

/**
 * The annual report on government information disclosure (政府信息公开工作年度报告) in the 2021 format
 * (国办公开办函〔2021〕30号): its tables, what the system counts and what the office types in, and the tables'
 * own arithmetic checks.
 */

/** Who supplied a figure: counted from the system's own records, or entered by the disclosure office. */
export type FigureSource = 'system' | 'input';

/** The applicant columns of table 三 that are entered; 总计 is their sum. */
export const APPLICATION_COLUMNS = [
  { key: 'naturalPerson', label: '自然人', group: null },
  { key: 'commercialEnterprise', label: '商业企业', group: '法人或其他组织' },
  { key: 'researchInstitution', label: '科研机构', group: '法人或其他组织' },
  { key: 'socialWelfareOrganisation', label: '社会公益组织', group: '法人或其他组织' },
  { key: 'legalServiceAgency', label: '法律服务机构', group: '法人或其他组织' },
  { key: 'otherOrganisation', label: '其他', group: '法人或其他组织' },
] as const;
export type ApplicationColumn = (typeof APPLICATION_COLUMNS)[number]['key'];
export const APPLICATION_COLUMN_KEYS: readonly ApplicationColumn[] = APPLICATION_COLUMNS.map((column) => column.key);

/** The rows of table 三 that are entered, in the official order; `group` is the 办理结果 heading they sit under. */
export const APPLICATION_ROWS = [
  { key: 'newlyReceived', label: '一、本年新收政府信息公开申请数量', group: null },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', group: null },
  { key: 'granted', label: '（一）予以公开', group: '三、本年度办理结果' },
  { key: 'partiallyGranted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', group: '三、本年度办理结果' },
  { key: 'refusedStateSecret', label: '1.属于国家秘密', group: '（三）不予公开' },
  { key: 'refusedProhibitedByLaw', label: '2.其他法律行政法规禁止公开', group: '（三）不予公开' },
  { key: 'refusedThreeSecurities', label: '3.危及"三安全一稳定"', group: '（三）不予公开' },
  { key: 'refusedThirdParty', label: '4.保护第三方合法权益', group: '（三）不予公开' },
  { key: 'refusedInternalAffairs', label: '5.属于三类内部事务信息', group: '（三）不予公开' },
  { key: 'refusedProcessInformation', label: '6.属于四类过程性信息', group: '（三）不予公开' },
  { key: 'refusedEnforcementFile', label: '7.属于行政执法案卷', group: '（三）不予公开' },
  { key: 'refusedQueryMatter', label: '8.属于行政查询事项', group: '（三）不予公开' },
  { key: 'unableNotHeld', label: '1.本机关不掌握相关政府信息', group: '（四）无法提供' },
  { key: 'unableNeedsCreation', label: '2.没有现成信息需要另行制作', group: '（四）无法提供' },
  { key: 'unableStillUnclear', label: '3.补正后申请内容仍不明确', group: '（四）无法提供' },
  { key: 'notProcessedPetition', label: '1.信访举报投诉类申请', group: '（五）不予处理' },
  { key: 'notProcessedRepeated', label: '2.重复申请', group: '（五）不予处理' },
  { key: 'notProcessedPublication', label: '3.要求提供公开出版物', group: '（五）不予处理' },
  { key: 'notProcessedMassRepeated', label: '4.无正当理由大量反复申请', group: '（五）不予处理' },
  { key: 'notProcessedConfirmation', label: '5.要求行政机关确认或重新出具已获取信息', group: '（五）不予处理' },
  { key: 'otherNoCorrection', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', group: '（六）其他处理' },
  { key: 'otherUnpaidFee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', group: '（六）其他处理' },
  { key: 'otherOther', label: '3.其他', group: '（六）其他处理' },
  { key: 'resultsTotal', label: '（七）总计', group: '三、本年度办理结果' },
  { key: 'carriedForward', label: '四、结转下年度继续办理', group: null },
] as const;
export type ApplicationRow = (typeof APPLICATION_ROWS)[number]['key'];
export const APPLICATION_ROW_KEYS: readonly ApplicationRow[] = APPLICATION_ROWS.map((row) => row.key);
/** The 办理结果 rows whose sum is （七）总计. */
export const APPLICATION_RESULT_ROWS: readonly ApplicationRow[] = APPLICATION_ROW_KEYS.filter(
  (key) => !['newlyReceived', 'carriedOver', 'resultsTotal', 'carriedForward'].includes(key),
);

/** Table 三 as entered: every row, every applicant column. */
export type ApplicationTable = Record<ApplicationRow, Record<ApplicationColumn, number>>;

/** Table 四's 15 columns: 行政复议, then 行政诉讼 未经复议直接起诉 and 复议后起诉. */
const REVIEW_OUTCOMES = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const;
export const REVIEW_LITIGATION_GROUPS = [
  { key: 'reconsideration', label: '行政复议', parent: null },
  { key: 'directLitigation', label: '未经复议直接起诉', parent: '行政诉讼' },
  { key: 'litigationAfterReconsideration', label: '复议后起诉', parent: '行政诉讼' },
] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number]['key'];
export type ReviewLitigationGroup = (typeof REVIEW_LITIGATION_GROUPS)[number]['key'];
export const REVIEW_OUTCOME_COLUMNS = REVIEW_OUTCOMES;
export type ReviewLitigationTable = Record<ReviewLitigationGroup, Record<ReviewOutcome, number>>;

/** The row a rule document (规章) or normative document (行政规范性文件) takes in table 二. */
export interface DocumentCounts {
  /** 本年制发件数 */
  readonly issued: number;
  /** 本年废止件数 */
  readonly repealed: number;
  /** 现行有效件数 */
  readonly inForce: number;
}

/** Everything the office types in. Absent parts are simply not filled in yet. */
export interface AnnualReportInputs {
  /** 一、总体情况 */
  readonly overview?: string;
  /** 规章: this system does not handle rules, so all three figures are entered. */
  readonly rules?: DocumentCounts;
  /** 行政许可 本年处理决定数量 */
  readonly licensingDecisions?: number;
  /** 行政处罚 本年处理决定数量 */
  readonly punishmentDecisions?: number;
  /** 行政强制 本年处理决定数量 */
  readonly compulsionDecisions?: number;
  /** 行政事业性收费 本年收费金额（万元） */
  readonly feesTenThousandYuan?: number;
  /** 三: only applications handled outside the system (before it was in use); the report adds them to its counts. */
  readonly applications?: ApplicationTable;
  /** 四 */
  readonly reviewLitigation?: ReviewLitigationTable;
  /** 五、存在的主要问题及改进情况 */
  readonly problems?: string;
  /** 六、其他需要报告的事项 */
  readonly otherMatters?: string;
}

/**
 * Why a cell of the annual report's inputs was refused: a stable code a client words itself (the web app
 * shows the Chinese of ANNUAL_REPORT_PROBLEM_MESSAGES, with the params filled in), never by reading `problem`.
 */
export const ANNUAL_REPORT_PROBLEM_MESSAGES = {
  'annual-report.not-an-object': '填报内容格式有误',
  'annual-report.unknown-input': '不是年度报告的填报项',
  'annual-report.not-text': '须为文字',
  'annual-report.text-too-long': '内容过长（最多 {max} 字）',
  'annual-report.not-a-count': '须为 0 或正整数',
  'annual-report.not-an-amount': '须为非负金额，最多 4 位小数',
  'annual-report.not-a-table': '表格格式有误',
  'annual-report.unknown-cell': '不是本表的栏目',
  'annual-report.results-total': '（七）总计应等于各项办理结果之和 {expected}',
  'annual-report.balance': '本年新收 + 上年结转（{incoming}）应等于 办理结果总计 + 结转下年度（{outgoing}）',
  'annual-report.outcomes-total': '总计应为四项结果之和 {expected}',
} as const;

export type AnnualReportProblemCode = keyof typeof ANNUAL_REPORT_PROBLEM_MESSAGES;

/** A field of the inputs at fault, by its JSON path, and why: `code` (with `params`) for clients, `problem` for people and logs. */
export interface InputProblem {
  readonly field: string;
  readonly code: AnnualReportProblemCode;
  readonly problem: string;
  readonly params?: Readonly<Record<string, number>>;
}

const MAX_TEXT = 20_000;
const MAX_COUNT = 100_000_000;

/**
 * Checks what the office sends before it is stored: shapes, whole non-negative numbers, and the tables' own
 * arithmetic. Returns every problem, each naming its cell, so a form can mark them all at once.
 */
export function validateAnnualReportInputs(raw: unknown): { inputs: AnnualReportInputs; problems: [] } | { problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { problems: [{ field: 'inputs', code: 'annual-report.not-an-object', problem: ANNUAL_REPORT_PROBLEM_MESSAGES['annual-report.not-an-object'] }] };
  const body = raw as Record<string, unknown>;
  const known = new Set(['overview', 'rules', 'licensingDecisions', 'punishmentDecisions', 'compulsionDecisions', 'feesTenThousandYuan', 'applications', 'reviewLitigation', 'problems', 'otherMatters']);
  for (const key of Object.keys(body)) if (!known.has(key)) problems.push({ field: key, code: 'annual-report.unknown-input', problem: ANNUAL_REPORT_PROBLEM_MESSAGES['annual-report.unknown-input'] });

  const text = (key: string) => {
    const value = body[key];
    if (value === undefined) return;
    if (typeof value !== 'string') problems.push({ field: key, code: 'annual-report.not-text', problem: ANNUAL_REPORT_PROBLEM_MESSAGES['annual-report.not-text'] });
    else if (value.length > MAX_TEXT) problems.push({ field: key, code: 'annual-report.text-too-long', problem: ANNUAL_REPORT_PROBLEM_MESSAGES['annual-report.text-too-long'].replace('{max}', String(MAX_TEXT)), params: { max: MAX_TEXT } });
  };
  const count = (field: string, value: unknown, options: { decimals?: boolean } = {}) => {
    const ok = typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_COUNT && (options.decimals ? Math.round(value * 10_000) === value * 10_000 : Number.isInteger(value));
    if (!ok) {
      problems.push(
        options.decimals
          ? { field, code: 'annual-report.not-an-amount', problem: ANNUAL_REPORT_PROBLEM_MESSAGES['annual-report.not-an-amount'] }
          : { field, code: 'annual-report.not-a-count', problem: ANNUAL_REPORT_PROBLEM_MESSAGES['annual-report.not-a-count'] },
      );
    }
  };
  const record = (field: string, value: unknown, keys: readonly string[], cell: (field: string, value: unknown) => void) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ field, code: 'annual-report.not-a-table', problem: `${ANNUAL_REPORT_PROBLEM_MESSAGES['annual-report.not-a-table']}：须包含 ${keys.join('、')}` });
      return false;
    }
    const entries = value as Record<string, unknown>;
    for (const key of Object.keys(entries)) if (!keys.includes(key)) problems.push({ field: `${field}.${key}`, code: 'annual-report.unknown-cell', problem: ANNUAL_REPORT_PROBLEM_MESSAGES['annual-report.unknown-cell'] });
    for (const key of keys) cell(`${field}.${key}`, entries[key]);
    return true;
  };

  for (const key of ['overview', 'problems', 'otherMatters']) text(key);
  for (const key of ['licensingDecisions', 'punishmentDecisions', 'compulsionDecisions']) if (body[key] !== undefined) count(key, body[key]);
  if (body.feesTenThousandYuan !== undefined) count('feesTenThousandYuan', body.feesTenThousandYuan, { decimals: true });
  if (body.rules !== undefined) record('rules', body.rules, ['issued', 'repealed', 'inForce'], (field, value) => count(field, value));

  const before = problems.length;
  if (body.applications !== undefined) {
    const shaped = record('applications', body.applications, APPLICATION_ROW_KEYS, (rowField, row) => record(rowField, row, APPLICATION_COLUMN_KEYS, (field, value) => count(field, value)));
    if (shaped && problems.length === before) problems.push(...checkApplicationTable(body.applications as ApplicationTable));
  }
  const beforeReview = problems.length;
  if (body.reviewLitigation !== undefined) {
    const keys = REVIEW_LITIGATION_GROUPS.map((group) => group.key);
    const shaped = record('reviewLitigation', body.reviewLitigation, keys, (groupField, group) => record(groupField, group, REVIEW_OUTCOMES.map((outcome) => outcome.key), (field, value) => count(field, value)));
    if (shaped && problems.length === beforeReview) problems.push(...checkReviewLitigationTable(body.reviewLitigation as ReviewLitigationTable));
  }
  return problems.length ? { problems } : { inputs: body as AnnualReportInputs, problems: [] };
}

/**
 * Table 三's own checks, per applicant column: （七）总计 is the sum of every 办理结果 row, and
 * 本年新收 + 上年结转 = 办理结果总计 + 结转下年度 (every application received or carried over is either decided
 * or carried forward).
 */
export function checkApplicationTable(table: ApplicationTable): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const column of APPLICATION_COLUMN_KEYS) {
    const results = APPLICATION_RESULT_ROWS.reduce((sum, row) => sum + table[row][column], 0);
    if (table.resultsTotal[column] !== results) {
      problems.push({ field: `applications.resultsTotal.${column}`, code: 'annual-report.results-total', problem: `（七）总计应等于各项办理结果之和 ${results}`, params: { expected: results } });
    }
    const incoming = table.newlyReceived[column] + table.carriedOver[column];
    const outgoing = table.resultsTotal[column] + table.carriedForward[column];
    if (incoming !== outgoing) {
      problems.push({
        field: `applications.carriedForward.${column}`,
        code: 'annual-report.balance',
        problem: `本年新收 + 上年结转（${incoming}）应等于 办理结果总计 + 结转下年度（${outgoing}）`,
        params: { incoming, outgoing },
      });
    }
  }
  return problems;
}

/** Table 四's check: each group's 总计 is the sum of its four outcomes. */
export function checkReviewLitigationTable(table: ReviewLitigationTable): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const { key } of REVIEW_LITIGATION_GROUPS) {
    const group = table[key];
    const sum = group.upheld + group.corrected + group.other + group.pending;
    if (group.total !== sum) problems.push({ field: `reviewLitigation.${key}.total`, code: 'annual-report.outcomes-total', problem: `总计应为四项结果之和 ${sum}`, params: { expected: sum } });
  }
  return problems;
}

/** The 总计 column of table 三: a row summed across the applicant columns. */
export function applicationRowTotal(row: Record<ApplicationColumn, number>): number {
  return APPLICATION_COLUMN_KEYS.reduce((sum, column) => sum + row[column], 0);
}

/** An empty table 三, all zeros: what a report shows before anything is entered. */
export function emptyApplicationTable(): ApplicationTable {
  return Object.fromEntries(APPLICATION_ROW_KEYS.map((row) => [row, Object.fromEntries(APPLICATION_COLUMN_KEYS.map((column) => [column, 0]))])) as ApplicationTable;
}

export function emptyReviewLitigationTable(): ReviewLitigationTable {
  return Object.fromEntries(REVIEW_LITIGATION_GROUPS.map((group) => [group.key, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }])) as ReviewLitigationTable;
}

/** The first and last years a report can be asked for; the working-day calendar starts in 2008. */
export const FIRST_REPORT_YEAR = 2008;

/**
 * 条例 Art. 49: the annual report for a year is published by January 31 of the next year; due at the end of
 * that day, China time.
 */
export function annualReportDueAt(year: number): Date {
  return endOfChinaDay(`${year + 1}-01-31`);
}

/** The year as instants: from the start of January 1 to the end of December 31, China time. */
export function chinaYearSpan(year: number): { start: Date; end: Date } {
  return { start: new Date(endOfChinaDay(`${year - 1}-12-31`).getTime() + 1), end: endOfChinaDay(`${year}-12-31`) };
}
