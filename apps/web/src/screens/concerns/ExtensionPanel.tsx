import { useState } from 'react';
import { Button, Form } from 'tdesign-react';
import { ActionFailure, fieldProblem } from '../action-failure';
import { LabelledTextarea } from '../labelled-textarea';
import { useConcernStep } from './concern-api';
import type { Concern } from './concern-types';

/** 延期: the disclosure office extends a complex message's working-day limit, once, with a reason. */
export function ExtensionPanel({ concern }: { concern: Concern }) {
  const { extend } = useConcernStep(concern.id);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const problem = missing ?? fieldProblem(extend.error, 'reason', '请填写延期理由（不超过2000字）');
  const submit = () => {
    if (!reason.trim()) return setMissing('请填写延期理由');
    setMissing(undefined);
    extend.mutate(reason.trim());
  };
  return (
    <section className="card concern-step" aria-labelledby="extension-title">
      <h2 id="extension-title">延长答复期限</h2>
      <p className="muted">情况复杂的留言可延长一次答复期限，延期理由记入办理过程。</p>
      <ActionFailure error={extend.error} />
      <Form labelAlign="top" colon={false} onSubmit={submit}>
        <LabelledTextarea id="concern-extension-reason" label="延期理由" value={reason} onChange={(value) => { setReason(value); setMissing(undefined); }} problem={problem} rows={2} maxLength={2000} required />
        <Button type="submit" theme="default" variant="outline" loading={extend.isPending}>
          延长答复期限
        </Button>
      </Form>
    </section>
  );
}
