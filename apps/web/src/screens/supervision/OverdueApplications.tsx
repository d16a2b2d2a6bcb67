import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Dialog, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { formatDateTime } from '../../format';
import { Loading } from '../../ui';
import { useLocalTable } from '../table-state';
import { ApplicationDemandForm } from './ApplicationDemandForm';
import { dialogRole } from './dialog-role';
import type { OverdueApplicationRow } from './supervision-api';

const DEMAND_THEMES = { open: 'warning', overdue: 'danger', answered: 'primary', closed: 'success' } as const;

const valueOf = (row: OverdueApplicationRow, key: string) =>
  key === 'workingDaysLate' ? row.workingDaysLate : key === 'dueAt' ? row.dueAt : key === 'departmentName' ? row.departmentName : key === 'demand' ? (row.demand?.state ?? 'none') : row.queryNumber;

const columns = (onOpen: (row: OverdueApplicationRow) => void, departments: string[]): PrimaryTableCol<OverdueApplicationRow>[] => [
  { colKey: 'queryNumber', title: '查询号', cell: ({ row }) => <Link to={`/applications/${row.applicationId}`}>{row.queryNumber}</Link> },
  { colKey: 'departmentName', title: '承办部门', filter: { type: 'single', list: departments.map((name) => ({ value: name, label: name })) } },
  { colKey: 'stateLabel', title: '状态' },
  { colKey: 'dueAt', title: '答复期限', sorter: true, cell: ({ row }) => row.dueDate ?? formatDateTime(row.dueAt) },
  {
    colKey: 'workingDaysLate',
    title: '逾期',
    sorter: true,
    cell: ({ row }) => (
      <>
        <strong>{row.workingDaysLate}</strong> 个工作日
        <div className="muted">{row.stillOverdue ? '未办结' : `已于${formatDateTime(row.finishedAt)}办结`}</div>
      </>
    ),
  },
  {
    colKey: 'demand',
    title: '督办',
    filter: { type: 'single', list: [{ value: 'none', label: '未督办' }, { value: 'open', label: '待答复' }, { value: 'overdue', label: '逾期未答复' }, { value: 'answered', label: '已答复' }] },
    cell: ({ row }) =>
      row.demand ? (
        <Link to={`/applications/${row.applicationId}`} aria-label={`${row.queryNumber} 的督办：${row.demand.stateLabel}`}>
          <Tag theme={DEMAND_THEMES[row.demand.state]} variant="light-outline">{row.demand.stateLabel}</Tag>
        </Link>
      ) : (
        <span className="muted">—</span>
      ),
  },
  {
    colKey: 'operation',
    title: '操作',
    cell: ({ row }) =>
      row.demand ? null : (
        <Button size="small" variant="outline" onClick={() => onOpen(row)}>
          督办
        </Button>
      ),
  },
];

/**
 * Applications for disclosure past their reply limit, beside the items: a supervisor issues a 督办 from a row,
 * and follows it here and on the application's page.
 */
export function OverdueApplications({ rows, onDone }: { rows: OverdueApplicationRow[] | undefined; onDone: (message: string) => void }) {
  const table = useLocalTable(rows, valueOf);
  const [open, setOpen] = useState<OverdueApplicationRow | null>(null);
  const departments = [...new Set((rows ?? []).map((row) => row.departmentName))];
  return (
    <section aria-labelledby="overdue-applications-title" style={{ marginTop: 32 }}>
      <h2 id="overdue-applications-title">逾期依申请公开{rows ? `（${rows.length} 件）` : ''}</h2>
      {!rows ? (
        <Loading />
      ) : (
        <Table
          rowKey="applicationId"
          className="overdue-applications"
          columns={columns(setOpen, departments)}
          {...table}
          empty="没有符合条件的逾期申请。"
          pagination={table.data.length ? { defaultPageSize: 10, total: table.data.length, pageSizeOptions: [10, 20, 50] } : undefined}
          rowClassName={({ row }) => (row.stillOverdue ? 'row-overdue' : '')}
          rowAttributes={({ row }) => ({ 'data-application-id': row.applicationId })}
        />
      )}
      {open ? (
        <Dialog visible header={`对申请 ${open.queryNumber} 督办`} width={520} footer={false} onClose={() => setOpen(null)} destroyOnClose {...dialogRole(`对申请 ${open.queryNumber} 督办`)}>
          <ApplicationDemandForm
            key={open.applicationId}
            applicationId={open.applicationId}
            queryNumber={open.queryNumber}
            onCancel={() => setOpen(null)}
            onDone={(message) => {
              setOpen(null);
              onDone(message);
            }}
          />
        </Dialog>
      ) : null}
    </section>
  );
}
