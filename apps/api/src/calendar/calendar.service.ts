import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadHolidayTables, loadOfficialHolidayTable, loadWorkingDayCalendar } from '@zwgk/db';
import { endOfChinaDay, type Actor } from '@zwgk/domain';
import { toActorRef } from '../items/items.service';
import { DisclosureWorkflowClient } from '../temporal/disclosure-workflow.client';
import type { LoadHolidayYearDto } from './load-holiday-year.dto';

@Injectable()
export class CalendarService {
  private readonly logger = new Logger('Calendar');

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DisclosureWorkflowClient) private readonly workflows: DisclosureWorkflowClient,
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
   * Loads an official arrangement, then recomputes the deadlines of every open item whose deadline was
   * provisional: each item's workflow recomputes with the new calendar and re-arms its timers.
   */
  async loadOfficialYear(actor: Actor, dto: LoadHolidayYearDto, requestId: string | undefined) {
    const { id } = await loadOfficialHolidayTable(
      this.dataSource,
      { year: dto.year, source: dto.source, published: true, holidays: dto.holidays, makeUpWorkingDays: dto.makeUpWorkingDays },
      { username: actor.username, requestId },
    );
    const open: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM disclosure_items WHERE release_due_provisional AND state NOT IN ('RELEASED', 'REJECTED', 'WITHDRAWN') ORDER BY created_at`,
    );
    const recalculated: { itemId: string; releaseDueAt?: string; provisional?: boolean }[] = [];
    const failed: { itemId: string; error: string }[] = [];
    for (const item of open) {
      try {
        const view = await this.workflows.recalculateDeadlines(item.id, { actor: toActorRef(actor, requestId), reason: `${dto.year}年节假日安排已载入：${dto.source}` }, `holiday-table-${id}`);
        recalculated.push({ itemId: item.id, releaseDueAt: view.releaseDueAt, provisional: view.releaseDueProvisional });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.warn(`Could not recalculate the deadlines of item ${item.id}: ${message}`);
        failed.push({ itemId: item.id, error: message });
      }
    }
    return { holidayTableId: id, year: dto.year, recalculated, failed };
  }
}
