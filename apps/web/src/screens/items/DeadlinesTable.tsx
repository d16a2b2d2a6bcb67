import { Card, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { formatDateTime, urgencyOf } from '../../format';
import type { ItemDetail } from '../../item-types';
import { CardTitle } from './CardTitle';

type Deadline = ItemDetail['deadlines'][number];

const STATUS = {
  met: { label: '按时完成', theme: 'success' },
  late: { label: '超期完成', theme: 'warning' },
  overdue: { label: '已逾期', theme: 'danger' },
  running: { label: '进行中', theme: 'primary' },
} as const;

const statusOf = (d: Deadline) => (d.met === true ? STATUS.met : d.met === false ? STATUS.late : d.overdue ? STATUS.overdue : STATUS.running);

const COLUMNS: PrimaryTableCol<Deadline>[] = [
  { colKey: 'label', title: '时限', width: 160 },
  {
    colKey: 'dueAt',
    title: '截止时间',
    width: 190,
    cell: ({ row }) => (
      <>
        {formatDateTime(row.dueAt)}
        {row.provisional ? <span className="muted">（暂定）</span> : null}
      </>
    ),
  },
  { colKey: 'why', title: '为什么是这一天', cell: ({ row }) => row.why ?? '—' },
  { colKey: 'status', title: '情况', width: 110, cell: ({ row }) => <Tag theme={statusOf(row).theme} variant="light">{statusOf(row).label}</Tag> },
];

/** The item's deadlines, each with the reason for its date; a running one yellow when due soon, red when overdue. */
export function DeadlinesTable({ deadlines }: { deadlines: readonly Deadline[] }) {
  return (
    <Card title={<CardTitle id="deadlines-title">时限</CardTitle>} className="item-deadlines" bordered>
      <Table<Deadline>
        rowKey="index"
        size="small"
        columns={COLUMNS}
        data={deadlines.map((d, index) => ({ ...d, index }))}
        empty="暂无时限。"
        rowClassName={({ row }) => `row-${row.met !== null ? 'normal' : urgencyOf(row.dueAt, row.overdue)}`}
      />
    </Card>
  );
}
