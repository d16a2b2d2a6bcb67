import { useState } from 'react';
import { Button, Form } from 'tdesign-react';
import { ActionFailure, fieldProblem } from '../action-failure';
import { LabelledTextarea } from '../labelled-textarea';
import { useConcernStep } from './concern-api';
import type { Concern } from './concern-types';

/** 新闻发布会: for a major emergency, the office or the department's leader records that the conference was held. */
export function PressConferencePanel({ concern }: { concern: Concern }) {
  const { pressConference } = useConcernStep(concern.id);
  const [summary, setSummary] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const problem = missing ?? fieldProblem(pressConference.error, 'summary', '请填写发布会情况（不超过2000字）');
  const submit = () => {
    if (!summary.trim()) return setMissing('请填写发布会情况');
    setMissing(undefined);
    pressConference.mutate(summary.trim());
  };
  return (
    <section className="card concern-step" aria-labelledby="press-title">
      <h2 id="press-title">登记新闻发布会</h2>
      <ActionFailure error={pressConference.error} />
      <Form labelAlign="top" colon={false} onSubmit={submit}>
        <LabelledTextarea id="concern-press-summary" label="发布会情况" hint="时间、发布人和通报的主要内容。" value={summary} onChange={(value) => { setSummary(value); setMissing(undefined); }} problem={problem} rows={3} maxLength={2000} required />
        <Button type="submit" theme="default" variant="outline" loading={pressConference.isPending}>
          登记已召开
        </Button>
      </Form>
    </section>
  );
}
