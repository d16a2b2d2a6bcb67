import { useState, type FormEvent } from 'react';
import { Button } from 'tdesign-react';
import { api, ApiFailure, clearField } from '../../api';
import { describedBy, ErrorBanner, Field } from '../../ui';
import { ConfirmDialog } from './ConfirmDialog';
import { allowedParentKinds, fieldError, KIND_LABELS, subtreeOf, type Department } from './org-model';

/** Sends a change and reports it; the caller shows `error` and `busy`. */
function useSend() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async (change: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await change();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, send };
}

const patch = (department: Department, body: Record<string, unknown>) => api('PATCH', `/org/departments/${encodeURIComponent(department.code)}`, body);

export function RenameForm({ department, onChanged }: { department: Department; onChanged: (message: string) => void }) {
  const [name, setName] = useState(department.name);
  const { error, setError, busy, send } = useSend();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send(async () => {
      await patch(department, { name: name.trim() });
      onChanged(`已将“${department.name}”更名为“${name.trim()}”。`);
    });
  };
  return (
    <form className="inline-fields" onSubmit={onSubmit} noValidate>
      <Field id="rename-name" label="单位名称" error={fieldError(error, 'name')}>
        <input id="rename-name" value={name} maxLength={200} onChange={(e) => { setName(e.target.value); setError((current: unknown) => clearField(current, 'name')); }} {...describedBy('rename-name', fieldError(error, 'name'))} />
      </Field>
      <Button type="submit" variant="outline" disabled={busy || name.trim() === department.name}>
        保存名称
      </Button>
      {error && !fieldError(error, 'name') ? <ErrorBanner error={error} /> : null}
    </form>
  );
}

export function MoveForm({ department, departments, onChanged }: { department: Department; departments: Department[]; onChanged: (message: string) => void }) {
  const excluded = subtreeOf(department.code, departments);
  // Inactive units take no sub-units; the current parent stays listed so the select shows where the unit is.
  const options = departments.filter((d) => allowedParentKinds(department.kind).includes(d.kind) && !excluded.has(d.code) && (d.active || d.code === department.parentCode));
  const [parentCode, setParentCode] = useState(department.parentCode ?? '');
  const [confirming, setConfirming] = useState(false);
  const { error, setError, busy, send } = useSend();
  const target = departments.find((d) => d.code === parentCode);
  const move = () =>
    void send(async () => {
      try {
        await patch(department, { parentCode });
        onChanged(`已将“${department.name}”移至“${target?.name ?? parentCode}”之下。`);
      } finally {
        setConfirming(false);
      }
    });
  return (
    <form className="inline-fields" onSubmit={(event) => { event.preventDefault(); setConfirming(true); }} noValidate>
      <Field id="move-parent" label="上级单位" error={fieldError(error, 'parentCode')}>
        <select id="move-parent" value={parentCode} onChange={(e) => { setParentCode(e.target.value); setError(null); }} {...describedBy('move-parent', fieldError(error, 'parentCode'))}>
          {options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name}（{KIND_LABELS[option.kind]}{option.active ? '' : '，已停用'}）
            </option>
          ))}
        </select>
      </Field>
      <Button type="submit" variant="outline" disabled={parentCode === (department.parentCode ?? '')}>
        移动
      </Button>
      <ConfirmDialog visible={confirming} textId="move-confirm-text" header="移动单位" confirm="确认移动" busy={busy} onConfirm={move} onCancel={() => setConfirming(false)}>
        确认将“{department.name}”移至“{target?.name}”之下？
      </ConfirmDialog>
      {error && !fieldError(error, 'parentCode') ? <ErrorBanner error={error} /> : null}
    </form>
  );
}

/**
 * 停用/启用 a unit, after a confirmation. The API refuses (409) to deactivate a unit that still has active
 * users, active sub-units or open work, and lists each reason with its count; they are shown as a list.
 */
export function ActiveToggle({ department, onChanged }: { department: Department; onChanged: (message: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const { error, setError, busy, send } = useSend();
  const deactivating = department.active;
  const toggle = () =>
    void send(async () => {
      try {
        await patch(department, { active: !department.active });
        onChanged(deactivating ? `已停用“${department.name}”。其历史记录仍可查阅。` : `已启用“${department.name}”。`);
      } finally {
        setConfirming(false);
      }
    });
  const reasons = error instanceof ApiFailure && error.status === 409 ? error.fields.filter((f) => f.field === 'active').flatMap((f) => f.problems) : [];
  return (
    <div className="org-active">
      <Button theme={deactivating ? 'danger' : 'default'} variant="outline" onClick={() => { setError(null); setConfirming(true); }}>
        {deactivating ? '停用单位' : '启用单位'}
      </Button>
      <ConfirmDialog visible={confirming} textId="dept-active-confirm-text" header={deactivating ? '停用单位' : '启用单位'} confirm={deactivating ? '确认停用' : '确认启用'} busy={busy} onConfirm={toggle} onCancel={() => setConfirming(false)}>
        {deactivating
          ? `确认停用“${department.name}”？停用后不能在其下新建单位或用户，其用户不能登录；历史记录仍保留。`
          : `确认启用“${department.name}”？启用后可重新在其下新建单位和用户。`}
      </ConfirmDialog>
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
