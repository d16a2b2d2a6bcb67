import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Radio, Space, Table, type FilterValue, type SortInfo, type TableSort } from 'tdesign-react';
import type { Session } from '../../api';
import type { MyItemView } from '../../item-types';
import { ActionFailure } from '../action-failure';
import { useMyItems, type ItemListQuery } from './items-api';
import { myItemColumns, sortValueOf, urgencyOfItem } from './my-items-columns';

/** Department heads (初审) and leaders (签发) may also list the whole department's items. */
const DEPARTMENT_SCOPE_ROLES = ['reviewer', 'leader'];
const PAGE_SIZES = [20, 50, 100];

function sorted(items: readonly MyItemView[], sort: SortInfo | undefined): MyItemView[] {
  if (!sort) return [...items];
  const direction = sort.descending ? -1 : 1;
  return [...items].sort((a, b) => sortValueOf(a, sort.sortBy).localeCompare(sortValueOf(b, sort.sortBy), 'zh-CN') * direction);
}

/**
 * 我的事项 (or 本部门事项): a TDesign Table, newest change first as the API answers, sortable by title, next deadline
 * and last change, filtered by state on the API's side, paged over the rows loaded (加载更多 fetches the next).
 */
export default function MyItemsScreen({ session }: { session: Session }) {
  const roles = session.actor.roles;
  const canSeeDepartment = roles.some((role) => DEPARTMENT_SCOPE_ROLES.includes(role));
  const [query, setQuery] = useState<ItemListQuery>({ scope: roles.includes('drafter') || !canSeeDepartment ? 'mine' : 'department' });
  const [sort, setSort] = useState<SortInfo>();
  const [page, setPage] = useState({ current: 1, pageSize: PAGE_SIZES[0]! });
  const loaded = useMyItems(query);
  const rows = sorted(loaded.data?.pages.flatMap((answer) => answer.items) ?? [], sort);
  const current = Math.min(page.current, Math.max(1, Math.ceil(rows.length / page.pageSize)));
  const department = query.scope === 'department';

  const onFilterChange = (value: FilterValue) => {
    setPage((shown) => ({ ...shown, current: 1 }));
    setQuery({ scope: query.scope, ...(value.state ? { state: value.state as ItemListQuery['state'] } : {}) });
  };
  return (
    <section className="page staff-screen" aria-labelledby="my-items-title">
      <div className="page-head">
        <h1 id="my-items-title">{department ? '本部门事项' : '我的事项'}</h1>
        {roles.includes('drafter') ? (
          <Link className="button button-primary" to="/draft">
            起草公开事项
          </Link>
        ) : null}
      </div>
      {canSeeDepartment ? (
        <Space align="center" style={{ marginBottom: 12 }}>
          <span id="items-scope-label">范围</span>
          <Radio.Group
            aria-labelledby="items-scope-label"
            variant="default-filled"
            value={query.scope}
            onChange={(scope) => setQuery({ ...query, scope: scope as ItemListQuery['scope'] })}
            options={[
              { value: 'mine', label: '我起草的事项' },
              { value: 'department', label: '本部门全部事项' },
            ]}
          />
        </Space>
      ) : null}
      <ActionFailure error={loaded.error} />
      <Table<MyItemView>
        rowKey="id"
        className="staff-table my-items"
        size="small"
        columns={myItemColumns({ me: session.actor.username, department })}
        data={rows.slice((current - 1) * page.pageSize, current * page.pageSize)}
        loading={loaded.isPending}
        empty={query.state ? '没有这个状态的事项。' : '还没有事项。起草的事项会列在这里。'}
        sort={sort}
        onSortChange={(next: TableSort) => setSort(Array.isArray(next) ? next[0] : next)}
        filterValue={query.state ? { state: query.state } : {}}
        onFilterChange={onFilterChange}
        rowClassName={({ row }) => `row-${urgencyOfItem(row)}`}
        rowAttributes={({ row }) => ({ 'data-item-id': row.id })}
        disableDataPage
        pagination={{ current, pageSize: page.pageSize, total: rows.length, pageSizeOptions: PAGE_SIZES, onChange: ({ current: next, pageSize }) => setPage({ current: next, pageSize }) }}
      />
      {loaded.hasNextPage ? (
        <Button variant="outline" loading={loaded.isFetchingNextPage} onClick={() => void loaded.fetchNextPage()}>
          加载更多
        </Button>
      ) : null}
    </section>
  );
}
