import { useState, type FormEvent } from 'react';
import { Button } from 'tdesign-react';
import { clearField, type OrgUser } from '../../api';
import { apiClient, bodyOf } from '../../openapi/client';
import { describedBy, ErrorBanner, Field } from '../../ui';
import { bannerError, fieldError, rolesText, type Department, type OnChanged } from './org-model';
import { ContactFields, RolePicker } from './user-fields';

export function CreateUserForm({ department, onChanged }: { department: Department; onChanged: OnChanged }) {
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
      const created = await bodyOf(
        apiClient.POST('/api/org/users', {
          body: {
            username: username.trim(),
            displayName: displayName.trim(),
            departmentCode: department.code,
            // The role picker offers only the API's roles.
            roles: roles as OrgUser['roles'],
            ...(email.trim() ? { email: email.trim() } : {}),
            ...(mobile.trim() ? { mobile: mobile.trim() } : {}),
          },
        }),
      );
      onChanged(`已在“${department.name}”创建用户 ${created.username}（${created.displayName}），角色：${rolesText(created.roles)}。`, { user: created.username });
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
      <ErrorBanner error={bannerError(error)} />
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
      <Button type="submit" theme="primary" loading={busy}>
        创建用户
      </Button>
    </form>
  );
}
