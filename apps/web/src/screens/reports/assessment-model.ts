/** 考核评估 as the API answers it, and how its figures are shown. */

export interface Satisfaction {
  ratings: number;
  average: number | null;
}

export interface DepartmentAssessment {
  departmentCode: string;
  departmentName: string;
  release: { due: number; onTime: number; onTimeRate: number | null; medianDelayWorkingDays: number | null; p90DelayWorkingDays: number | null };
  interpretation: { policyItems: number; withInterpretation: number; coverage: number | null; released: number; late: number; timelinessRate: number | null };
  concerns: { answered: number; onTime: number; timelinessRate: number | null };
  returns: { returns: number; items: number; perItem: number | null };
  satisfaction?: { items: Satisfaction; responses: Satisfaction };
}

export interface AssessmentAnswer {
  from: string;
  to: string;
  generatedAt: string;
  departments: DepartmentAssessment[];
}

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
