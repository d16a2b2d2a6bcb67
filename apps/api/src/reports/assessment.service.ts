import { Inject, Injectable } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { loadWorkingDayCalendar } from '@zwgk/db';
import { chinaDateOf, median, percentile, quarterSpan, rate, workingDaysLate } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { parsePeriod } from '../audit/period';
import type { AssessmentQuery } from './assessment.query';

/** One department's assessment (考核评估) for the period. Rates are fractions 0..1, null when nothing was owed. */
export interface DepartmentAssessment {
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly release: {
    /** Items whose release deadline falls in the period (rejected ones, and ones withdrawn unreleased, owe nothing). */
    readonly due: number;
    readonly onTime: number;
    readonly onTimeRate: number | null;
    /** Working days late per item whose deadline has passed (0 when on time; still-unreleased items count up to now). */
    readonly medianDelayWorkingDays: number | null;
    readonly p90DelayWorkingDays: number | null;
  };
  readonly interpretation: {
    /** Policy items released in the period: the catalog row needs an interpretation, or a normative document. */
    readonly policyItems: number;
    readonly withInterpretation: number;
    readonly coverage: number | null;
    /** Interpretations released in the period (audit `interpretation.released`), and how many were late. */
    readonly released: number;
    readonly late: number;
    readonly timelinessRate: number | null;
  };
  readonly concerns: {
    /** Concerns answered (response published) in the period by the department. */
    readonly answered: number;
    /** Of those, answered with no deadline ever marked overdue. */
    readonly onTime: number;
    readonly timelinessRate: number | null;
  };
  readonly returns: {
    /** `task.return` decisions on the items due in the period, per such item. */
    readonly returns: number;
    readonly items: number;
    readonly perItem: number | null;
  };
  /** Public satisfaction (公众满意度): ratings (1–5) given in the period, of the department's items and of its responses. */
  readonly satisfaction: {
    readonly items: SatisfactionFigure;
    readonly responses: SatisfactionFigure;
  };
}

/** How many ratings, and their average (two decimals; null when nobody rated). */
export interface SatisfactionFigure {
  readonly ratings: number;
  readonly average: number | null;
}

interface DueRow {
  department_code: string;
  release_due_at: Date;
  released_at: Date | null;
  returns: string;
}

@Injectable()
export class AssessmentService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async assessment(query: AssessmentQuery, now = new Date()) {
    const period = this.period(query);
    const departments = await this.departments(query.departmentCode);
    const codes = departments.map((department) => department.code);
    const [calendar, dueRows, policy, interpretations, concerns, satisfaction] = await Promise.all([
      loadWorkingDayCalendar(this.dataSource),
      this.dataSource.query(
        `SELECT i.department_code, i.release_due_at, i.released_at,
                (SELECT count(*) FROM audit_events a WHERE a.item_id = i.id AND a.action = 'task.return') AS returns
           FROM disclosure_items i
          WHERE i.department_code = ANY($1) AND i.release_due_at BETWEEN $2 AND $3
            AND i.state <> 'REJECTED' AND NOT (i.state = 'WITHDRAWN' AND i.released_at IS NULL)`,
        [codes, period.from, period.to],
      ) as Promise<DueRow[]>,
      this.dataSource.query(
        `SELECT i.department_code, count(*) AS items, count(*) FILTER (WHERE i.interpretation IS NOT NULL AND btrim(i.interpretation) <> '') AS covered
           FROM disclosure_items i
           JOIN catalog_items c ON c.version_id = i.catalog_version_id AND c.code = i.catalog_item_code
          WHERE i.department_code = ANY($1) AND i.released_at BETWEEN $2 AND $3 AND (c.needs_interpretation OR i.normative_document)
          GROUP BY i.department_code`,
        [codes, period.from, period.to],
      ) as Promise<{ department_code: string; items: string; covered: string }[]>,
      this.dataSource.query(
        `SELECT department_code, count(*) AS released, count(*) FILTER (WHERE (detail->>'late')::boolean) AS late
           FROM audit_events
          WHERE action = 'interpretation.released' AND department_code = ANY($1) AND occurred_at BETWEEN $2 AND $3
          GROUP BY department_code`,
        [codes, period.from, period.to],
      ) as Promise<{ department_code: string; released: string; late: string }[]>,
      this.dataSource.query(
        `SELECT r.department_code, count(*) AS answered,
                count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM concern_deadlines d WHERE d.concern_id = r.concern_id AND d.overdue_at IS NOT NULL)) AS on_time
           FROM concern_responses r
          WHERE r.department_code = ANY($1) AND r.published_at BETWEEN $2 AND $3
          GROUP BY r.department_code`,
        [codes, period.from, period.to],
      ) as Promise<{ department_code: string; answered: string; on_time: string }[]>,
      this.dataSource.query(
        `SELECT department_code, target_kind, count(*)::int AS ratings, round(avg(score), 2)::float8 AS average
           FROM satisfaction_ratings
          WHERE department_code = ANY($1) AND rated_at BETWEEN $2 AND $3
          GROUP BY department_code, target_kind`,
        [codes, period.from, period.to],
      ) as Promise<{ department_code: string; target_kind: 'item' | 'response'; ratings: number; average: number }[]>,
    ]);
    const byCode = <T extends { department_code: string }>(rows: T[]) => new Map(rows.map((row) => [row.department_code, row]));
    const policyBy = byCode(policy);
    const interpretationBy = byCode(interpretations);
    const concernBy = byCode(concerns);
    const result: DepartmentAssessment[] = departments.map((department) => {
      const due = dueRows.filter((row) => row.department_code === department.code);
      const onTime = due.filter((row) => row.released_at !== null && row.released_at <= row.release_due_at).length;
      const delays = due
        .filter((row) => row.released_at !== null || row.release_due_at < now)
        .map((row) => workingDaysLate(calendar, row.release_due_at, row.released_at ?? now));
      const returns = due.reduce((sum, row) => sum + Number(row.returns), 0);
      const p = policyBy.get(department.code);
      const i = interpretationBy.get(department.code);
      const c = concernBy.get(department.code);
      const policyItems = Number(p?.items ?? 0);
      const withInterpretation = Number(p?.covered ?? 0);
      const released = Number(i?.released ?? 0);
      const late = Number(i?.late ?? 0);
      const answered = Number(c?.answered ?? 0);
      const answeredOnTime = Number(c?.on_time ?? 0);
      const satisfactionOf = (kind: 'item' | 'response'): SatisfactionFigure => {
        const row = satisfaction.find((candidate) => candidate.department_code === department.code && candidate.target_kind === kind);
        return { ratings: row?.ratings ?? 0, average: row ? Number(row.average) : null };
      };
      return {
        departmentCode: department.code,
        departmentName: department.name,
        release: { due: due.length, onTime, onTimeRate: rate(onTime, due.length), medianDelayWorkingDays: median(delays), p90DelayWorkingDays: percentile(delays, 90) },
        interpretation: { policyItems, withInterpretation, coverage: rate(withInterpretation, policyItems), released, late, timelinessRate: rate(released - late, released) },
        concerns: { answered, onTime: answeredOnTime, timelinessRate: rate(answeredOnTime, answered) },
        returns: { returns, items: due.length, perItem: rate(returns, due.length) },
        satisfaction: { items: satisfactionOf('item'), responses: satisfactionOf('response') },
      };
    });
    return { from: period.from.toISOString(), to: period.to.toISOString(), generatedAt: now.toISOString(), calendarVersion: calendar.version, departments: result };
  }

  /** The 季度报送 workbook: one row per department, Chinese headers, rates as percentages. */
  async assessmentXlsx(query: AssessmentQuery): Promise<Buffer> {
    const report = await this.assessment(query);
    const workbook = new Workbook();
    workbook.created = new Date(report.generatedAt);
    const sheet = workbook.addWorksheet('考核评估');
    const percent = (value: number | null) => (value === null ? '' : value);
    const columns: { header: string; width: number; value: (row: DepartmentAssessment) => string | number | null; percent?: boolean }[] = [
      { header: '部门', width: 18, value: (row) => row.departmentName },
      { header: '应公开事项数', width: 12, value: (row) => row.release.due },
      { header: '按时公开数', width: 12, value: (row) => row.release.onTime },
      { header: '按时公开率', width: 12, value: (row) => percent(row.release.onTimeRate), percent: true },
      { header: '延迟中位数（工作日）', width: 16, value: (row) => row.release.medianDelayWorkingDays },
      { header: '延迟P90（工作日）', width: 16, value: (row) => row.release.p90DelayWorkingDays },
      { header: '政策文件数', width: 12, value: (row) => row.interpretation.policyItems },
      { header: '解读覆盖率', width: 12, value: (row) => percent(row.interpretation.coverage), percent: true },
      { header: '解读及时率', width: 12, value: (row) => percent(row.interpretation.timelinessRate), percent: true },
      { header: '回应关切数', width: 12, value: (row) => row.concerns.answered },
      { header: '回应及时率', width: 12, value: (row) => percent(row.concerns.timelinessRate), percent: true },
      { header: '退回次数', width: 10, value: (row) => row.returns.returns },
      { header: '件均退回', width: 10, value: (row) => row.returns.perItem },
      { header: '事项满意度评价数', width: 14, value: (row) => row.satisfaction.items.ratings },
      { header: '事项满意度均分（5分制）', width: 18, value: (row) => row.satisfaction.items.average },
      { header: '回应满意度评价数', width: 14, value: (row) => row.satisfaction.responses.ratings },
      { header: '回应满意度均分（5分制）', width: 18, value: (row) => row.satisfaction.responses.average },
    ];
    const title = sheet.addRow([`考核评估（${chinaDateOf(new Date(report.from))} 至 ${chinaDateOf(new Date(report.to))}）`]);
    title.font = { bold: true, size: 14 };
    sheet.mergeCells(1, 1, 1, columns.length);
    const header = sheet.addRow(columns.map((column) => column.header));
    header.font = { bold: true };
    columns.forEach((column, index) => {
      sheet.getColumn(index + 1).width = column.width;
      if (column.percent) sheet.getColumn(index + 1).numFmt = '0.0%';
    });
    for (const row of report.departments) sheet.addRow(columns.map((column) => column.value(row)));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** A quarter, or from and to, both required: an assessment without a period is not a figure anyone can sign. */
  private period(query: AssessmentQuery): { from: Date; to: Date } {
    if (query.quarter !== undefined) {
      if (query.from !== undefined || query.to !== undefined) throw ApiError.invalid('quarter', '季度（quarter）与起止日期（from/to）只能填写其一');
      const span = quarterSpan(query.quarter);
      if (!span) throw ApiError.invalid('quarter', '季度（quarter）须形如 2026-Q3');
      const period = parsePeriod(span.from, span.to);
      return { from: period.from as Date, to: period.to as Date };
    }
    if (query.from === undefined) throw ApiError.invalid('from', '请填写开始日期（from），或填写季度（quarter）');
    if (query.to === undefined) throw ApiError.invalid('to', '请填写结束日期（to），或填写季度（quarter）');
    const { from, to } = parsePeriod(query.from, query.to);
    if (!from || !to) throw ApiError.invalid('from', '开始日期（from）或结束日期（to）不是有效日期');
    return { from, to };
  }

  private async departments(code: string | undefined): Promise<{ code: string; name: string }[]> {
    const rows: { code: string; name: string }[] = await this.dataSource.query(
      `SELECT code, name FROM departments WHERE ($1::varchar IS NULL AND kind <> 'county') OR code = $1 ORDER BY code`,
      [code ?? null],
    );
    if (code !== undefined && rows.length === 0) throw ApiError.invalid('departmentCode', `部门“${code}”不存在`);
    return rows;
  }
}
