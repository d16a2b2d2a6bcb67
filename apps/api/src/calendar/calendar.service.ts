import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadHolidayTables, loadOfficialHolidayTable, loadWorkingDayCalendar } from '@zwgk/db';
import { endOfChinaDay, type Actor } from '@zwgk/domain';
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
    const result = calendar.addWorkingDays(from, count);
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
   * Loads an official arrangement, then starts the batch that tells every workflow holding a working-day
   * deadline to recompute it and re-arm its timers. The request answers at once with the batch id; the
   * batch's progress is at GET /calendar/recalculations/:batchId.
   */
  async loadOfficialYear(actor: Actor, dto: LoadHolidayYearDto, requestId: string | undefined) {
    const { id } = await loadOfficialHolidayTable(
      this.dataSource,
      { year: dto.year, source: dto.source, published: true, holidays: dto.holidays, makeUpWorkingDays: dto.makeUpWorkingDays },
      { username: actor.username, requestId },
    );
    const batchId = await this.recalculations.start({
      holidayTableId: String(id),
      year: dto.year,
      request: { actor: toActorRef(actor, requestId), reason: `${dto.year}年节假日安排已载入：${dto.source}` },
    });
    return { holidayTableId: id, year: dto.year, recalculationBatchId: batchId };
  }

  recalculationProgress(batchId: string) {
    return this.recalculations.progress(batchId);
  }
}
