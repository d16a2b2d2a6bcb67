import { useState } from 'react';
import { Alert, Button, Form } from 'tdesign-react';
import { ActionFailure, fieldProblem } from '../action-failure';
import { LabelledTextarea } from '../labelled-textarea';
import { useConcernStep } from './concern-api';
import type { Concern } from './concern-types';

const MAX_LENGTH = 5000;

/** 答复: a drafter of the assigned department writes the answer (again, after a return) and sends it for review. */
export function ResponseEditor({ concern }: { concern: Concern }) {
  const { draft } = useConcernStep(concern.id);
  const [text, setText] = useState(concern.draft ?? '');
  const [missing, setMissing] = useState<string | undefined>();
  const problem = missing ?? fieldProblem(draft.error, 'draft', `请填写答复内容（不超过${MAX_LENGTH}字）`);
  const submit = () => {
    if (!text.trim()) return setMissing('请填写答复内容');
    setMissing(undefined);
    draft.mutate(text.trim());
  };
  return (
    <section className="card concern-step" aria-labelledby="response-title">
      <h2 id="response-title">起草答复</h2>
      {concern.returnComment ? <Alert theme="warning" message={`审核退回意见：${concern.returnComment}`} className="action-failure" /> : null}
      <ActionFailure error={draft.error} />
      <Form labelAlign="top" onSubmit={submit} colon={false}>
        <LabelledTextarea
          id="concern-response"
          label="答复内容"
          value={text}
          onChange={(value) => { setText(value); setMissing(undefined); }}
          hint={concern.kind === 'message' ? '答复将与留言一并在政务公开专栏公开（留言人的联系方式不公开）。' : '答复即为公开回应的权威信息，经部门负责人审核后公开。'}
          problem={problem}
          rows={8}
          maxLength={MAX_LENGTH}
          required
        />
        <Button type="submit" theme="primary" loading={draft.isPending}>
          提交部门负责人审核
        </Button>
      </Form>
    </section>
  );
}
