import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Space, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { formatDateTime } from '../../format';
import { ErrorBanner } from '../../ui';
import { FulfilTask } from './FulfilTask';
import { useDueTasks } from './obligation-queries';
import type { ObligationTask } from './obligation-types';

const columns = (onDone: (message: string) => void): PrimaryTableCol<ObligationTask>[] => [
  { colKey: 'catalogItemName', title: '目录事项', cell: ({ row }) => `${row.catalogItemName ?? ''}（${row.catalogItemCode}）` },
  { colKey: 'periodLabel', title: '期次' },
  { colKey: 'dueAt', title: '截止时间', cell: ({ row }) => formatDateTime(row.dueAt) },
  { colKey: 'why', title: '期限依据' },
  {
    colKey: 'status',
    title: '状态',
    cell: ({ row }) => (row.status === 'overdue' ? <Tag theme="danger">已逾期</Tag> : <Tag theme="warning">待公开</Tag>),
  },
  {
    colKey: 'action',
    title: '操作',
    cell: ({ row }) => (
      <Space size="small" align="center" breakLine>
        <FulfilTask task={row} onDone={onDone} />
        <Link to="/draft">起草本期公开事项</Link>
      </Space>
    ),
  },
];

/** What my department must publish this period: the drafting tasks the obligations' Schedules opened. */
export function DueTasks() {
  const tasks = useDueTasks(true);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="due-tasks-title">
      <h2 id="due-tasks-title">本部门本期应公开</h2>
      <div role="status">{done ? <Alert theme="success" message={done} /> : null}</div>
      <ErrorBanner error={tasks.error} />
      <Table
        rowKey="id"
        data={tasks.data ?? []}
        columns={columns(setDone)}
        loading={tasks.isLoading}
        empty="本期暂无待公开的定期事项"
        rowAttributes={({ row }) => ({ 'data-task-id': row.id })}
        className="due-tasks"
      />
    </section>
  );
}
