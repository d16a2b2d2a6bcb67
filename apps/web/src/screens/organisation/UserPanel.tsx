import { useState } from 'react';
import { Button, Tag } from 'tdesign-react';
import { api, clearField, type OrgUser } from '../../api';
import { describedBy, ErrorBanner, Field } from '../../ui';
import { ConfirmDialog } from './ConfirmDialog';
import { OrgHistory } from './OrgHistory';
import { bannerError, fieldError, KIND_LABELS, rolesText, type Department, type OnChanged } from './org-model';
import { ContactFields, RolePicker } from './user-fields';

/** One user: name, unit (a move asks for the roles in the new unit), contact, roles, 停用, and the history. */
export function UserPanel(props: { user: OrgUser; departments: Department[]; canEdit: boolean; self: boolean; version: number; onChanged: OnChanged; onClose: () => void }) {
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
      props.onChanged(message, { department: departmentCode, user: user.username });
    } catch (caught) {
      setError(caught);
    } finally {
      setConfirming(null);
      setBusy(false);
    }
  };
  const save = () =>
    send(
      { displayName: displayName.trim(), departmentCode, roles, ...(email.trim() ? { email: email.trim() } : {}), ...(mobile.trim() ? { mobile: mobile.trim() } : {}) },
      moving ? `已将 ${user.username} 调至“${newDepartment?.name ?? departmentCode}”，角色：${rolesText(roles)}。` : `已保存用户 ${user.username} 的修改。`,
    );
  const toggleActive = () => send({ active: !user.active }, user.active ? `已停用用户 ${user.username}。` : `已恢复启用用户 ${user.username}。`);
  const on = (field: string, set: (value: string) => void) => (value: string) => {
    set(value);
    setError((current: unknown) => clearField(current, field));
  };

  return (
    <section className="card user-panel" aria-labelledby="user-title">
      <div className="page-head">
        <h2 id="user-title">
          用户：{user.displayName} <code>{user.username}</code> {user.active ? null : <Tag theme="danger" variant="light">已停用</Tag>}
        </h2>
        <Button size="small" variant="outline" onClick={props.onClose}>
          关闭
        </Button>
      </div>
      {props.canEdit ? (
        <form onSubmit={(event) => { event.preventDefault(); setConfirming('save'); }} noValidate>
          <ErrorBanner error={bannerError(error)} />
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
          <div className="actions">
            <Button type="submit" theme="primary">
              保存修改
            </Button>
            {props.self ? null : (
              <Button variant="outline" onClick={() => setConfirming('active')}>
                {user.active ? '停用用户' : '恢复启用'}
              </Button>
            )}
          </div>
          <ConfirmDialog visible={confirming === 'save'} textId="user-confirm-text" header="保存用户修改" confirm="确认保存" busy={busy} onConfirm={() => void save()} onCancel={() => setConfirming(null)}>
            {moving
              ? `确认将 ${user.displayName} 调至“${newDepartment?.name}”？调动后仅保留所勾选的角色：${rolesText(roles)}。`
              : `确认保存 ${user.displayName} 的修改？角色：${rolesText(roles)}（下次登录生效）。`}
          </ConfirmDialog>
          <ConfirmDialog visible={confirming === 'active'} textId="active-confirm-text" header={user.active ? '停用用户' : '恢复启用用户'} confirm={user.active ? '确认停用' : '确认启用'} busy={busy} onConfirm={() => void toggleActive()} onCancel={() => setConfirming(null)}>
            {user.active ? `确认停用 ${user.displayName}？停用后该用户不能登录。` : `确认恢复启用 ${user.displayName}？`}
          </ConfirmDialog>
        </form>
      ) : (
        <p className="meta">
          角色：{rolesText(user.roles, '—')} · {user.active ? '在用' : '已停用'}
        </p>
      )}
      <OrgHistory path={`/org/users/${encodeURIComponent(user.username)}/history`} version={props.version} />
    </section>
  );
}
