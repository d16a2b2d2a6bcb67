import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiFailure, clearField, type DepartmentKind, type OrgDepartment as Department, type OrgHistoryEntry, type OrgUser, type Session } from '../api';
import { formatDateTime, ROLE_LABELS } from '../format';
import { describedBy, ErrorBanner, Field, Loading } from '../ui';

const KIND_LABELS: Record<DepartmentKind, string> = { county: '县政府', department: '部门', township: '乡镇/街道' };
const ROLE_KEYS = Object.keys(ROLE_LABELS);
const ORG_ACTION_LABELS: Record<string, string> = {
  'org.department-created': '创建单位',
  'org.department-updated': '修改单位',
  'org.department-deactivated': '停用单位',
  'org.department-reactivated': '启用单位',
  'org.user-created': '创建用户',
  'org.user-updated': '修改用户',
};

/** The parents a unit of this kind may sit under: 部门 under 县政府, 乡镇/街道 under 县政府 or a 部门. */
function allowedParentKinds(kind: DepartmentKind): DepartmentKind[] {
  if (kind === 'county') return [];
  return kind === 'department' ? ['county'] : ['county', 'department'];
}

/** A unit and everything under it, so a move never offers a unit's own sub-units as its new parent. */
function subtreeOf(code: string, departments: Department[]): Set<string> {
  const found = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const department of departments) {
      if (department.parentCode && found.has(department.parentCode) && !found.has(department.code)) {
        found.add(department.code);
        grew = true;
      }
    }
  }
  return found;
}

const fieldError = (error: unknown, field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);

/** 组织机构管理 (admins): the 县政府 → 部门 → 乡镇/街道 tree, its users and their per-department roles, with the audit history. */
export function OrganisationScreen({ session }: { session: Session }) {
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const [users, setUsers] = useState<OrgUser[]>([]);
  const [selected, setSelected] = useState<string>('county');
  const [selectedUser, setSelectedUser] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const canEdit = session.actor.roles.includes('admin');

  useEffect(() => {
    Promise.all([api<{ items: Department[] }>('GET', '/org/departments'), api<{ items: OrgUser[] }>('GET', '/org/users')]).then(([d, u]) => {
      setDepartments(d.items);
      setUsers(u.items);
    }, setError);
  }, [version]);

  /** After a change: say what was done, and read the tree and users again. */
  const changed = (message: string, select?: { department?: string; user?: string | null }) => {
    setNotice(message);
    if (select?.department) setSelected(select.department);
    if (select?.user !== undefined) setSelectedUser(select.user);
    setVersion((v) => v + 1);
  };

  if (!departments) {
    return (
      <section className="page" aria-labelledby="org-title">
        <h1 id="org-title">组织机构管理</h1>
        <ErrorBanner error={error} />
        <Loading />
      </section>
    );
  }
  const department = departments.find((d) => d.code === selected) ?? departments.find((d) => d.kind === 'county') ?? departments[0];
  const user = users.find((u) => u.username === selectedUser);

  return (
    <section className="page" aria-labelledby="org-title">
      <h1 id="org-title">组织机构管理</h1>
      <p className="lead">县政府 → 部门 → 乡镇/街道。每一项变更都记入审计日志；用户的新角色在其下次登录时生效。</p>
      <ErrorBanner error={error} />
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

function DepartmentTree(props: { departments: Department[]; users: OrgUser[]; selected: string | undefined; onSelect: (code: string) => void }) {
  const childrenOf = (code: string | null) =>
    props.departments.filter((d) => d.parentCode === code).sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'zh-CN') : a.kind === 'department' ? -1 : 1));
  const render = (nodes: Department[]): ReactNode => (
    <ul className="org-tree">
      {nodes.map((node) => {
        const count = props.users.filter((u) => u.departmentCode === node.code && u.active).length;
        const children = childrenOf(node.code);
        return (
          <li key={node.code}>
            <button type="button" className={`org-node${node.active ? '' : ' org-node-inactive'}`} aria-current={props.selected === node.code ? 'true' : undefined} onClick={() => props.onSelect(node.code)}>
              <span className="org-node-name">{node.name}</span>
              {node.active ? null : <span className="badge badge-inactive">已停用</span>}
              <span className={`badge badge-kind-${node.kind}`}>{KIND_LABELS[node.kind]}</span>
              <span className="muted org-node-count">{count} 人</span>
            </button>
            {children.length ? render(children) : null}
          </li>
        );
      })}
    </ul>
  );
  return <>{render(childrenOf(null))}</>;
}

function DepartmentPanel(props: {
  department: Department;
  departments: Department[];
  users: OrgUser[];
  canEdit: boolean;
  version: number;
  onChanged: (message: string, select?: { department?: string; user?: string | null }) => void;
  onSelectUser: (username: string) => void;
}) {
  const { department, departments } = props;
  const parent = departments.find((d) => d.code === department.parentCode);
  const members = props.users.filter((u) => u.departmentCode === department.code);
  return (
    <>
      <section className="card" aria-labelledby="dept-title">
        <h2 id="dept-title">
          {department.name} {department.active ? null : <span className="badge badge-inactive">已停用</span>}
        </h2>
        <p className="meta">
          代码 <code>{department.code}</code> · {KIND_LABELS[department.kind]}
          {parent ? ` · 上级单位：${parent.name}` : ''}
          {department.deactivatedAt ? ` · 停用于 ${formatDateTime(department.deactivatedAt)}` : ''}
        </p>
        {department.active ? null : <p className="banner banner-warning">该单位已停用：不能在其下新建单位或用户，也不能将用户调入；其事项、用户和变更记录仍可查阅。</p>}
        {props.canEdit ? (
          <div className="org-forms">
            <RenameForm department={department} onChanged={props.onChanged} />
            {department.kind !== 'county' ? <MoveForm department={department} departments={departments} onChanged={props.onChanged} /> : null}
            {department.kind !== 'county' ? <ActiveToggle department={department} onChanged={props.onChanged} /> : null}
          </div>
        ) : null}
        <History path={`/org/departments/${encodeURIComponent(department.code)}/history`} version={props.version} />
      </section>

      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">本单位用户（{members.length}）</h2>
        {members.length === 0 ? (
          <p className="muted">本单位还没有用户。</p>
        ) : (
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">用户名</th>
                <th scope="col">姓名</th>
                <th scope="col">本单位角色</th>
                <th scope="col">状态</th>
                <th scope="col">
                  <span className="sr-only">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.username} className={member.active ? '' : 'row-inactive'}>
                  <td>
                    <code>{member.username}</code>
                  </td>
                  <td>{member.displayName}</td>
                  <td>{member.roles.map((role) => ROLE_LABELS[role] ?? role).join('、') || '—'}</td>
                  <td>{member.active ? '在用' : '已停用'}</td>
                  <td>
                    <button type="button" className="button button-small" onClick={() => props.onSelectUser(member.username)} aria-label={`${props.canEdit ? '编辑' : '查看'}用户 ${member.displayName}`}>
                      {props.canEdit ? '编辑' : '查看'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {props.canEdit && department.active && department.kind !== 'township' ? <CreateDepartmentForm parent={department} onChanged={props.onChanged} /> : null}
      {props.canEdit && department.active ? <CreateUserForm department={department} onChanged={props.onChanged} /> : null}
    </>
  );
}

function RenameForm({ department, onChanged }: { department: Department; onChanged: (message: string) => void }) {
  const [name, setName] = useState(department.name);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('PATCH', `/org/departments/${encodeURIComponent(department.code)}`, { name: name.trim() });
      onChanged(`已将“${department.name}”更名为“${name.trim()}”。`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="inline-fields" onSubmit={(event) => void onSubmit(event)} noValidate>
      <Field id="rename-name" label="单位名称" error={fieldError(error, 'name')}>
        <input id="rename-name" value={name} maxLength={200} onChange={(e) => { setName(e.target.value); setError((current: unknown) => clearField(current, 'name')); }} {...describedBy('rename-name', fieldError(error, 'name'))} />
      </Field>
      <button type="submit" className="button" disabled={busy || name.trim() === department.name}>
        保存名称
      </button>
      {error && !fieldError(error, 'name') ? <ErrorBanner error={error} /> : null}
    </form>
  );
}

function MoveForm({ department, departments, onChanged }: { department: Department; departments: Department[]; onChanged: (message: string) => void }) {
  const excluded = subtreeOf(department.code, departments);
  // Inactive units take no sub-units; the current parent stays listed so the select shows where the unit is.
  const options = departments.filter((d) => allowedParentKinds(department.kind).includes(d.kind) && !excluded.has(d.code) && (d.active || d.code === department.parentCode));
  const [parentCode, setParentCode] = useState(department.parentCode ?? '');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const target = departments.find((d) => d.code === parentCode);
  const move = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('PATCH', `/org/departments/${encodeURIComponent(department.code)}`, { parentCode });
      setConfirming(false);
      onChanged(`已将“${department.name}”移至“${target?.name ?? parentCode}”之下。`);
    } catch (caught) {
      setError(caught);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="inline-fields" onSubmit={(event) => { event.preventDefault(); setConfirming(true); }} noValidate>
      <Field id="move-parent" label="上级单位" error={fieldError(error, 'parentCode')}>
        <select id="move-parent" value={parentCode} onChange={(e) => { setParentCode(e.target.value); setConfirming(false); setError(null); }} {...describedBy('move-parent', fieldError(error, 'parentCode'))}>
          {options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name}（{KIND_LABELS[option.kind]}{option.active ? '' : '，已停用'}）
            </option>
          ))}
        </select>
      </Field>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby="move-confirm-text">
          <p id="move-confirm-text">确认将“{department.name}”移至“{target?.name}”之下？</p>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void move()}>
            确认移动
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            取消
          </button>
        </div>
      ) : (
        <button type="submit" className="button" disabled={parentCode === (department.parentCode ?? '')}>
          移动
        </button>
      )}
      {error && !fieldError(error, 'parentCode') ? <ErrorBanner error={error} /> : null}
    </form>
  );
}

/**
 * 停用/启用 a unit, after a confirmation. The API refuses (409) to deactivate a unit that still has active
 * users, active sub-units or open work, and lists each reason with its count; they are shown as a list.
 */
function ActiveToggle({ department, onChanged }: { department: Department; onChanged: (message: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const deactivating = department.active;
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('PATCH', `/org/departments/${encodeURIComponent(department.code)}`, { active: !department.active });
      onChanged(deactivating ? `已停用“${department.name}”。其历史记录仍可查阅。` : `已启用“${department.name}”。`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  const reasons = error instanceof ApiFailure && error.status === 409 ? error.fields.filter((f) => f.field === 'active').flatMap((f) => f.problems) : [];
  return (
    <div className="org-active">
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby="dept-active-confirm-text">
          <p id="dept-active-confirm-text">
            {deactivating
              ? `确认停用“${department.name}”？停用后不能在其下新建单位或用户，其用户不能登录；历史记录仍保留。`
              : `确认启用“${department.name}”？启用后可重新在其下新建单位和用户。`}
          </p>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void send()}>
            {deactivating ? '确认停用' : '确认启用'}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            取消
          </button>
        </div>
      ) : (
        <button type="button" className={`button${deactivating ? ' button-danger' : ''}`} onClick={() => { setError(null); setConfirming(true); }}>
          {deactivating ? '停用单位' : '启用单位'}
        </button>
      )}
      {reasons.length ? (
        <div className="banner banner-error org-active-refusal" role="alert">
          <p>无法停用“{department.name}”，该单位尚有：</p>
          <ul>
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <p>请先将用户调至其他单位、将下级单位移走或停用、办结或转交未完成的工作，然后再停用。</p>
        </div>
      ) : error ? (
        <ErrorBanner error={error} />
      ) : null}
    </div>
  );
}

function CreateDepartmentForm({ parent, onChanged }: { parent: Department; onChanged: (message: string, select?: { department?: string }) => void }) {
  const kinds: DepartmentKind[] = parent.kind === 'county' ? ['department', 'township'] : ['township'];
  const [kind, setKind] = useState<DepartmentKind>(kinds[0]!);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api<Department>('POST', '/org/departments', { code: code.trim(), name: name.trim(), kind, parentCode: parent.code });
      onChanged(`已在“${parent.name}”下创建${KIND_LABELS[created.kind]}“${created.name}”。`, { department: created.code });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="new-dept-title">
      <h2 id="new-dept-title">在“{parent.name}”下新建单位</h2>
      <ErrorBanner error={error instanceof ApiFailure && error.fields.length ? null : error} />
      <div className="inline-fields">
        <Field id="new-dept-kind" label="类型" error={fieldError(error, 'kind')}>
          <select id="new-dept-kind" value={kind} onChange={(e) => setKind(e.target.value as DepartmentKind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="new-dept-name" label="单位名称" error={fieldError(error, 'name')} required>
          <input id="new-dept-name" value={name} maxLength={200} onChange={(e) => { setName(e.target.value); setError((current: unknown) => clearField(current, 'name')); }} {...describedBy('new-dept-name', fieldError(error, 'name'))} />
        </Field>
        <Field id="new-dept-code" label="单位代码" error={fieldError(error, 'code')} hint="小写字母开头，可含数字和连字符，如 town-qiaotou" required>
          <input id="new-dept-code" value={code} maxLength={64} onChange={(e) => { setCode(e.target.value); setError((current: unknown) => clearField(current, 'code')); }} {...describedBy('new-dept-code', fieldError(error, 'code'), true)} />
        </Field>
      </div>
      {fieldError(error, 'parentCode') ? <p className="field-error">{fieldError(error, 'parentCode')}</p> : null}
      <button type="submit" className="button button-primary" disabled={busy}>
        创建单位
      </button>
    </form>
  );
}

/** Role check boxes: roles are held in one department, so they are always chosen together with it. */
/** A user's e-mail and mobile number (for notifications), with the API's field errors under each. */
function ContactFields(props: { idPrefix: string; email: string; mobile: string; error: unknown; onEmail: (value: string) => void; onMobile: (value: string) => void }) {
  const { idPrefix, error } = props;
  return (
    <div className="inline-fields">
      <Field id={`${idPrefix}-email`} label="电子邮箱" error={fieldError(error, 'email')}>
        <input id={`${idPrefix}-email`} type="email" value={props.email} onChange={(e) => props.onEmail(e.target.value)} {...describedBy(`${idPrefix}-email`, fieldError(error, 'email'))} />
      </Field>
      <Field id={`${idPrefix}-mobile`} label="手机号码" error={fieldError(error, 'mobile')}>
        <input id={`${idPrefix}-mobile`} inputMode="tel" value={props.mobile} onChange={(e) => props.onMobile(e.target.value)} {...describedBy(`${idPrefix}-mobile`, fieldError(error, 'mobile'))} />
      </Field>
    </div>
  );
}

function RolePicker(props: { id: string; roles: string[]; onChange: (roles: string[]) => void; error: string | undefined }) {
  return (
    <fieldset className={`field role-picker${props.error ? ' field-invalid' : ''}`} aria-describedby={props.error ? `${props.id}-error` : undefined}>
      <legend>本单位角色</legend>
      {ROLE_KEYS.map((role) => (
        <label key={role} className="radio">
          <input type="checkbox" checked={props.roles.includes(role)} onChange={(e) => props.onChange(e.target.checked ? [...props.roles, role] : props.roles.filter((r) => r !== role))} />
          {ROLE_LABELS[role]}
        </label>
      ))}
      {props.error ? (
        <p className="field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

function CreateUserForm({ department, onChanged }: { department: Department; onChanged: (message: string, select?: { user?: string | null }) => void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [email, setEmail] = useState('');
  const [mobile, setMobile] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api<OrgUser>('POST', '/org/users', {
        username: username.trim(),
        displayName: displayName.trim(),
        departmentCode: department.code,
        roles,
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(mobile.trim() ? { mobile: mobile.trim() } : {}),
      });
      onChanged(`已在“${department.name}”创建用户 ${created.username}（${created.displayName}），角色：${created.roles.map((r) => ROLE_LABELS[r] ?? r).join('、') || '无'}。`, { user: created.username });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const on = (field: string, set: (value: string) => void) => (value: string) => {
    set(value);
    setError((current: unknown) => clearField(current, field));
  };
  return (
    <form className="card" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="new-user-title">
      <h2 id="new-user-title">在“{department.name}”新建用户</h2>
      <ErrorBanner error={error instanceof ApiFailure && error.fields.length ? null : error} />
      <div className="inline-fields">
        <Field id="new-user-username" label="用户名" error={fieldError(error, 'username')} hint="小写字母开头，如 town.drafter" required>
          <input id="new-user-username" value={username} maxLength={100} autoComplete="off" onChange={(e) => on('username', setUsername)(e.target.value)} {...describedBy('new-user-username', fieldError(error, 'username'), true)} />
        </Field>
        <Field id="new-user-name" label="姓名" error={fieldError(error, 'displayName')} required>
          <input id="new-user-name" value={displayName} maxLength={200} onChange={(e) => on('displayName', setDisplayName)(e.target.value)} {...describedBy('new-user-name', fieldError(error, 'displayName'))} />
        </Field>
      </div>
      <ContactFields idPrefix="new-user" email={email} mobile={mobile} error={error} onEmail={on('email', setEmail)} onMobile={on('mobile', setMobile)} />
      <RolePicker id="new-user-roles" roles={roles} onChange={(next) => { setRoles(next); setError((current: unknown) => clearField(current, 'roles')); }} error={fieldError(error, 'roles')} />
      <button type="submit" className="button button-primary" disabled={busy}>
        创建用户
      </button>
    </form>
  );
}

function UserPanel(props: {
  user: OrgUser;
  departments: Department[];
  canEdit: boolean;
  self: boolean;
  version: number;
  onChanged: (message: string, select?: { department?: string; user?: string | null }) => void;
  onClose: () => void;
}) {
  const { user } = props;
  const [displayName, setDisplayName] = useState(user.displayName);
  const [departmentCode, setDepartmentCode] = useState(user.departmentCode);
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [email, setEmail] = useState(user.email ?? '');
  const [mobile, setMobile] = useState(user.mobile ?? '');
  const [confirming, setConfirming] = useState<'save' | 'active' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const moving = departmentCode !== user.departmentCode;
  const newDepartment = props.departments.find((d) => d.code === departmentCode);

  const send = async (body: Record<string, unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await api('PATCH', `/org/users/${encodeURIComponent(user.username)}`, body);
      setConfirming(null);
      props.onChanged(message, { department: departmentCode, user: user.username });
    } catch (caught) {
      setError(caught);
      setConfirming(null);
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    send(
      { displayName: displayName.trim(), departmentCode, roles, ...(email.trim() ? { email: email.trim() } : {}), ...(mobile.trim() ? { mobile: mobile.trim() } : {}) },
      moving ? `已将 ${user.username} 调至“${newDepartment?.name ?? departmentCode}”，角色：${roles.map((r) => ROLE_LABELS[r] ?? r).join('、') || '无'}。` : `已保存用户 ${user.username} 的修改。`,
    );
  const on = (field: string, set: (value: string) => void) => (value: string) => {
    set(value);
    setError((current: unknown) => clearField(current, field));
  };

  return (
    <section className="card user-panel" aria-labelledby="user-title">
      <div className="page-head">
        <h2 id="user-title">
          用户：{user.displayName} <code>{user.username}</code> {user.active ? null : <span className="badge badge-rejected">已停用</span>}
        </h2>
        <button type="button" className="button button-small" onClick={props.onClose}>
          关闭
        </button>
      </div>
      {props.canEdit ? (
        <form onSubmit={(event) => { event.preventDefault(); setConfirming('save'); }} noValidate>
          <ErrorBanner error={error instanceof ApiFailure && error.fields.length ? null : error} />
          <div className="inline-fields">
            <Field id="edit-user-name" label="姓名" error={fieldError(error, 'displayName')}>
              <input id="edit-user-name" value={displayName} maxLength={200} onChange={(e) => on('displayName', setDisplayName)(e.target.value)} {...describedBy('edit-user-name', fieldError(error, 'displayName'))} />
            </Field>
            <Field id="edit-user-department" label="所在单位" error={fieldError(error, 'departmentCode')} hint="调动单位时须重新勾选其在新单位的角色">
              <select id="edit-user-department" value={departmentCode} onChange={(e) => { setDepartmentCode(e.target.value); setRoles(e.target.value === user.departmentCode ? user.roles : []); setError(null); }} {...describedBy('edit-user-department', fieldError(error, 'departmentCode'), true)}>
                {props.departments
                  .filter((d) => d.active || d.code === user.departmentCode)
                  .map((d) => (
                    <option key={d.code} value={d.code}>
                      {d.name}（{KIND_LABELS[d.kind]}{d.active ? '' : '，已停用'}）
                    </option>
                  ))}
              </select>
            </Field>
          </div>
          <ContactFields idPrefix="edit-user" email={email} mobile={mobile} error={error} onEmail={on('email', setEmail)} onMobile={on('mobile', setMobile)} />
          <RolePicker id="edit-user-roles" roles={roles} onChange={(next) => { setRoles(next); setError((current: unknown) => clearField(current, 'roles')); }} error={fieldError(error, 'roles')} />
          {confirming === 'save' ? (
            <div className="confirm" role="alertdialog" aria-labelledby="user-confirm-text">
              <p id="user-confirm-text">
                {moving
                  ? `确认将 ${user.displayName} 调至“${newDepartment?.name}”？调动后仅保留所勾选的角色：${roles.map((r) => ROLE_LABELS[r] ?? r).join('、') || '无'}。`
                  : `确认保存 ${user.displayName} 的修改？角色：${roles.map((r) => ROLE_LABELS[r] ?? r).join('、') || '无'}（下次登录生效）。`}
              </p>
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>
                确认保存
              </button>
              <button type="button" className="button" onClick={() => setConfirming(null)}>
                取消
              </button>
            </div>
          ) : confirming === 'active' ? (
            <div className="confirm" role="alertdialog" aria-labelledby="active-confirm-text">
              <p id="active-confirm-text">{user.active ? `确认停用 ${user.displayName}？停用后该用户不能登录。` : `确认恢复启用 ${user.displayName}？`}</p>
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void send({ active: !user.active }, user.active ? `已停用用户 ${user.username}。` : `已恢复启用用户 ${user.username}。`)}>
                {user.active ? '确认停用' : '确认启用'}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(null)}>
                取消
              </button>
            </div>
          ) : (
            <div className="actions">
              <button type="submit" className="button button-primary">
                保存修改
              </button>
              {props.self ? null : (
                <button type="button" className="button" onClick={() => setConfirming('active')}>
                  {user.active ? '停用用户' : '恢复启用'}
                </button>
              )}
            </div>
          )}
        </form>
      ) : (
        <p className="meta">
          角色：{user.roles.map((role) => ROLE_LABELS[role] ?? role).join('、') || '—'} · {user.active ? '在用' : '已停用'}
        </p>
      )}
      <History path={`/org/users/${encodeURIComponent(user.username)}/history`} version={props.version} />
    </section>
  );
}

/** The audit trail of one unit or user: who changed what, when, with the values before and after. */
function History({ path, version }: { path: string; version: number }) {
  const [entries, setEntries] = useState<OrgHistoryEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<{ items: OrgHistoryEntry[] }>('GET', path).then((answer) => setEntries(answer.items), setError);
  }, [path, version]);
  return (
    <details className="org-history">
      <summary>变更记录{entries ? `（${entries.length}）` : ''}</summary>
      <ErrorBanner error={error} />
      {entries === null ? null : entries.length === 0 ? (
        <p className="muted">没有变更记录（初始数据）。</p>
      ) : (
        <ol className="timeline">
          {entries.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              <p>
                <strong>{ORG_ACTION_LABELS[entry.action] ?? entry.action}</strong> · {entry.actorName}
              </p>
              <p className="meta">{describeChange(entry)}</p>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  parentCode: '上级单位',
  kind: '类型',
  code: '代码',
  displayName: '姓名',
  departmentCode: '单位',
  roles: '角色',
  active: '状态',
  email: '邮箱',
  mobile: '手机',
  username: '用户名',
};

/** "名称：旧 → 新" for each field the change named; a creation lists what it set. */
function describeChange(entry: OrgHistoryEntry): string {
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (key === 'roles' && Array.isArray(value)) return value.map((r) => ROLE_LABELS[String(r)] ?? String(r)).join('、') || '无';
    if (key === 'active') return value ? '在用' : '停用';
    if (key === 'kind') return KIND_LABELS[value as DepartmentKind] ?? String(value);
    return String(value);
  };
  // before rows are in the database's snake_case; after is what the request said.
  const beforeOf = (key: string) => before[key] ?? before[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
  const parts = Object.keys(after)
    .filter((key) => FIELD_LABELS[key] && (entry.before === null || show(key, beforeOf(key)) !== show(key, after[key])))
    .map((key) => (entry.before === null ? `${FIELD_LABELS[key]}：${show(key, after[key])}` : `${FIELD_LABELS[key]}：${show(key, beforeOf(key))} → ${show(key, after[key])}`));
  return parts.join('；') || '无字段变化';
}
