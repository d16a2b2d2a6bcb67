import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAuditEvent } from '@zwgk/db';
import {
  countApplicationTable,
  type ApplicationColumn,
  type ApplicationRow,
  type ApplicationTableRecord,
  APPLICATION_COLUMNS,
  APPLICATION_ROWS,
  REVIEW_LITIGATION_GROUPS,
  REVIEW_OUTCOME_COLUMNS,
  annualReportDueAt,
  applicationRowTotal,
  chinaDateOf,
  chinaYearSpan,
  FIRST_REPORT_YEAR,
  validateAnnualReportInputs,
  type Actor,
  type AnnualReportInputs,
  type FigureSource,
} from '@zwgk/domain';
import { ApiError } from '../common/api-error';

/** One figure of the report and where it came from; null when it is an input nobody has entered yet. */
export interface Figure {
  readonly value: number | null;
  readonly source: FigureSource;
}

const entered = (value: number | undefined): Figure => ({ value: value ?? null, source: 'input' });
const counted = (value: number): Figure => ({ value, source: 'system' });
/** A cell of table 三: the system's count plus the office's entry for applications outside the system; wholly entered reads as input. */
const combined = (system: number, input: number | undefined): Figure => (input === undefined ? counted(system) : system === 0 ? entered(input) : counted(system + input));

/** How table 三 is counted, stated in the report so a reader can check it. */
export const APPLICATION_TABLE_MAPPING = {
  newlyReceived: '本年新收: applications whose receipt date (条例第三十一条; the submission date until it is confirmed) falls in the year',
  carriedOver: '上年结转: applications received before the year and not closed by its first day',
  results: '办理结果: applications closed in the year (reply delivered, or deemed withdrawn), by their table 三 category',
  carriedForward: '结转下年度: applications received by the end of the year and still open then; counted again as 上年结转 next year',
  entered: 'entered figures: applications handled outside the system, added to the counts',
} as const;

/** How the system counts the 行政规范性文件 row, stated in the report so a reader can check it. */
export const NORMATIVE_DOCUMENT_MAPPING = {
  issued: '本年制发件数: items marked as normative documents (行政规范性文件) first released in the year (China time), by their first edition',
  repealed: '本年废止件数: such documents, once released, withdrawn (撤回) in the year',
  inForce: '现行有效件数: such documents released by the end of the year and not withdrawn by then',
} as const;

/** Sections the office types in; the others are counted (table 二 mixes both, row by row). */
export const EDITABLE_SECTIONS = ['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'] as const;

interface StoredReport {
  inputs: AnnualReportInputs;
  revision: number;
  updated_by: string;
  updated_at: Date;
}

export type AnnualReport = Awaited<ReturnType<AnnualReportService['report']>>;

@Injectable()
export class AnnualReportService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The report for a year: the system's counts, the office's inputs, and the report's own deadline. */
  async report(yearText: string | undefined, now = new Date()) {
    const year = parseYear(yearText, 'year', now);
    const [stored, normative, countedApplications] = await Promise.all([this.stored(year), this.normativeDocuments(year), this.countedApplications(year)]);
    const inputs = stored?.inputs ?? {};
    const dueAt = annualReportDueAt(year);
    const applications = inputs.applications;
    const review = inputs.reviewLitigation;
    return {
      year,
      title: `${year}年政府信息公开工作年度报告`,
      generatedAt: now.toISOString(),
      // 条例 Art. 49: published by January 31 of the next year.
      dueAt: dueAt.toISOString(),
      overdue: now > dueAt,
      revision: stored?.revision ?? 0,
      updatedBy: stored?.updated_by ?? null,
      updatedAt: stored?.updated_at.toISOString() ?? null,
      editableSections: EDITABLE_SECTIONS,
      sections: {
        overview: { title: '一、总体情况', editable: true, source: 'input' as const, text: inputs.overview ?? null },
        activeDisclosure: {
          title: '二、主动公开政府信息情况',
          editable: true,
          documents: [
            { key: 'rules', label: '规章', issued: entered(inputs.rules?.issued), repealed: entered(inputs.rules?.repealed), inForce: entered(inputs.rules?.inForce) },
            { key: 'normativeDocuments', label: '行政规范性文件', issued: counted(normative.issued), repealed: counted(normative.repealed), inForce: counted(normative.inForce) },
          ],
          decisions: [
            { key: 'licensingDecisions', label: '行政许可', measure: '本年处理决定数量', figure: entered(inputs.licensingDecisions) },
            { key: 'punishmentDecisions', label: '行政处罚', measure: '本年处理决定数量', figure: entered(inputs.punishmentDecisions) },
            { key: 'compulsionDecisions', label: '行政强制', measure: '本年处理决定数量', figure: entered(inputs.compulsionDecisions) },
            { key: 'feesTenThousandYuan', label: '行政事业性收费', measure: '本年收费金额（单位：万元）', figure: entered(inputs.feesTenThousandYuan) },
          ],
          mapping: NORMATIVE_DOCUMENT_MAPPING,
        },
        applications: {
          title: '三、收到和处理政府信息公开申请情况',
          editable: true,
          // Counted from the applications the system handled (received, carried over, results, carried forward).
          // What the office enters is only what the system cannot know: applications handled outside it (before it
          // was in use, or in another system), added to the counts. Both tables pass the checks, so their sum does.
          source: 'system' as const,
          entered: applications !== undefined,
          mapping: APPLICATION_TABLE_MAPPING,
          columns: [...APPLICATION_COLUMNS, { key: 'total', label: '总计', group: null }],
          rows: APPLICATION_ROWS.map((row) => ({
            key: row.key,
            label: row.label,
            group: row.group,
            cells: Object.fromEntries(APPLICATION_COLUMNS.map((column) => [column.key, combined(countedApplications[row.key][column.key], applications?.[row.key][column.key])])),
            total: combined(applicationRowTotal(countedApplications[row.key]), applications ? applicationRowTotal(applications[row.key]) : undefined),
            // The office's own part, which is what its form edits.
            enteredCells: Object.fromEntries(APPLICATION_COLUMNS.map((column) => [column.key, entered(applications?.[row.key][column.key])])),
          })),
        },
        reviewLitigation: {
          title: '四、政府信息公开行政复议、行政诉讼情况',
          editable: true,
          source: 'input' as const,
          entered: review !== undefined,
          groups: REVIEW_LITIGATION_GROUPS.map((group) => ({
            key: group.key,
            label: group.label,
            parent: group.parent,
            cells: REVIEW_OUTCOME_COLUMNS.map((outcome) => ({ key: outcome.key, label: outcome.label, ...entered(review?.[group.key][outcome.key]) })),
          })),
        },
        problems: { title: '五、存在的主要问题及改进情况', editable: true, source: 'input' as const, text: inputs.problems ?? null },
        otherMatters: { title: '六、其他需要报告的事项', editable: true, source: 'input' as const, text: inputs.otherMatters ?? null },
      },
    };
  }

  /** Table 三 counted from disclosure_applications for the year (applications open at a year end count in both years). */
  private async countedApplications(year: number) {
    const rows: { applicant_type: string; received_on: string; closed_on: string | null; outcome: string | null }[] = await this.dataSource.query(
      `SELECT applicant_type, coalesce(received_on, submitted_on)::text AS received_on, closed_on::text AS closed_on, outcome
         FROM disclosure_applications
        WHERE coalesce(received_on, submitted_on) <= make_date($1, 12, 31) AND (closed_on IS NULL OR closed_on >= make_date($1, 1, 1))`,
      [year],
    );
    const records: ApplicationTableRecord[] = rows.map((row) => ({
      applicantType: row.applicant_type as ApplicationColumn,
      receivedOn: row.received_on,
      ...(row.closed_on ? { closedOn: row.closed_on, outcome: row.outcome as ApplicationRow } : {}),
    }));
    return countApplicationTable(records, year);
  }

  /**
   * Replaces the year's inputs with these, after the shape and table checks (400 naming every bad cell), and
   * records the save in the audit trail.
   */
  async saveInputs(actor: Actor, yearText: string, body: unknown, requestId: string | undefined, now = new Date()) {
    const year = parseYear(yearText, 'year', now);
    const checked = validateAnnualReportInputs(body);
    if (checked.problems.length || !('inputs' in checked)) {
      throw new ApiError(
        'annual-report.invalid-inputs',
        checked.problems.map((p) => `${p.field}: ${p.problem}`).join('; '),
        checked.problems.map((p) => ({ field: p.field, problems: [p.problem], code: p.code, ...(p.params ? { params: p.params } : {}) })),
      );
    }
    await this.dataSource.transaction(async (manager) => {
      const [saved]: { revision: number }[] = await manager.query(
        `INSERT INTO annual_reports (year, inputs, updated_by, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (year) DO UPDATE SET inputs = EXCLUDED.inputs, updated_by = EXCLUDED.updated_by, updated_at = now(),
                                          revision = annual_reports.revision + 1
         RETURNING revision`,
        [year, JSON.stringify(checked.inputs), actor.username],
      );
      await writeAuditEvent(manager, {
        eventKey: `annual-report:${year}:${saved.revision}`,
        actor: actor.username,
        actorRole: actor.roles.includes('disclosure-office') ? 'disclosure-office' : 'admin',
        departmentCode: actor.departmentCode,
        action: 'report.annual.inputs-saved',
        detail: { year, revision: saved.revision, sections: Object.keys(checked.inputs) },
        requestId,
      });
    });
    return this.report(String(year), now);
  }

  private async stored(year: number): Promise<StoredReport | undefined> {
    const rows: StoredReport[] = await this.dataSource.query(`SELECT inputs, revision, updated_by, updated_at FROM annual_reports WHERE year = $1`, [year]);
    return rows[0];
  }

  /** The 行政规范性文件 row, counted as NORMATIVE_DOCUMENT_MAPPING says. */
  private async normativeDocuments(year: number): Promise<{ issued: number; repealed: number; inForce: number }> {
    const { start, end } = chinaYearSpan(year);
    const [row]: { issued: string; repealed: string; in_force: string }[] = await this.dataSource.query(
      `WITH documents AS (
         -- A later edition moves released_at on; the document was issued when its first edition was released.
         SELECT COALESCE((SELECT min(e.released_at) FROM item_editions e WHERE e.item_id = i.id), i.released_at) AS issued_at, i.withdrawn_at
           FROM disclosure_items i
          WHERE i.normative_document
       )
       SELECT count(*) FILTER (WHERE issued_at BETWEEN $1 AND $2) AS issued,
              count(*) FILTER (WHERE issued_at IS NOT NULL AND withdrawn_at BETWEEN $1 AND $2) AS repealed,
              count(*) FILTER (WHERE issued_at <= $2 AND (withdrawn_at IS NULL OR withdrawn_at > $2)) AS in_force
         FROM documents`,
      [start, end],
    );
    return { issued: Number(row.issued), repealed: Number(row.repealed), inForce: Number(row.in_force) };
  }
}

/** A report year: a whole number from 2008 (the calendar's first year) up to this year in China. */
export function parseYear(text: string | undefined, field: string, now: Date): number {
  if (text === undefined || !/^\d{4}$/.test(text)) throw ApiError.invalid(field, '须为四位数的年份');
  const year = Number(text);
  const current = Number(chinaDateOf(now).slice(0, 4));
  if (year < FIRST_REPORT_YEAR || year > current) throw ApiError.invalid(field, `须在 ${FIRST_REPORT_YEAR} 年至 ${current} 年之间`);
  return year;
}
