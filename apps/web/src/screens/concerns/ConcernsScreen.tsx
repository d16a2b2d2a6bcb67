import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Input, Radio, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { formatDateTime } from '../../format';
import { ActionFailure } from '../action-failure';
import { useConcernQueue, useDepartments } from './concern-api';
import { useNow } from './concern-clock';
import { STATE_FILTERS, type ConcernRow } from './concern-types';
import { ConcernClock } from './ConcernClock';

/**
 * 公众关切与政务舆情: the queue of questions from the public and registered incidents, soonest due first, each
 * with its clock coloured by how much time is left.
 */
export default function ConcernsScreen() {
  const [search, setSearch] = useSearchParams();
  const state = search.get('state') ?? 'open';
  const queue = useConcernQueue(state);
  const departments = useDepartments();
  const now = useNow();
  const [text, setText] = useState('');
  const wanted = text.trim();
  const rows = (queue.data?.items ?? []).filter((row) => !wanted || row.content.includes(wanted) || row.itemTitle.includes(wanted));
  const departmentName = (code: string | null) => (code ? (departments.data?.items.find((d) => d.code === code)?.name ?? code) : '—');

  const columns: PrimaryTableCol<ConcernRow>[] = [
    { colKey: 'receivedAt', title: '收到时间', width: 150, cell: ({ row }) => formatDateTime(row.receivedAt) },
    { colKey: 'kind', title: '类型', width: 150, cell: ({ row }) => <Tag variant="outline">{row.kindLabel}</Tag> },
    {
      colKey: 'content',
      title: '内容',
      cell: ({ row }) => (
        <>
          <Link to={`/concerns/${row.id}`}>{row.content.length > 60 ? `${row.content.slice(0, 60)}…` : row.content}</Link>
          <div className="muted">所涉事项：{row.itemTitle}</div>
        </>
      ),
    },
    { colKey: 'state', title: '状态', width: 100, cell: ({ row }) => row.stateLabel },
    { colKey: 'department', title: '承办部门', width: 140, cell: ({ row }) => departmentName(row.assignedDepartmentCode) },
    {
      colKey: 'nextDueAt',
      title: '时限',
      width: 210,
      cell: ({ row }) =>
        row.nextDueAt ? (
          <>
            <ConcernClock dueAt={row.nextDueAt} overdue={row.overdue} receivedAt={row.receivedAt} now={now} />
            <div className="muted">截止 {formatDateTime(row.nextDueAt)}</div>
          </>
        ) : (
          <span className="muted">{row.state === 'PUBLISHED' ? '已答复' : '—'}</span>
        ),
    },
  ];

  return (
    <section className="page staff-screen concern-queue" aria-labelledby="concerns-title">
      <h1 id="concerns-title">公众关切与政务舆情</h1>
      <p className="lead">网站留言按工作日计算答复期限；重大突发事件舆情须在5小时内发布权威信息、24小时内召开新闻发布会，其他政务舆情须在48小时内回应。</p>
      <div role="group" aria-label="筛选" className="filter-bar">
        <Radio.Group variant="default-filled" value={state} onChange={(value) => setSearch(value === 'open' ? {} : { state: String(value) })}>
          {STATE_FILTERS.map((filter) => (
            <Radio.Button key={filter.value} value={filter.value}>
              {filter.label}
            </Radio.Button>
          ))}
        </Radio.Group>
        <label className="queue-search">
          <span className="control-label">查找</span>
          <Input value={text} onChange={(value) => setText(String(value))} placeholder="事项标题或关切内容" clearable style={{ width: 280 }} />
        </label>
      </div>
      <ActionFailure error={queue.error} />
      <Table<ConcernRow>
        rowKey="id"
        data={rows}
        columns={columns}
        loading={queue.isLoading}
        empty="没有符合条件的关切。"
        rowAttributes={({ row }) => ({ 'data-concern-id': row.id })}
        pagination={{ defaultPageSize: 20, defaultCurrent: 1, total: rows.length }}
        bordered
        className="staff-table"
      />
    </section>
  );
}
