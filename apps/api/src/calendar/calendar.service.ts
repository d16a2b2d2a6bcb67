import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { holidayTableProblems, loadHolidayTables, loadWorkingDayCalendar, writeAuditEvent } from '@zwgk/db';
import { endOfChinaDay, STATUTORY_YEARS, type Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { toActorRef } from '../items/items.service';
import { CalendarRecalculationClient } from './calendar-recalculation.client';
import type { LoadHolidayYearDto } from './load-holiday-year.dto';

@Injectable()
export class CalendarService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CalendarRecalculationClient) private readonly recalculations: CalendarRecalculationClient,
  ) {}

  /** N working days after a day, with every counted and skipped day and why: "why this date". */
  async workingDays(from: string, count: number) {
    const calendar = await loadWorkingDayCalendar(this.dataSource);
    let result: ReturnType<typeof calendar.addWorkingDays>;
    try {
      result = calendar.addWorkingDays(from, count);
    } catch (error) {
      // `from` is in range (validated); only the count can carry the day past the last computable year.
      if (error instanceof RangeError) throw ApiError.invalid('count', `从 ${from} 起数 ${count} 个工作日超出了工作日历可计算的范围（至 ${STATUTORY_YEARS.last} 年底）`);
      throw error;
    }
    return {
      from,
      count,
      date: result.date,
      dueAt: endOfChinaDay(result.date).toISOString(),
      provisional: result.provisional,
      provisionalYears: result.provisionalYears,
      counted: result.counted,
      skipped: result.skipped.map((day) => ({ date: day.date, reason: day.reason === 'weekend' ? '周末' : '节假日', ...(day.holidayName ? { holiday: day.holidayName } : {}) })),
      calendarVersion: calendar.version,
    };
  }

  async years() {
    const { tables, version, loaded } = await loadHolidayTables(this.dataSource);
    const loadedYears = new Map(loaded.map((table) => [table.year, table]));
    return {
      calendarVersion: version,
      years: tables.map((table) => ({
        year: table.year,
        source: table.source,
        published: table.published,
        holidays: table.holidays,
        makeUpWorkingDays: table.makeUpWorkingDays,
        loadedBy: loadedYears.get(table.year)?.loadedBy ?? null,
        loadedAt: loadedYears.get(table.year)?.loadedAt ?? null,
      })),
    };
  }

  /**
   * Loads an official arrangement, then starts the batch that tells every open item whose deadlines can
   * change (those due in that year or later) to recompute them and re-arm its timers. The request answers
   * at once with the batch id; its progress is at GET /calendar/recalculations/:batchId. A year already
   * loaded is only replaced on request (`replace: true`: a correction of a wrong table), so a repeated load
   * cannot silently overwrite one; the replacement is audited with the table it replaces. Both are new rows
   * (the newest row of a year is in force), so the history stays.
   */
  async loadOfficialYear(actor: Actor, dto: LoadHolidayYearDto, requestId: string | undefined) {
    const table = { year: dto.year, source: dto.source, published: true as const, holidays: dto.holidays, makeUpWorkingDays: dto.makeUpWorkingDays };
    const problems = holidayTableProblems(table);
    if (problems.length) throw new ApiError('invalid-input', problems.map((p) => `${p.field}: ${p.problem}`).join('; '), problems.map((p) => ({ field: p.field, problems: [p.problem] })));
    const { id, replaced } = await this.dataSource.transaction(async (manager) => {
      // Two loads of one year take turns, so the second sees the first and needs `replace`.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('holiday-tables'), $1)`, [dto.year]);
      const [current]: { id: string; source: string; holidays: unknown; make_up_working_days: string[]; loaded_by: string; loaded_at: Date }[] = await manager.query(
        `SELECT id, source, holidays, to_json(make_up_working_days) AS make_up_working_days, loaded_by, loaded_at FROM holiday_tables WHERE year = $1 ORDER BY id DESC LIMIT 1`,
        [dto.year],
      );
      if (current && !dto.replace) {
        throw new ApiError(
          'conflict',
          `${dto.year}年的节假日安排已于 ${current.loaded_at.toISOString()} 由 ${current.loaded_by} 载入（${current.source}）；如需更正，请带上 replace: true 重新提交`,
          [{ field: 'replace', problems: [`${dto.year}年已载入；更正需 replace: true`] }],
        );
      }
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO holiday_tables (year, source, holidays, make_up_working_days, loaded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [dto.year, dto.source, JSON.stringify(dto.holidays), dto.makeUpWorkingDays, actor.username],
      );
      const action = current ? 'calendar.year-replaced' : 'calendar.year-loaded';
      const detail = {
        year: dto.year,
        source: dto.source,
        holidayTableId: row.id,
        ...(current
          ? {
              before: { holidayTableId: current.id, source: current.source, holidays: current.holidays, makeUpWorkingDays: current.make_up_working_days, loadedBy: current.loaded_by },
              after: { holidays: dto.holidays, makeUpWorkingDays: dto.makeUpWorkingDays },
            }
          : {}),
      };
      await writeAuditEvent(manager, { eventKey: `holiday-table:${row.id}`, actor: actor.username, actorRole: 'admin', action, detail, requestId });
      return { id: String(row.id), replaced: current !== undefined };
    });
    // Only a deadline that runs into the year can change: the provisional ones the new year settles, and
    // (for a correction, or a load over the shipped table) any other that reaches it.
    const reason = replaced ? `${dto.year}年节假日安排已更正：${dto.source}` : `${dto.year}年节假日安排已载入：${dto.source}`;
    const batchId = await this.recalculations.start({
      holidayTableId: id,
      year: dto.year,
      dueFrom: `${dto.year}-01-01T00:00:00+08:00`,
      request: { actor: toActorRef(actor, requestId), reason },
    });
    return { holidayTableId: id, year: dto.year, replaced, recalculationBatchId: batchId };
  }

  recalculationProgress(batchId: string) {
    return this.recalculations.progress(batchId);
  }
}
