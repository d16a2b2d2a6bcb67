import { useState, type FormEvent } from 'react';
import { Button } from 'tdesign-react';
import { clearField, type DepartmentKind } from '../../api';
import { apiClient, bodyOf } from '../../openapi/client';
import { describedBy, ErrorBanner, Field } from '../../ui';
import { bannerError, fieldError, KIND_LABELS, type Department, type OnChanged } from './org-model';

export function CreateDepartmentForm({ parent, onChanged }: { parent: Department; onChanged: OnChanged }) {
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
      const created = await bodyOf(apiClient.POST('/api/org/departments', { body: { code: code.trim(), name: name.trim(), kind, parentCode: parent.code } }));
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
      <ErrorBanner error={bannerError(error)} />
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
      <Button type="submit" theme="primary" loading={busy}>
        创建单位
      </Button>
    </form>
  );
}
