import type { components } from '../../openapi/schema';

/** The annual report (政府信息公开工作年度报告) as the API answers it, and the form's draft of the office's inputs. */

type Schemas = components['schemas'];
/** One figure and where it came from (counted by the system, or entered); null when nobody has entered it yet. */
export type Figure = Schemas['AnnualReportFigureView'];
/** GET /api/reports/annual (and the PUT of its inputs): as the API documents it (annual-report.views.ts). */
export type AnnualReport = Schemas['AnnualReportView'];

export type DecisionKey = AnnualReport['sections']['activeDisclosure']['decisions'][number]['key'];
export const DOCUMENT_FIGURES = ['issued', 'repealed', 'inForce'] as const;
export type Table = Record<string, Record<string, string>>;

/** What the form holds: text as typed, every figure as a string so a blank stays blank until saved. */
export interface Draft {
  overview: string;
  problems: string;
  otherMatters: string;
  rules: Record<(typeof DOCUMENT_FIGURES)[number], string>;
  decisions: Record<DecisionKey, string>;
  applications: Table;
  reviewLitigation: Table;
}

const text = (figure: Figure) => (figure.value === null ? '' : String(figure.value));

export function draftOf(report: AnnualReport): Draft {
  const { sections } = report;
  const rules = sections.activeDisclosure.documents.find((row) => row.key === 'rules')!;
  return {
    overview: sections.overview.text ?? '',
    problems: sections.problems.text ?? '',
    otherMatters: sections.otherMatters.text ?? '',
    rules: { issued: text(rules.issued), repealed: text(rules.repealed), inForce: text(rules.inForce) },
    decisions: Object.fromEntries(sections.activeDisclosure.decisions.map((row) => [row.key, text(row.figure)])) as Record<DecisionKey, string>,
    applications: Object.fromEntries(sections.applications.rows.map((row) => [row.key, Object.fromEntries(Object.entries(row.enteredCells ?? row.cells).map(([column, figure]) => [column, text(figure)]))])),
    reviewLitigation: Object.fromEntries(sections.reviewLitigation.groups.map((group) => [group.key, Object.fromEntries(group.cells.map((cell) => [cell.key, text(cell)]))])),
  };
}

/** A typed figure as the API wants it: a number when it is one, otherwise as typed so the API names the cell. */
const figureOf = (value: string): number | string => (value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value.trim());
const anyFilled = (record: Record<string, string>) => Object.values(record).some((value) => value.trim() !== '');
/** A table is sent whole once any cell is filled: a blank cell then counts as 0, as on the paper form. */
const tableOf = (table: Table) =>
  Object.fromEntries(Object.entries(table).map(([row, cells]) => [row, Object.fromEntries(Object.entries(cells).map(([key, value]) => [key, value.trim() === '' ? 0 : figureOf(value)]))]));

export function inputsOf(draft: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of ['overview', 'problems', 'otherMatters'] as const) if (draft[key].trim()) body[key] = draft[key];
  if (anyFilled(draft.rules)) body.rules = Object.fromEntries(DOCUMENT_FIGURES.map((key) => [key, draft.rules[key].trim() === '' ? 0 : figureOf(draft.rules[key])]));
  for (const [key, value] of Object.entries(draft.decisions)) if (value.trim() !== '') body[key] = figureOf(value);
  if (Object.values(draft.applications).some(anyFilled)) body.applications = tableOf(draft.applications);
  if (Object.values(draft.reviewLitigation).some(anyFilled)) body.reviewLitigation = tableOf(draft.reviewLitigation);
  return body;
}

/** How the system counts the 行政规范性文件 row (the API's NORMATIVE_DOCUMENT_MAPPING), for the reader. */
export const NORMATIVE_NOTE =
  '行政规范性文件一行由系统统计：本年制发件数为本年首次发布的规范性文件；本年废止件数为已发布、本年撤回的；现行有效件数为截至年底已发布且未撤回的。';

export const cellId = (field: string) => `ar-${field.replace(/\./g, '-')}`;

export const FIELD_NAMES: Record<string, string> = {
  overview: '一、总体情况',
  problems: '五、存在的主要问题及改进情况',
  otherMatters: '六、其他需要报告的事项',
  rules: '规章',
  licensingDecisions: '行政许可',
  punishmentDecisions: '行政处罚',
  compulsionDecisions: '行政强制',
  feesTenThousandYuan: '行政事业性收费',
};

/** Where a problem sits, in the words of the printed form: 表三「本年新收」×「自然人」. */
export function describeField(field: string, report: AnnualReport): string {
  const [head, second, third] = field.split('.');
  if (head === 'applications' && second) {
    const row = report.sections.applications.rows.find((r) => r.key === second);
    const column = report.sections.applications.columns.find((c) => c.key === third);
    return `表三「${row?.label ?? second}」×「${column?.label ?? third ?? ''}」`;
  }
  if (head === 'reviewLitigation' && second) {
    const group = report.sections.reviewLitigation.groups.find((g) => g.key === second);
    const cell = group?.cells.find((c) => c.key === third);
    return `表四「${group?.label ?? second}」×「${cell?.label ?? third ?? ''}」`;
  }
  if (head === 'rules') return `规章「${second === 'issued' ? '本年制发件数' : second === 'repealed' ? '本年废止件数' : '现行有效件数'}」`;
  return FIELD_NAMES[head ?? ''] ?? field;
}

