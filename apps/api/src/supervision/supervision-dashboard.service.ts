import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { annualReportDueAt, chinaDateOf, rate, REVIEW_STAGE_LABELS, REVIEW_STAGES, type LocalDate } from '@zwgk/domain';
import { AssessmentService } from '../reports/assessment.service';
import type { OverdueQuery } from './overdue.query';
import { SupervisionDemandsService } from './supervision-demands.service';
import { SupervisionService, type OverdueRow } from './supervision.service';
import type { TrendQuery } from './trend.query';

/** One bar of a chart: statutory and internal (SLA) overdue, and how many of them are still outstanding. */
export interface OverdueBar {
  readonly key: string;
  readonly label: string;
  readonly statutory: number;
  readonly sla: number;
  readonly stillOverdue: number;
}

/** Statutory rows of an item not waiting in a review stage (a draft, a returned item, one approved but unreleased). */
export const OUTSIDE_REVIEW = { key: 'outside-review', label: '未在审核中' } as const;

export interface TrendPeriod {
  readonly key: string;
  readonly label: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
}

export interface TrendPoint {
  readonly period: string;
  /** From the assessment: items whose release deadline fell in the period, and how many were released by it. */
  readonly due: number;
  readonly onTime: number;
  readonly onTimeRate: number | null;
  /** Overdue rows (statutory and SLA) whose due time fell in the period. */
  readonly overdue: number;
}

const DAY_MS = 86_400_000;

/** The period `back` units before the one `today` falls in, as China days. */
function periodBefore(today: LocalDate, unit: 'quarter' | 'month', back: number): TrendPeriod {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const span = unit === 'quarter' ? 3 : 1;
  const startIndex = year * 12 + (Math.floor((month - 1) / span) * span) - back * span; // months since year 0
  const startYear = Math.floor(startIndex / 12);
  const startMonth = (startIndex % 12) + 1;
  const endIndex = startIndex + span; // the first month after the period
  const end = new Date(Date.UTC(Math.floor(endIndex / 12), endIndex % 12, 1) - DAY_MS).toISOString().slice(0, 10);
  const from = `${startYear}-${String(startMonth).padStart(2, '0')}-01`;
  return unit === 'quarter'
    ? { key: `${startYear}-Q${(startMonth + 2) / 3}`, label: `${startYear}年第${(startMonth + 2) / 3}季度`, from, to: end }
    : { key: from.slice(0, 7), label: `${startYear}年${startMonth}月`, from, to: end };
}

/**
 * The supervisor dashboard (督查督办): the overdue list counted by department, area and stage, the trend per
 * department from the assessment, the demands, and the annual report's own deadline.
 */
@Injectable()
export class SupervisionDashboardService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SupervisionService) private readonly supervision: SupervisionService,
    @Inject(SupervisionDemandsService) private readonly demands: SupervisionDemandsService,
    @Inject(AssessmentService) private readonly assessment: AssessmentService,
  ) {}

  /** The charts' figures for the same filters as the overdue list, so that a bar drills down to exactly its rows. */
  async dashboard(query: OverdueQuery, now = new Date()) {
    const [overdue, demandCounts] = await Promise.all([this.supervision.overdue(query), this.demands.counts()]);
    const rows = overdue.items;
    return {
      generatedAt: overdue.generatedAt,
      counts: { ...overdue.counts, stillOverdue: rows.filter((row) => row.stillOverdue).length },
      byDepartment: bars(rows, (row) => ({ key: row.departmentCode, label: row.departmentName })),
      byArea: bars(rows, (row) => ({ key: row.area, label: row.area })),
      byStage: bars(rows, (row) => (row.stage ? { key: row.stage, label: REVIEW_STAGE_LABELS[row.stage] } : OUTSIDE_REVIEW)).sort(
        (a, b) => stageOrder(a.key) - stageOrder(b.key),
      ),
      demands: demandCounts,
      applications: overdue.applications.counts,
      annualReport: await this.annualReportDeadline(now),
    };
  }

  /**
   * The report that is due next: the previous year's until its January 31 has passed, then this year's. Days
   * are China days; `daysLeft` is negative once it is overdue. Whether the office has typed in its inputs
   * shows how far along it is (the counted figures always exist).
   */
  async annualReportDeadline(now = new Date()) {
    const thisYear = Number(chinaDateOf(now).slice(0, 4));
    const year = now <= annualReportDueAt(thisYear - 1) ? thisYear - 1 : thisYear;
    const dueAt = annualReportDueAt(year);
    const dueDay = chinaDateOf(dueAt);
    const daysLeft = Math.round((Date.parse(`${dueDay}T00:00:00Z`) - Date.parse(`${chinaDateOf(now)}T00:00:00Z`)) / DAY_MS);
    const saved: { updated_at: Date; updated_by: string }[] = await this.dataSource.query('SELECT updated_at, updated_by FROM annual_reports WHERE year = $1', [year]);
    return {
      year,
      title: `${year}年政府信息公开工作年度报告`,
      dueAt: dueAt.toISOString(),
      dueDate: dueDay,
      daysLeft,
      overdue: now > dueAt,
      inputsSavedAt: saved[0]?.updated_at.toISOString() ?? null,
      inputsSavedBy: saved[0]?.updated_by ?? null,
      links: { html: `/api/reports/annual.html?year=${year}`, xlsx: `/api/reports/annual.xlsx?year=${year}` },
    };
  }

  /**
   * The trend over the last N quarters or months, per department: the on-time release rate from the assessment
   * (called as it is, one period at a time) and the overdue rows whose due time fell in the period.
   */
  async trend(query: TrendQuery, now = new Date()) {
    const unit = query.unit ?? 'quarter';
    const count = query.periods ?? (unit === 'quarter' ? 6 : 12);
    const today = chinaDateOf(now);
    const periods = Array.from({ length: count }, (_, index) => periodBefore(today, unit, count - 1 - index));
    const [assessments, overdue] = await Promise.all([
      Promise.all(periods.map((period) => this.assessment.assessment({ from: period.from, to: period.to, ...(query.departmentCode ? { departmentCode: query.departmentCode } : {}) }, now))),
      this.supervision.overdue({ from: periods[0]!.from, to: periods[periods.length - 1]!.to, ...(query.departmentCode ? { departmentCode: query.departmentCode } : {}) }),
    ]);
    const periodOf = (instant: string): string | undefined => {
      const day = chinaDateOf(new Date(instant));
      return periods.find((period) => period.from <= day && day <= period.to)?.key;
    };
    const overdueCount = new Map<string, number>();
    for (const row of overdue.items) {
      const key = `${row.departmentCode}|${periodOf(row.dueAt)}`;
      overdueCount.set(key, (overdueCount.get(key) ?? 0) + 1);
    }
    const departments = (assessments[0]?.departments ?? []).map((department) => ({
      departmentCode: department.departmentCode,
      departmentName: department.departmentName,
      series: periods.map((period, index): TrendPoint => {
        const found = assessments[index]!.departments.find((entry) => entry.departmentCode === department.departmentCode);
        return {
          period: period.key,
          due: found?.release.due ?? 0,
          onTime: found?.release.onTime ?? 0,
          onTimeRate: found?.release.onTimeRate ?? null,
          overdue: overdueCount.get(`${department.departmentCode}|${period.key}`) ?? 0,
        };
      }),
    }));
    const totals = periods.map((period, index): TrendPoint => {
      const points = departments.map((department) => department.series[index]!);
      const due = points.reduce((sum, point) => sum + point.due, 0);
      const onTime = points.reduce((sum, point) => sum + point.onTime, 0);
      return { period: period.key, due, onTime, onTimeRate: rate(onTime, due), overdue: points.reduce((sum, point) => sum + point.overdue, 0) };
    });
    return { unit, generatedAt: now.toISOString(), periods, departments, totals };
  }

  /** What the dashboard's filters offer: departments, catalog areas, review stages and the leaders. */
  async filters() {
    const [departments, areas, leaders] = await Promise.all([
      this.dataSource.query(`SELECT code, name FROM departments WHERE kind <> 'county' ORDER BY code`) as Promise<{ code: string; name: string }[]>,
      this.dataSource.query(`SELECT DISTINCT area FROM catalog_items WHERE area IS NOT NULL ORDER BY area`) as Promise<{ area: string }[]>,
      this.dataSource.query(`SELECT username, display_name, department_code FROM users WHERE active AND 'leader' = ANY(roles) ORDER BY department_code, username`) as Promise<
        { username: string; display_name: string; department_code: string }[]
      >,
    ]);
    return {
      departments,
      areas: areas.map((row) => row.area),
      stages: REVIEW_STAGES.map((stage) => ({ stage, label: REVIEW_STAGE_LABELS[stage] })),
      leaders: leaders.map((row) => ({ username: row.username, displayName: row.display_name, departmentCode: row.department_code })),
    };
  }
}

function stageOrder(key: string): number {
  const index = (REVIEW_STAGES as readonly string[]).indexOf(key);
  return index === -1 ? REVIEW_STAGES.length : index;
}

function bars(rows: readonly OverdueRow[], group: (row: OverdueRow) => { key: string; label: string }): OverdueBar[] {
  const byKey = new Map<string, { key: string; label: string; statutory: number; sla: number; stillOverdue: number }>();
  for (const row of rows) {
    const { key, label } = group(row);
    const bar = byKey.get(key) ?? { key, label, statutory: 0, sla: 0, stillOverdue: 0 };
    bar[row.kind] += 1;
    if (row.stillOverdue) bar.stillOverdue += 1;
    byKey.set(key, bar);
  }
  return [...byKey.values()].sort((a, b) => b.statutory + b.sla - (a.statutory + a.sla) || a.key.localeCompare(b.key));
}
