import type { OrgUser } from '../../api';
import { formatDateTime } from '../../format';
import { CreateDepartmentForm } from './CreateDepartmentForm';
import { CreateUserForm } from './CreateUserForm';
import { DepartmentMembers } from './DepartmentMembers';
import { ActiveToggle, MoveForm, RenameForm } from './DepartmentForms';
import { OrgHistory } from './OrgHistory';
import { KIND_LABELS, type Department, type OnChanged } from './org-model';

/** One unit: its facts, rename / move / 停用 for admins, its users, and the forms for a new sub-unit or user. */
export function DepartmentPanel(props: { department: Department; departments: Department[]; users: OrgUser[]; canEdit: boolean; version: number; onChanged: OnChanged; onSelectUser: (username: string) => void }) {
  const { department, departments, canEdit } = props;
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
        {canEdit ? (
          <div className="org-forms">
            <RenameForm department={department} onChanged={props.onChanged} />
            {department.kind !== 'county' ? <MoveForm department={department} departments={departments} onChanged={props.onChanged} /> : null}
            {department.kind !== 'county' ? <ActiveToggle department={department} onChanged={props.onChanged} /> : null}
          </div>
        ) : null}
        <OrgHistory path={`/org/departments/${encodeURIComponent(department.code)}/history`} version={props.version} />
      </section>

      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">本单位用户（{members.length}）</h2>
        {members.length === 0 ? <p className="muted">本单位还没有用户。</p> : <DepartmentMembers members={members} canEdit={canEdit} onSelectUser={props.onSelectUser} />}
      </section>

      {canEdit && department.active && department.kind !== 'township' ? <CreateDepartmentForm parent={department} onChanged={props.onChanged} /> : null}
      {canEdit && department.active ? <CreateUserForm department={department} onChanged={props.onChanged} /> : null}
    </>
  );
}
