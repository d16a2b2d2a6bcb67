import { useCallback } from 'react';
import { Link } from 'react-router';
import { Space, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { Session } from '../../api';
import { formatDateTime } from '../../format';
import { ErrorBanner } from '../../ui';
import { useLocalTable } from '../table-state';
import { useRounds } from './compilation-api';
import { roundName, STATE_LABEL, type Round } from './compilation-types';
import { OpenRoundForm } from './OpenRoundForm';

/** The compilation rounds, newest due date first; the disclosure office opens a new one below. */
export function RoundList({ session }: { session: Session }) {
  const rounds = useRounds();
  const valueOf = useCallback((row: Round, key: string) => (key === 'state' ? row.state : key === 'dueAt' ? row.dueAt : row.year), []);
  const table = useLocalTable(rounds.data, valueOf, { sortBy: 'dueAt', descending: true });
  const columns: PrimaryTableCol<Round>[] = [
    { colKey: 'year', title: '轮次', sorter: true, cell: ({ row }) => <Link to={`/compilation/${row.id}`}>{roundName(row)}</Link> },
    { colKey: 'areas', title: '领域', cell: ({ row }) => row.areas.join('、') },
    { colKey: 'departments', title: '参与部门', cell: ({ row }) => row.departmentCodes.join('、') },
    {
      colKey: 'dueAt',
      title: '提交截止',
      sorter: true,
      cell: ({ row }) => (
        <Space size="small">
          {formatDateTime(row.dueAt)}
          {row.overdue ? <Tag theme="danger">逾期</Tag> : null}
        </Space>
      ),
    },
    {
      colKey: 'state',
      title: '状态',
      filter: { type: 'single', list: Object.entries(STATE_LABEL).map(([value, label]) => ({ value, label })), resetValue: undefined },
      cell: ({ row }) => <Tag theme={row.state === 'ACTIVATED' ? 'success' : 'primary'} variant="outline">{STATE_LABEL[row.state] ?? row.state}</Tag>,
    },
  ];
  return (
    <section className="page" aria-labelledby="compilation-title">
      <h1 id="compilation-title">公开事项目录编制</h1>
      <ErrorBanner error={rounds.error} />
      <Table rowKey="id" columns={columns} loading={rounds.isLoading} empty="暂无编制轮次" pagination={{ defaultPageSize: 10, defaultCurrent: 1, total: table.data.length, showJumper: false }} {...table} />
      {session.actor.roles.includes('disclosure-office') ? <OpenRoundForm /> : null}
    </section>
  );
}
