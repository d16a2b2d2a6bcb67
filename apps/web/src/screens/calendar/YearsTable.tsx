import { Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { formatDateTime } from '../../format';
import type { HolidayYear } from './calendar-types';

/** A year the calendar computes with: an official arrangement, or (not yet published) the statutory holidays alone. */
export interface YearRow extends HolidayYear {
  provisional: boolean;
}

const shortDate = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

const columns = (person: (username: string | null) => string): PrimaryTableCol<YearRow>[] => [
  { colKey: 'year', title: '年份', width: 90, cell: ({ row }) => `${row.year}年` },
  {
    colKey: 'status',
    title: '状态',
    width: 170,
    cell: ({ row }) => (row.provisional ? <Tag theme="warning">暂按法定节假日推算</Tag> : <Tag theme="success">正式安排</Tag>),
  },
  { colKey: 'source', title: '依据', cell: ({ row }) => (row.provisional ? '国务院办公厅通知尚未载入' : row.source) },
  {
    colKey: 'holidays',
    title: '放假安排',
    cell: ({ row }) =>
      row.provisional ? '—' : row.holidays.map((holiday) => `${holiday.name}${holiday.days.length}天`).join('、'),
  },
  { colKey: 'makeUp', title: '调休上班', cell: ({ row }) => (row.makeUpWorkingDays.length ? row.makeUpWorkingDays.map(shortDate).join('、') : '—') },
  {
    colKey: 'loaded',
    title: '载入',
    cell: ({ row }) => (row.provisional ? '—' : row.loadedBy ? `${person(row.loadedBy)} · ${formatDateTime(row.loadedAt)}` : '随系统提供'),
  },
];

/** The years loaded (official) and the next ones still counted provisionally. */
export function YearsTable({ rows, loading, person }: { rows: YearRow[]; loading: boolean; person: (username: string | null) => string }) {
  return <Table rowKey="year" data={rows} columns={columns(person)} loading={loading} className="holiday-years" rowAttributes={({ row }) => ({ 'data-year': String(row.year) })} />;
}
