import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Space, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { DEMAND_STATE_LABELS, formatDateTime } from '../../format';
import { Field } from '../../ui';
import { useLocalTable } from '../table-state';
import { KIND_LABELS } from './OverdueFilterBar';
import { RowActionDialog } from './RowActionDialog';
import type { OverdueRow } from './supervision-api';

export const DEMAND_TAG_THEMES = { open: 'warning', overdue: 'danger', answered: 'success' } as const;

const rowKey = (row: OverdueRow) => `${row.kind}:${row.itemId}:${row.taskId ?? ''}`;
const valueOf = (row: OverdueRow, key: string) =>
  key === 'dueAt' ? row.dueAt : key === 'workingDaysLate' ? row.workingDaysLate : key === 'kind' ? row.kind : key === 'progress' ? String(row.stillOverdue) : row.title;

const columns = (onOpen: (row: OverdueRow) => void): PrimaryTableCol<OverdueRow>[] => [
  {
    colKey: 'title',
    title: '事项',
    width: 200,
    cell: ({ row }) => (
      <>
        <Link to={`/items/${row.itemId}`}>{row.title}</Link>
        {row.escalations.length || row.extensions.length || row.comments.length ? (
          <Space size={4} breakLine style={{ display: 'flex', marginTop: 4 }}>
            {row.escalations.length ? <Tag theme="danger" variant="light">已升级 {row.escalations.length}</Tag> : null}
            {row.extensions.length ? <Tag variant="outline">延期 {row.extensions.length}</Tag> : null}
            {row.comments.length ? <Tag variant="outline">督查意见 {row.comments.length}</Tag> : null}
          </Space>
        ) : null}
      </>
    ),
  },
  { colKey: 'department', title: '部门 · 领域', width: 110, cell: ({ row }) => <>{row.departmentName}<div className="muted">{row.area}</div></> },
  {
    colKey: 'kind',
    title: '类型 · 环节',
    width: 100,
    filter: { type: 'single', list: Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label })) },
    cell: ({ row }) => (
      <>
        <Tag theme={row.kind === 'statutory' ? 'danger' : 'warning'} variant="light">{KIND_LABELS[row.kind]}</Tag>
        <div>{row.stageLabel ?? '未在审核中'}</div>
      </>
    ),
  },
  { colKey: 'dueAt', title: '截止时间', width: 110, sorter: true, cell: ({ row }) => formatDateTime(row.dueAt) },
  {
    colKey: 'workingDaysLate',
    title: '逾期工作日',
    width: 100,
    sorter: true,
    cell: ({ row }) => <strong>{row.workingDaysLate}</strong>,
  },
  {
    colKey: 'progress',
    title: '办结',
    width: 100,
    filter: { type: 'single', list: [{ value: 'true', label: '未办结' }, { value: 'false', label: '已办结' }] },
    cell: ({ row }) => (row.stillOverdue ? '未办结' : `已于${formatDateTime(row.finishedAt)}办结`),
  },
  {
    colKey: 'people',
    title: '责任人 · 分管领导',
    width: 120,
    cell: ({ row }) => (
      <>
        {row.responsible.usernames.join('、') || '—'}
        <div className="muted">{row.leaders.usernames.join('、') || '—'}</div>
      </>
    ),
  },
  {
    colKey: 'demand',
    title: '督办',
    width: 90,
    cell: ({ row }) => {
      const latest = row.demands[row.demands.length - 1];
      return latest ? <Tag theme={DEMAND_TAG_THEMES[latest.state]} variant="light-outline">{DEMAND_STATE_LABELS[latest.state]}</Tag> : <span className="muted">—</span>;
    },
  },
  {
    colKey: 'operation',
    title: '操作',
    width: 170,
    cell: ({ row }) => (
      <Button size="small" variant="outline" onClick={() => onOpen(row)}>
        督办 / 意见 / 延期
      </Button>
    ),
  },
];

/**
 * The overdue items, longest overdue first, sortable and filterable, each row with its actions in a dialog. A
 * county has many: the supervisor finds one by words of its title, across every page.
 */
export function OverdueTable({ rows, onDone }: { rows: OverdueRow[]; onDone: (message: string) => void }) {
  const [keyword, setKeyword] = useState('');
  const words = keyword.trim();
  const table = useLocalTable(words ? rows.filter((row) => row.title.includes(words)) : rows, valueOf);
  const [open, setOpen] = useState<OverdueRow | null>(null);
  return (
    <>
      <Field id="overdue-keyword" label="按事项名称查找">
        <input id="overdue-keyword" type="search" value={keyword} maxLength={100} placeholder="输入事项名称中的字词" onChange={(event) => setKeyword(event.target.value)} />
      </Field>
      <Table
        rowKey="key"
        className="overdue-table"
        data={table.data.map((row) => ({ ...row, key: rowKey(row) }))}
        columns={columns(setOpen)}
        sort={table.sort}
        onSortChange={table.onSortChange}
        filterValue={table.filterValue}
        onFilterChange={table.onFilterChange}
        empty="没有符合条件的逾期事项。"
        pagination={table.data.length ? { defaultPageSize: 10, total: table.data.length, pageSizeOptions: [10, 20, 50] } : undefined}
        rowClassName={({ row }) => (row.stillOverdue ? 'row-overdue' : '')}
        rowAttributes={({ row }) => ({ 'data-item-id': row.itemId, 'data-kind': row.kind })}
        tableLayout="fixed"
      />
      {open ? (
        <RowActionDialog
          key={rowKey(open)}
          row={open}
          onClose={() => setOpen(null)}
          onDone={(message) => {
            setOpen(null);
            onDone(message);
          }}
        />
      ) : null}
    </>
  );
}
