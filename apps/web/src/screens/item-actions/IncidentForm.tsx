import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Form, Radio } from 'tdesign-react';
import { ActionFailure, fieldProblem } from '../action-failure';
import { LabelledTextarea } from '../labelled-textarea';
import { useItemActions, type ActionItem } from './item-actions-api';

type Severity = 'major-emergency' | 'public-opinion';

/** 登记舆情: a public-opinion incident about this released item becomes a concern with its own clocks. */
export function IncidentForm({ item }: { item: ActionItem }) {
  const navigate = useNavigate();
  const { registerIncident } = useItemActions(item.id);
  const [summary, setSummary] = useState('');
  const [severity, setSeverity] = useState<Severity>('public-opinion');
  const [missing, setMissing] = useState<string | undefined>();
  const problem = missing ?? fieldProblem(registerIncident.error, 'summary', '请填写舆情摘要（5至2000字）');
  const submit = () => {
    if (summary.trim().length < 5) return setMissing('请填写舆情摘要，至少5个字');
    setMissing(undefined);
    registerIncident.mutate({ summary: summary.trim(), severity }, { onSuccess: (concern) => navigate(`/concerns/${concern.id}`) });
  };
  return (
    <section className="card concern-step" aria-labelledby="incident-title">
      <h2 id="incident-title">登记政务舆情</h2>
      <ActionFailure error={registerIncident.error} />
      <Form labelAlign="top" colon={false} onSubmit={submit}>
        <fieldset className="plain-fieldset">
          <legend>舆情级别</legend>
          <Radio.Group value={severity} onChange={(value) => setSeverity(value as Severity)}>
            <Radio value="public-opinion">一般政务舆情（48小时内回应）</Radio>
            <Radio value="major-emergency">重大突发事件（5小时内发布权威信息，24小时内召开新闻发布会）</Radio>
          </Radio.Group>
        </fieldset>
        <LabelledTextarea id="incident-summary" label="舆情摘要" value={summary} onChange={(value) => { setSummary(value); setMissing(undefined); }} problem={problem} rows={3} maxLength={2000} required />
        <Button type="submit" theme="default" variant="outline" loading={registerIncident.isPending}>
          登记并开始计时
        </Button>
      </Form>
    </section>
  );
}
