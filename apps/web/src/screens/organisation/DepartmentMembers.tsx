import { useState } from 'react';
import { Button, Table, type PrimaryTableCol, type TableSort } from 'tdesign-react';
import type { OrgUser } from '../../api';
import { rolesText } from './org-model';

const byText = (key: 'username' | 'displayName') => (a: OrgUser, b: OrgUser) => a[key].localeCompare(b[key], 'zh-CN');

/** The users of one unit (TDesign Table): sortable by user name and name, filtered by whether they are in use. */
export function DepartmentMembers(props: { members: OrgUser[]; canEdit: boolean; onSelectUser: (username: string) => void }) {
  const [sort, setSort] = useState<TableSort>();
  const [filter, setFilter] = useState<Record<string, unknown>>({});
  const columns: PrimaryTableCol<OrgUser>[] = [
    { colKey: 'username', title: '用户名', sorter: byText('username'), cell: ({ row }) => <code>{row.username}</code> },
    { colKey: 'displayName', title: '姓名', sorter: byText('displayName') },
    { colKey: 'roles', title: '本单位角色', cell: ({ row }) => rolesText(row.roles, '—') },
    {
      colKey: 'active',
      title: '状态',
      cell: ({ row }) => (row.active ? '在用' : '已停用'),
      filter: { type: 'single', list: [{ label: '在用', value: 'yes' }, { label: '已停用', value: 'no' }] },
    },
    {
      colKey: 'action',
      title: <span className="sr-only">操作</span>,
      cell: ({ row }) => (
        <Button size="small" variant="outline" onClick={() => props.onSelectUser(row.username)} aria-label={`${props.canEdit ? '编辑' : '查看'}用户 ${row.displayName}`}>
          {props.canEdit ? '编辑' : '查看'}
        </Button>
      ),
    },
  ];
  const shown = props.members.filter((m) => !filter.active || (filter.active === 'yes') === m.active);
  return (
    <Table<OrgUser>
      rowKey="username"
      size="small"
      columns={columns}
      data={shown}
      sort={sort}
      onSortChange={setSort}
      filterValue={filter}
      onFilterChange={setFilter}
      rowClassName={({ row }) => (row.active ? '' : 'row-inactive')}
      empty="没有符合条件的用户"
    />
  );
}
