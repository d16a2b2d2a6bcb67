import type { DataSource } from 'typeorm';
import { isLocalDate, PUBLISHED_HOLIDAY_TABLES, WorkingDayCalendar, type HolidayTable, type LocalDate } from '@zwgk/domain';
import { CatalogOperationError } from '../catalog/catalog-import';
import { writeAuditEvent } from '../audit/audit-writer';

interface HolidayTableRow {
  id: string;
  year: number;
  source: string;
  holidays: { name: string; days: string[] }[];
  make_up_working_days: string[] | Date[];
  loaded_by: string;
  loaded_at: Date;
}

function toLocalDate(value: string | Date): LocalDate {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

function rowToTable(row: HolidayTableRow): HolidayTable {
  return {
    year: row.year,
    source: row.source,
    published: true,
    holidays: row.holidays.map((holiday) => ({ name: holiday.name, days: holiday.days })),
    makeUpWorkingDays: row.make_up_working_days.map(toLocalDate),
  };
}

/** The arrangements in force: the shipped ones, overridden year by year by the newest loaded row. */
export async function loadHolidayTables(dataSource: DataSource): Promise<{ tables: HolidayTable[]; version: string; loaded: (HolidayTable & { loadedBy: string; loadedAt: Date })[] }> {
  const rows: HolidayTableRow[] = await dataSource.query(
    `SELECT DISTINCT ON (year) id, year, source, holidays, to_json(make_up_working_days) AS make_up_working_days, loaded_by, loaded_at
       FROM holiday_tables ORDER BY year, id DESC`,
  );
  const loaded = rows.map((row) => ({ ...rowToTable(row), loadedBy: row.loaded_by, loadedAt: row.loaded_at }));
  const byYear = new Map<number, HolidayTable>(PUBLISHED_HOLIDAY_TABLES.map((table) => [table.year, table]));
  for (const table of loaded) byYear.set(table.year, table);
  const newest = rows.reduce((max, row) => Math.max(max, Number(row.id)), 0);
  const years = [...byYear.keys()].sort();
  return { tables: years.map((year) => byYear.get(year)!), version: `${years[0]}-${years[years.length - 1]}.${newest}`, loaded };
}

/** The working-day calendar in force now. */
export async function loadWorkingDayCalendar(dataSource: DataSource): Promise<WorkingDayCalendar> {
  const { tables, version } = await loadHolidayTables(dataSource);
  return new WorkingDayCalendar(tables, { version });
}

/** Problems with an official arrangement an admin is loading, each naming the field. */
export function holidayTableProblems(table: HolidayTable): { field: string; problem: string }[] {
  const problems: { field: string; problem: string }[] = [];
  const inYear = (day: string) => isLocalDate(day) && Number(day.slice(0, 4)) === table.year;
  const seen = new Set<string>();
  table.holidays.forEach((holiday, index) => {
    if (!holiday.name?.trim()) problems.push({ field: `holidays[${index}].name`, problem: '节假日名称不能为空' });
    if (!holiday.days?.length) problems.push({ field: `holidays[${index}].days`, problem: '须至少列出一天' });
    for (const day of holiday.days ?? []) {
      if (!inYear(day)) problems.push({ field: `holidays[${index}].days`, problem: `${day} 不是 ${table.year} 年内的日期` });
      if (seen.has(day)) problems.push({ field: `holidays[${index}].days`, problem: `${day} 重复列出` });
      seen.add(day);
    }
  });
  table.makeUpWorkingDays.forEach((day) => {
    if (!inYear(day)) problems.push({ field: 'makeUpWorkingDays', problem: `${day} 不是 ${table.year} 年内的日期` });
    else if (![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) problems.push({ field: 'makeUpWorkingDays', problem: `${day} 不是星期六或星期日，不需要调休上班` });
    if (seen.has(day)) problems.push({ field: 'makeUpWorkingDays', problem: `${day} 同时被列为节假日` });
  });
  return problems;
}

/** Stores an official arrangement (as a new row: the history stays) and audits it. */
export async function loadOfficialHolidayTable(dataSource: DataSource, table: HolidayTable, operator: { username: string; requestId?: string }): Promise<{ id: string }> {
  const problems = holidayTableProblems(table);
  if (problems.length) throw new CatalogOperationError('invalid', problems.map((p) => `${p.field}: ${p.problem}`).join('; '), problems[0].field);
  return dataSource.transaction(async (manager) => {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO holiday_tables (year, source, holidays, make_up_working_days, loaded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [table.year, table.source, JSON.stringify(table.holidays), table.makeUpWorkingDays, operator.username],
    );
    await writeAuditEvent(manager, {
      eventKey: `holiday-table:${row.id}`, actor: operator.username, actorRole: 'admin', action: 'calendar.year-loaded',
      detail: { year: table.year, source: table.source, holidayTableId: row.id }, requestId: operator.requestId,
    });
    return { id: String(row.id) };
  });
}
