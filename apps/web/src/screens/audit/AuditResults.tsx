import type { UseInfiniteQueryResult, InfiniteData } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Button, Space, Table } from 'tdesign-react';
import { formatDateTime } from '../../format';
import { ErrorBanner } from '../../ui';
import { useStaffDirectory } from '../staff-directory';
import { AUDIT_SUBJECTS, auditTrailPath } from './audit-subjects';
import { actionLabel, roleLabel } from './audit-words';
import type { AuditEvent, AuditPage } from './audit-types';

/** Where a row leads: its item's timeline, else the timeline of each object it speaks of. */
function ObjectLinks({ row }: { row: AuditEvent }) {
  if (row.itemId) return <Link to={auditTrailPath('items', row.itemId)}>事项时间线与核验</Link>;
  if (!row.subjects.length) return <>—</>;
  return (
    <Space direction="vertical" size={2}>
      {row.subjects.map((subject) => (
        <Link key={`${subject.scope}:${subject.key}`} to={auditTrailPath(subject.scope, subject.key)}>
          {AUDIT_SUBJECTS[subject.scope].noun}时间线与核验
        </Link>
      ))}
    </Space>
  );
}

/** The rows found, newest first; older ones fifty at a time. */
export function AuditResults({ search }: { search: UseInfiniteQueryResult<InfiniteData<AuditPage>> }) {
  const directory = useStaffDirectory();
  const rows = search.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="card" aria-labelledby="audit-results-title">
      <h2 id="audit-results-title">查询结果</h2>
      <ErrorBanner error={search.error} />
      <Table
        rowKey="id"
        className="audit-results"
        data={rows}
        loading={search.isLoading}
        empty="没有符合条件的记录"
        pagination={{ defaultPageSize: 20, total: rows.length }}
        rowAttributes={({ row }) => ({ 'data-audit-id': row.id })}
        columns={[
          { colKey: 'occurredAt', title: '时间', width: 170, cell: ({ row }) => formatDateTime(row.occurredAt) },
          { colKey: 'actor', title: '操作人', cell: ({ row }) => <Link to={auditTrailPath('actors', row.actor)}>{directory.person(row.actor)}</Link> },
          { colKey: 'actorRole', title: '角色', cell: ({ row }) => roleLabel(row.actorRole) },
          { colKey: 'department', title: '部门', cell: ({ row }) => directory.unit(row.departmentCode) },
          { colKey: 'action', title: '操作', cell: ({ row }) => actionLabel(row.action) },
          { colKey: 'reason', title: '说明', cell: ({ row }) => row.reason ?? '' },
          { colKey: 'object', title: '对象', cell: ({ row }: { row: AuditEvent }) => <ObjectLinks row={row} /> },
        ]}
      />
      {search.hasNextPage ? (
        <Button variant="outline" loading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
          加载更早的记录
        </Button>
      ) : null}
    </section>
  );
}
