import { useState } from 'react';
import { Button, Form, InputNumber, Radio } from 'tdesign-react';
import { formatDateTime } from '../../format';
import { ActionFailure, fieldProblem } from '../action-failure';
import { LabelledTextarea } from '../labelled-textarea';
import { useItemActions, type ActionItem } from './item-actions-api';

const MAX_WORKING_DAYS = 60;

/** 延期: a supervisor gives the release or an open review task more working days, with a reason the audit keeps. */
export function ExtensionForm({ item, targets, onDone }: { item: ActionItem; targets: readonly { value: string; label: string }[]; onDone: (message: string) => void }) {
  const { extend } = useItemActions(item.id);
  const [target, setTarget] = useState(targets[0]?.value ?? 'release');
  const [workingDays, setWorkingDays] = useState<number | undefined>(5);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const problem = (field: string, fallback: string) => problems[field] ?? fieldProblem(extend.error, field, fallback);
  const daysProblem = problem('workingDays', `请填写1至${MAX_WORKING_DAYS}之间的整数`);

  const submit = () => {
    const found: Record<string, string> = {};
    if (!workingDays || !Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_WORKING_DAYS) found.workingDays = `请填写1至${MAX_WORKING_DAYS}之间的整数`;
    if (!reason.trim()) found.reason = '请填写延期理由';
    setProblems(found);
    if (Object.keys(found).length) return;
    extend.mutate({ target, workingDays: workingDays!, reason: reason.trim() }, { onSuccess: () => onDone(`已延期${workingDays}个工作日，新的截止时间见事项详情的“时限”。`) });
  };
  const current = target === 'release' ? item.releaseDueAt : item.tasks.find((task) => task.id === target)?.dueAt;

  return (
    <section className="card concern-step" aria-labelledby="extension-title">
      <h2 id="extension-title">延长时限</h2>
      <ActionFailure error={extend.error} />
      <Form labelAlign="top" colon={false} onSubmit={submit}>
        <fieldset className="plain-fieldset">
          <legend>延长哪一项时限</legend>
          <Radio.Group value={target} onChange={(value) => setTarget(String(value))}>
            {targets.map((option) => (
              <Radio key={option.value} value={option.value}>
                {option.label}
              </Radio>
            ))}
          </Radio.Group>
          {current ? <p className="hint">当前截止：{formatDateTime(current)}</p> : null}
        </fieldset>
        <div className="labelled-control extension-days">
          <label>
            <span className="control-label">延长工作日数</span>
            <InputNumber value={workingDays} onChange={(value) => setWorkingDays(value === undefined || value === null ? undefined : Number(value))} min={1} max={MAX_WORKING_DAYS} decimalPlaces={0} theme="normal" status={daysProblem ? 'error' : 'default'} />
          </label>
          {daysProblem ? <p className="field-error" role="alert">{daysProblem}</p> : null}
        </div>
        <LabelledTextarea id="extension-reason" label="延期理由" hint="记入办理过程，审计可查。" value={reason} onChange={setReason} problem={problem('reason', '请填写延期理由（不超过2000字）')} rows={2} maxLength={2000} required />
        <Button type="submit" theme="primary" loading={extend.isPending}>
          批准延期
        </Button>
      </Form>
    </section>
  );
}
