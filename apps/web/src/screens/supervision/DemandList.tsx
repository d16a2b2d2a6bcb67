import { Link } from 'react-router';
import { Space, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { DEMAND_STATE_LABELS, formatDateTime } from '../../format';
import { ErrorBanner, Loading } from '../../ui';
import { useLocalTable } from '../table-state';
import { DEMAND_TAG_THEMES } from './OverdueTable';
import { useDemandList, type SupervisionDemand } from './supervision-api';

const valueOf = (demand: SupervisionDemand, key: string) =>
  key === 'createdAt' ? demand.createdAt : key === 'dueAt' ? demand.dueAt : key === 'state' ? demand.state : key === 'departmentName' ? demand.departmentName : demand.itemTitle;

const columns = (departments: string[]): PrimaryTableCol<SupervisionDemand>[] => [
  { colKey: 'itemTitle', title: '事项', width: 220, cell: ({ row }) => <Link to={`/items/${row.itemId}`}>{row.itemTitle}</Link> },
  { colKey: 'departmentName', title: '责任部门', filter: { type: 'single', list: departments.map((name) => ({ value: name, label: name })) } },
  { colKey: 'reason', title: '督办事由', width: 240 },
  { colKey: 'createdAt', title: '督办人 · 时间', sorter: true, cell: ({ row }) => <>{row.demandedByName}<div className="muted">{formatDateTime(row.createdAt)}</div></> },
  { colKey: 'dueAt', title: '答复期限', sorter: true, cell: ({ row }) => formatDateTime(row.dueAt) },
  {
    colKey: 'state',
    title: '状态',
    filter: { type: 'single', list: Object.entries(DEMAND_STATE_LABELS).map(([value, label]) => ({ value, label })) },
    cell: ({ row }) => (
      <Space size={4} breakLine>
        <Tag theme={DEMAND_TAG_THEMES[row.state]} variant="light-outline">{DEMAND_STATE_LABELS[row.state]}</Tag>
        {row.late ? <Tag theme="danger" variant="light-outline">逾期答复</Tag> : null}
      </Space>
    ),
  },
  {
    colKey: 'response',
    title: '答复',
    width: 240,
    cell: ({ row }) => (
      <>
        {row.response ?? '—'}
        {row.respondedAt ? <div className="muted">{row.responder} · {formatDateTime(row.respondedAt)}</div> : null}
      </>
    ),
  },
];

/** Every 督办 on an item, newest first: who demanded what of whom, by when, and the answer. */
export function DemandList() {
  const demands = useDemandList();
  const items = demands.data?.items;
  const table = useLocalTable(items, valueOf);
  const departments = [...new Set((items ?? []).map((demand) => demand.departmentName))];
  return (
    <section aria-labelledby="demands-title" style={{ marginTop: 32 }}>
      <h2 id="demands-title">督办记录</h2>
      <ErrorBanner error={demands.error} />
      {!items ? (
        demands.error ? null : <Loading />
      ) : (
        <Table
          rowKey="id"
          className="demand-list"
          columns={columns(departments)}
          {...table}
          empty="尚未发出督办。"
          pagination={table.data.length ? { defaultPageSize: 10, total: table.data.length, pageSizeOptions: [10, 20, 50] } : undefined}
          rowClassName={({ row }) => (row.state === 'overdue' ? 'row-overdue' : '')}
          rowAttributes={({ row }) => ({ 'data-demand-id': row.id })}
        />
      )}
    </section>
  );
}
