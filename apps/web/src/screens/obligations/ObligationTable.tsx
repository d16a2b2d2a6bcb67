import { useCallback } from 'react';
import { Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { formatDate, formatDateTime } from '../../format';
import { useLocalTable } from '../table-state';
import { OBLIGATION_STATE_LABELS, OBLIGATION_STATE_THEMES, type Obligation } from './obligation-types';
import { StopObligation } from './StopObligation';

const monthsOf = (months: number[]) => (months.length === 12 ? '每月' : `每年${months.join('、')}月`);

/** The standing obligations: each row's schedule, the period it is in now, when that is due, and where it stands. */
export function ObligationTable({ obligations, loading, mayManage }: { obligations: Obligation[] | undefined; loading: boolean; mayManage: boolean }) {
  const valueOf = useCallback((row: Obligation, key: string) => {
    if (key === 'department') return row.departmentCode;
    if (key === 'state') return row.currentState;
    if (key === 'due') return row.nextDueDate;
    if (key === 'opens') return row.nextOpensAt ?? '';
    return row.catalogItemCode;
  }, []);
  const table = useLocalTable(obligations, valueOf, { sortBy: 'due', descending: false });
  const departments = [...new Map((obligations ?? []).map((row) => [row.departmentCode, row.departmentName ?? row.departmentCode])).entries()];
  const columns: PrimaryTableCol<Obligation>[] = [
    { colKey: 'code', title: '目录事项', sorter: true, cell: ({ row }) => `${row.catalogItemName ?? ''}（${row.catalogItemCode}）` },
    {
      colKey: 'department',
      title: '责任部门',
      cell: ({ row }) => row.departmentName ?? row.departmentCode,
      filter: { type: 'single', list: departments.map(([value, label]) => ({ value, label })), resetValue: undefined },
    },
    { colKey: 'timeLimit', title: '公开时限', cell: ({ row }) => row.timeLimit.text },
    {
      colKey: 'schedule',
      title: '更新安排',
      cell: ({ row }) => (
        <>
          <div>
            {monthsOf(row.schedule.months)}
            {row.schedule.dayOfMonth}日0时开启新一期
          </div>
          <div className="muted">{row.schedule.comment}</div>
        </>
      ),
    },
    { colKey: 'period', title: '本期', cell: ({ row }) => row.currentPeriod.label },
    { colKey: 'due', title: '本期截止', sorter: true, cell: ({ row }) => formatDate(`${row.nextDueDate}T12:00:00+08:00`) },
    { colKey: 'opens', title: '下次开启', sorter: true, cell: ({ row }) => formatDateTime(row.nextOpensAt) },
    {
      colKey: 'state',
      title: '本期状态',
      cell: ({ row }) => <Tag theme={OBLIGATION_STATE_THEMES[row.currentState]}>{OBLIGATION_STATE_LABELS[row.currentState]}</Tag>,
      filter: {
        type: 'single',
        list: (['awaiting-opening', 'open', 'overdue', 'fulfilled'] as const).map((value) => ({ value, label: OBLIGATION_STATE_LABELS[value] })),
        resetValue: undefined,
      },
    },
    ...(mayManage ? [{ colKey: 'operation', title: '操作', cell: ({ row }: { row: Obligation }) => <StopObligation obligation={row} /> }] : []),
  ];
  return (
    <Table
      rowKey="id"
      columns={columns}
      loading={loading}
      empty="尚未登记定期公开事项"
      pagination={{ defaultPageSize: 10, defaultCurrent: 1, total: table.data.length, showJumper: false }}
      rowAttributes={({ row }) => ({ 'data-obligation-id': row.id })}
      className="obligation-table"
      {...table}
    />
  );
}
