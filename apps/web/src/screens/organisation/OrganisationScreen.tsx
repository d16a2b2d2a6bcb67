import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Session } from '../../api';
import { apiClient, bodyOf } from '../../openapi/client';
import { ErrorBanner, Loading } from '../../ui';
import { DepartmentPanel } from './DepartmentPanel';
import { DepartmentTree } from './DepartmentTree';
import { UserPanel } from './UserPanel';

/** 组织机构管理 (admins): the 县政府 → 部门 → 乡镇/街道 tree, its users and their per-department roles, with the audit history. */
export function OrganisationScreen({ session }: { session: Session }) {
  const [selected, setSelected] = useState<string>('county');
  const [selectedUser, setSelectedUser] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const canEdit = session.actor.roles.includes('admin');
  const org = useQuery({
    queryKey: ['organisation', version],
    queryFn: async () => {
      const [departments, users] = await Promise.all([bodyOf(apiClient.GET('/api/org/departments')), bodyOf(apiClient.GET('/api/org/users'))]);
      return { departments: departments.items, users: users.items };
    },
    // A change is read again at once (a new version), never from the cache of the one before.
    staleTime: 0,
    placeholderData: (previous) => previous,
  });

  /** After a change: say what was done, and read the tree and users again. */
  const changed = (message: string, select?: { department?: string; user?: string | null }) => {
    setNotice(message);
    if (select?.department) setSelected(select.department);
    if (select?.user !== undefined) setSelectedUser(select.user);
    setVersion((v) => v + 1);
  };

  if (!org.data) {
    return (
      <section className="page" aria-labelledby="org-title">
        <h1 id="org-title">组织机构管理</h1>
        <ErrorBanner error={org.error} />
        <Loading />
      </section>
    );
  }
  const { departments, users } = org.data;
  const department = departments.find((d) => d.code === selected) ?? departments.find((d) => d.kind === 'county') ?? departments[0];
  const user = users.find((u) => u.username === selectedUser);

  return (
    <section className="page" aria-labelledby="org-title">
      <h1 id="org-title">组织机构管理</h1>
      <p className="lead">县政府 → 部门 → 乡镇/街道。每一项变更都记入审计日志；用户的新角色在其下次登录时生效。</p>
      <ErrorBanner error={org.error} />
      {notice ? (
        <p className="banner banner-success" role="status">
          {notice}
        </p>
      ) : null}
      <div className="org-layout">
        <nav className="card org-tree-card" aria-labelledby="org-tree-title">
          <h2 id="org-tree-title">组织机构</h2>
          <DepartmentTree departments={departments} users={users} selected={department?.code} onSelect={(code) => { setSelected(code); setSelectedUser(null); setNotice(null); }} />
        </nav>
        <div className="org-detail">
          {department ? (
            <DepartmentPanel key={department.code} department={department} departments={departments} users={users} canEdit={canEdit} version={version} onChanged={changed} onSelectUser={(username) => { setSelectedUser(username); setNotice(null); }} />
          ) : null}
          {user ? <UserPanel key={`${user.username}-${version}`} user={user} departments={departments} canEdit={canEdit} self={user.username === session.actor.username} version={version} onChanged={changed} onClose={() => setSelectedUser(null)} /> : null}
        </div>
      </div>
    </section>
  );
}
