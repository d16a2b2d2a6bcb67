import { useState, type FormEvent } from 'react';
import { ApiFailure, clearField, commentOnItem, demandAction, extendDeadline, type OverdueRowView } from '../api';
import { Button } from 'tdesign-react';
import { describedBy, ErrorBanner, Field } from '../ui';
import { issueApplicationDemand } from './applications/application-demands';

type Action = 'demand' | 'comment' | 'extend';

const ACTION_LABELS: Record<Action, string> = { demand: '督办（要求部门办理）', comment: '督查意见', extend: '延期' };

/**
 * What a supervisor can do about an overdue row: demand action from the department (督办), leave a remark
 * (督查意见), or extend a deadline with a reason. Each submit carries a fresh Idempotency-Key.
 */
export function RowActions({ row, onDone, onCancel }: { row: OverdueRowView; onDone: (message: string) => void; onCancel: () => void }) {
  const [action, setAction] = useState<Action>('demand');
  const [reason, setReason] = useState('');
  const [workingDays, setWorkingDays] = useState('3');
  const [target, setTarget] = useState<string>(row.kind === 'sla' && row.stillOverdue && row.taskId ? row.taskId : 'release');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `action-${row.itemId}-${row.taskId ?? 'item'}`;
  const fieldError = (field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);
  // The text box is `reason` for a demand or an extension and `comment` for a remark: one box, the API's name.
  const textField = action === 'comment' ? 'comment' : 'reason';
  const daysField = action === 'demand' ? 'dueWorkingDays' : 'workingDays';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text) {
      setError(new ApiFailure(400, '请填写内容', [{ field: textField, problems: [action === 'comment' ? '请填写督查意见' : '请填写事由'] }]));
      return;
    }
    const days = Number(workingDays);
    setBusy(true);
    setError(null);
    try {
      if (action === 'demand') {
        const demand = await demandAction({ itemId: row.itemId, reason: text, dueWorkingDays: days });
        onDone(`已督办${demand.departmentName}，请于 ${new Date(demand.dueAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })} 前答复。`);
      } else if (action === 'comment') {
        await commentOnItem(row.itemId, text);
        onDone('督查意见已记录。');
      } else {
        await extendDeadline(row.itemId, { target, workingDays: days, reason: text });
        onDone(`已延期 ${days} 个工作日。`);
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="row-actions" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={`对“${row.title}”的督办操作`}>
      <fieldset className="field">
        <legend>操作</legend>
        {(Object.keys(ACTION_LABELS) as Action[]).map((value) => (
          <label key={value} className="radio">
            <input type="radio" name={`${prefix}-action`} value={value} checked={action === value} onChange={() => { setAction(value); setError(null); }} />
            {ACTION_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <ErrorBanner error={error instanceof ApiFailure && error.fields.length ? null : error} />
      {action === 'extend' ? (
        <Field id={`${prefix}-target`} label="延期对象" error={fieldError('target')}>
          <select id={`${prefix}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="release">法定公开时限</option>
            {row.taskId && row.stillOverdue && row.kind === 'sla' ? <option value={row.taskId}>{row.stageLabel ?? '本环节'}办理时限</option> : null}
          </select>
        </Field>
      ) : null}
      <Field
        id={`${prefix}-text`}
        label={action === 'demand' ? '督办事由' : action === 'comment' ? '督查意见' : '延期理由'}
        error={fieldError(textField)}
        required
        hint={action === 'demand' ? '写明要求部门办理的事项；部门负责人将在待办中答复。' : undefined}
      >
        <textarea
          id={`${prefix}-text`}
          rows={3}
          value={reason}
          onChange={(e) => { setReason(e.target.value); setError((current: unknown) => clearField(current, textField)); }}
          {...describedBy(`${prefix}-text`, fieldError(textField), action === 'demand')}
        />
      </Field>
      {action !== 'comment' ? (
        <Field id={`${prefix}-days`} label={action === 'demand' ? '答复期限（工作日）' : '延长工作日'} error={fieldError(daysField)}>
          <input
            id={`${prefix}-days`}
            type="number"
            min={1}
            max={action === 'demand' ? 30 : 60}
            value={workingDays}
            onChange={(e) => { setWorkingDays(e.target.value); setError((current: unknown) => clearField(current, daysField)); }}
            {...describedBy(`${prefix}-days`, fieldError(daysField))}
          />
        </Field>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {action === 'demand' ? '发出督办' : action === 'comment' ? '提交意见' : '确认延期'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}

/**
 * 督办 on an application (依申请公开): the reason and the response date; the department holding the
 * application answers on its page with 说明情况 and 整改措施. The submit carries a fresh Idempotency-Key.
 */
export function ApplicationDemandForm({ applicationId, queryNumber, onDone, onCancel }: { applicationId: string; queryNumber: string; onDone: (message: string) => void; onCancel?: () => void }) {
  const [reason, setReason] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `application-demand-${applicationId}`;
  const fieldError = (field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = [
      ...(reason.trim() ? [] : [{ field: 'reason', problems: ['请填写督办事由'] }]),
      ...(dueDate ? [] : [{ field: 'dueDate', problems: ['请选择答复期限'] }]),
    ];
    if (problems.length) {
      setError(new ApiFailure(400, '请填写督办内容', problems));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const demand = await issueApplicationDemand(applicationId, { reason: reason.trim(), dueDate });
      onDone(`已督办${demand.departmentName}（申请 ${queryNumber}），请于 ${demand.dueDate} 前答复。`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="row-actions" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={`对申请 ${queryNumber} 督办`}>
      <ErrorBanner error={error instanceof ApiFailure && error.fields.length ? null : error} />
      <Field id={`${prefix}-reason`} label="督办事由" error={fieldError('reason')} required hint="写明要求承办部门说明的情况和整改的事项。">
        <textarea
          id={`${prefix}-reason`}
          rows={3}
          value={reason}
          onChange={(e) => { setReason(e.target.value); setError((current: unknown) => clearField(current, 'reason')); }}
          {...describedBy(`${prefix}-reason`, fieldError('reason'), true)}
        />
      </Field>
      <Field id={`${prefix}-due`} label="答复期限" error={fieldError('dueDate')} required>
        <input
          id={`${prefix}-due`}
          type="date"
          value={dueDate}
          onChange={(e) => { setDueDate(e.target.value); setError((current: unknown) => clearField(current, 'dueDate')); }}
          {...describedBy(`${prefix}-due`, fieldError('dueDate'))}
        />
      </Field>
      <div className="actions">
        <Button type="submit" theme="primary" loading={busy}>
          发出督办
        </Button>
        {onCancel ? (
          <Button type="button" variant="outline" onClick={onCancel}>
            取消
          </Button>
        ) : null}
      </div>
    </form>
  );
}
