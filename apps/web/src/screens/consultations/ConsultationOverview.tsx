import { useCallback } from 'react';
import { Link } from 'react-router';
import { Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { Session } from '../../api';
import { ErrorBanner } from '../../ui';
import { useLocalTable } from '../table-state';
import { useStaffConsultations } from './consultation-api';
import type { StaffConsultationRow } from './consultation-types';
import { OpenConsultationForm } from './OpenConsultationForm';

/** Every consultation of my department (all for the office), the overdue feedback marked; drafters open new ones. */
export function ConsultationOverview({ session }: { session: Session }) {
  const list = useStaffConsultations();
  const valueOf = useCallback((row: StaffConsultationRow, key: string) => (key === 'state' ? row.state : key === 'closesOn' ? row.closesOn : row.title), []);
  const table = useLocalTable(list.data, valueOf, { sortBy: 'closesOn', descending: true });
  const states = [...new Map((list.data ?? []).map((row) => [row.state, row.stateLabel])).entries()].map(([value, label]) => ({ value, label }));
  const columns: PrimaryTableCol<StaffConsultationRow>[] = [
    { colKey: 'title', title: '征求意见稿', cell: ({ row }) => <Link to={`/consultations/${row.id}`}>{row.title}</Link> },
    { colKey: 'kind', title: '类型', width: 140, cell: ({ row }) => row.kindLabel },
    { colKey: 'department', title: '承办部门', width: 140, cell: ({ row }) => row.departmentName },
    { colKey: 'closesOn', title: '截止日期', width: 120, sorter: true },
    {
      colKey: 'state',
      title: '状态',
      width: 150,
      filter: { type: 'single', list: states, resetValue: undefined },
      cell: ({ row }) => (row.feedbackOverdue ? <Tag theme="danger">采纳情况逾期</Tag> : <Tag theme={row.state === 'OPEN' ? 'primary' : row.state === 'FEEDBACK_PUBLISHED' ? 'success' : 'default'}>{row.stateLabel}</Tag>),
    },
  ];
  return (
    <section className="page" aria-labelledby="staff-consultations-title">
      <h1 id="staff-consultations-title">意见征集</h1>
      <ErrorBanner error={list.error} />
      <Table rowKey="id" columns={columns} loading={list.isLoading} empty="暂无意见征集" pagination={{ defaultPageSize: 10, defaultCurrent: 1, total: table.data.length, showJumper: false }} {...table} />
      {session.actor.roles.includes('drafter') ? <OpenConsultationForm /> : null}
    </section>
  );
}
