import type { components } from '../../openapi/schema';

/** 考核评估 as the API answers it, and how its figures are shown. */

/** GET /api/reports/assessment, as the API documents it. */
export type AssessmentAnswer = components['schemas']['AssessmentView'];
export type DepartmentAssessment = components['schemas']['DepartmentAssessmentView'];
export type Satisfaction = components['schemas']['SatisfactionFigureView'];

export const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
export const number = (value: number | null, digits = 1) => (value === null ? '—' : Number.isInteger(value) ? String(value) : value.toFixed(digits));
export const satisfactionText = (figure: Satisfaction | undefined) => (figure && figure.average !== null ? `${figure.average.toFixed(2)} 分` : '—');

/** The quarter of today in China, as the API names it: 2026-Q4. */
export function currentQuarter(): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).split('-');
  return `${y}-Q${Math.floor((Number(m) - 1) / 3) + 1}`;
}

/** This quarter and the ones before it, three years back. */
export function recentQuarters(): string[] {
  const current = currentQuarter();
  const year = Number(current.slice(0, 4));
  return [year, year - 1, year - 2].flatMap((y) => [4, 3, 2, 1].map((q) => `${y}-Q${q}`)).filter((q) => q <= current);
}
