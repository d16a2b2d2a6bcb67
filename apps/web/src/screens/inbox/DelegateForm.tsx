import { useState, type FormEvent } from 'react';
import { Button } from 'tdesign-react';
import { ApiFailure, delegateTask, type Delegates } from '../../api';
import { describedBy, ErrorBanner, Field } from '../../ui';

/** 转交: a colleague of the same role and department, and a note; native select and textarea inside our Field. */
export function DelegateForm(props: { taskId: string; delegates: Delegates['items']; onDelegated: (name: string) => void; onCancel: () => void }) {
  const { delegates } = props;
  const [to, setTo] = useState(delegates[0]?.username ?? '');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fieldError = (field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);
  const toError = fieldError('to') ?? fieldError('delegateTo');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!to) {
      setError(new ApiFailure(400, '请选择转交对象', [{ field: 'to', problems: ['请选择一位同岗位的同事'] }]));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await delegateTask(props.taskId, to, note.trim() || undefined);
      props.onDelegated(delegates.find((person) => person.username === to)?.displayName ?? to);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (delegates.length === 0) {
    return (
      <p className="muted" id="delegate-form">
        本部门没有其他同岗位人员可以转交。
      </p>
    );
  }
  return (
    <form id="delegate-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorBanner error={error instanceof ApiFailure && error.fields.length ? null : error} />
      <Field id="delegate-to" label="转交给（同部门同岗位）" error={toError} required>
        <select id="delegate-to" value={to} onChange={(e) => setTo(e.target.value)} {...describedBy('delegate-to', toError)}>
          {delegates.map((person) => (
            <option key={person.username} value={person.username}>
              {person.displayName}（{person.username}）
            </option>
          ))}
        </select>
      </Field>
      <Field id="delegate-note" label="转交说明" error={fieldError('comment')}>
        <textarea id="delegate-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} {...describedBy('delegate-note', fieldError('comment'))} />
      </Field>
      <div className="actions">
        <Button type="submit" theme="primary" disabled={busy}>
          确认转交
        </Button>
        <Button theme="default" variant="outline" onClick={props.onCancel}>
          取消
        </Button>
      </div>
    </form>
  );
}
