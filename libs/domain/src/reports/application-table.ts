import { emptyApplicationTable, APPLICATION_RESULT_ROWS, type ApplicationColumn, type ApplicationRow, type ApplicationTable } from './annual-report';

/** What table 三 needs to know of one application. */
export interface ApplicationTableRecord {
  readonly applicantType: ApplicationColumn;
  /** The receipt date (条例 Art. 31), YYYY-MM-DD. */
  readonly receivedOn: string;
  /** The day it was closed (reply delivered, or deemed withdrawn); absent while open. */
  readonly closedOn?: string;
  /** The 办理结果 row it closed with; required with closedOn. */
  readonly outcome?: ApplicationRow;
}

/**
 * Table 三 for a year, counted from the applications: 本年新收 (received in the year), 上年结转 (received
 * before it and still open on 1 January), the 办理结果 of those closed in the year, and 结转下年度 (received by
 * 31 December and still open then). An application open at a year end is counted as carried in both years,
 * so 本年新收 + 上年结转 = 办理结果总计 + 结转下年度 holds by construction.
 */
export function countApplicationTable(records: readonly ApplicationTableRecord[], year: number): ApplicationTable {
  const table = emptyApplicationTable();
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  for (const record of records) {
    if (record.receivedOn > last) continue;
    if (record.closedOn !== undefined && record.closedOn < first) continue;
    const column = record.applicantType;
    if (record.receivedOn >= first) table.newlyReceived[column]++;
    else table.carriedOver[column]++;
    if (record.closedOn !== undefined && record.closedOn <= last) {
      if (!record.outcome || !APPLICATION_RESULT_ROWS.includes(record.outcome)) throw new RangeError(`a closed application needs a 办理结果 row, got ${String(record.outcome)}`);
      table[record.outcome][column]++;
      table.resultsTotal[column]++;
    } else {
      table.carriedForward[column]++;
    }
  }
  return table;
}
