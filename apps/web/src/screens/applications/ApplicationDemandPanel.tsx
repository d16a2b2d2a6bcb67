import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from 'tdesign-react';
import { ApiFailure, clearField, type Actor } from '../../api';
import { formatDateTime } from '../../format';
import { queryKeys } from '../../query';
import { describedBy, ErrorBanner, Field, Loading } from '../../ui';
import { ApplicationDemandForm } from '../supervision/ApplicationDemandForm';
import {
  answerApplicationDemand,
  closeApplicationDemand,
  DEMAND_BADGE_CLASSES,
  isSupervisor,
  loadApplicationDemands,
  mayAnswer,
  type ApplicationDemand,
} from './application-demands';

/**
 * The 督办 on one application, on its page: each demand with its answer and closing; the answer form
 * (说明情况, 整改措施) for the department it was issued to, the closing form for supervisors, and a new
 * demand for supervisors while none is open.
 */
export function ApplicationDemandPanel({ applicationId, queryNumber, actor, onChanged }: { applicationId: string; queryNumber: string; actor: Actor; onChanged: () => void }) {
  const queries = useQueryClient();
  const [issuing, setIssuing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const loaded = useQuery({ queryKey: queryKeys.applicationDemands(applicationId), queryFn: () => loadApplicationDemands(applicationId) });
  const changed = (message: string) => {
    setNotice(message);
    setIssuing(false);
    void queries.invalidateQueries({ queryKey: queryKeys.applicationDemands(applicationId) });
    onChanged();
  };

  if (!loaded.data) return loaded.error ? <ErrorBanner error={loaded.error} /> : <Loading />;
  const demands = loaded.data.items;
  const supervisor = isSupervisor(actor);
  if (demands.length === 0 && !supervisor) return null;
  const open = demands.some((demand) => demand.state !== 'closed');
  return (
    <section aria-labelledby="application-demands-title" className="application-demands">
      <h2 id="application-demands-title">督办</h2>
      {notice ? (
        <p className="banner banner-success" role="status">
          {notice}
        </p>
      ) : null}
      {demands.map((demand) => (
        <DemandCard key={demand.id} demand={demand} actor={actor} onChanged={changed} />
      ))}
      {supervisor && !open ? (
        issuing ? (
          <ApplicationDemandForm applicationId={applicationId} queryNumber={queryNumber} onDone={changed} onCancel={() => setIssuing(false)} />
        ) : (
          <Button type="button" theme="primary" variant="outline" onClick={() => setIssuing(true)}>
            督办
          </Button>
        )
      ) : null}
    </section>
  );
}

function DemandCard({ demand, actor, onChanged }: { demand: ApplicationDemand; actor: Actor; onChanged: (message: string) => void }) {
  const answerable = (demand.state === 'open' || demand.state === 'overdue') && mayAnswer(actor, demand);
  const closable = demand.state === 'answered' && isSupervisor(actor);
  return (
    <article className={`card demand-card${demand.state === 'overdue' ? ' demand-overdue' : ''}`} data-demand-id={demand.id} aria-label={`督办：${demand.reason}`}>
      <dl className="elements">
        <Row label="状态">
          <span className={DEMAND_BADGE_CLASSES[demand.state]}>{demand.stateLabel}</span>
          {demand.late ? <span className="badge badge-overdue">逾期答复</span> : null}
        </Row>
        <Row label="督办事由">{demand.reason}</Row>
        <Row label="督办人">
          {demand.demandedByName} · {formatDateTime(demand.createdAt)}
        </Row>
        <Row label="答复部门">{demand.departmentName}{demand.answeringRole === 'reviewer' ? '（部门负责人）' : '（政务公开工作人员）'}</Row>
        <Row label="答复期限">
          {demand.dueDate}
          {demand.remindedAt && demand.respondedAt === null ? <span className="muted">（已于 {formatDateTime(demand.remindedAt)} 提醒）</span> : null}
        </Row>
        {demand.situation !== null ? <Row label="说明情况">{demand.situation}</Row> : null}
        {demand.measures !== null ? <Row label="整改措施">{demand.measures}</Row> : null}
        {demand.respondedAt ? (
          <Row label="答复人">
            {demand.responder} · {formatDateTime(demand.respondedAt)}
          </Row>
        ) : null}
        {demand.closedAt ? (
          <Row label="办结">
            {demand.closedBy} · {formatDateTime(demand.closedAt)}
            {demand.closingRemark ? `：${demand.closingRemark}` : ''}
          </Row>
        ) : null}
      </dl>
      {answerable ? <AnswerForm demand={demand} onDone={onChanged} /> : null}
      {closable ? <CloseForm demand={demand} onDone={onChanged} /> : null}
    </article>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="element-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function AnswerForm({ demand, onDone }: { demand: ApplicationDemand; onDone: (message: string) => void }) {
  const [values, setValues] = useState({ situation: '', measures: '' });
  const [error, setError] = useState<unknown>(null);
  const answer = useMutation({
    mutationFn: () => answerApplicationDemand(demand, { situation: values.situation.trim(), measures: values.measures.trim() }),
    onSuccess: () => onDone('督办已答复，等待督查人员办结。'),
    onError: setError,
  });
  const fieldError = (field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems = [
      ...(values.situation.trim() ? [] : [{ field: 'situation', problems: ['请说明情况'] }]),
      ...(values.measures.trim() ? [] : [{ field: 'measures', problems: ['请填写整改措施'] }]),
    ];
    if (problems.length) {
      setError(new ApiFailure(400, '请填写答复', problems));
      return;
    }
    setError(null);
    answer.mutate();
  };
  const box = (field: 'situation' | 'measures', label: string, hint: string) => {
    const id = `demand-${demand.id}-${field}`;
    return (
      <Field id={id} label={label} error={fieldError(field)} required hint={hint}>
        <textarea
          id={id}
          rows={3}
          value={values[field]}
          onChange={(e) => { setValues({ ...values, [field]: e.target.value }); setError((current: unknown) => clearField(current, field)); }}
          {...describedBy(id, fieldError(field), true)}
        />
      </Field>
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label="答复督办">
      <h3>答复督办</h3>
      <ErrorBanner error={error instanceof ApiFailure && error.fields.length ? null : error} />
      {box('situation', '说明情况', '申请未按期办理（或可能逾期）的原因和目前的进展。')}
      {box('measures', '整改措施', '已经或将要采取的措施，以及完成时间。')}
      <div className="actions">
        <Button type="submit" theme="primary" loading={answer.isPending}>
          提交答复
        </Button>
      </div>
    </form>
  );
}

function CloseForm({ demand, onDone }: { demand: ApplicationDemand; onDone: (message: string) => void }) {
  const [remark, setRemark] = useState('');
  const [error, setError] = useState<unknown>(null);
  const close = useMutation({ mutationFn: () => closeApplicationDemand(demand, remark.trim()), onSuccess: () => onDone('督办已办结。'), onError: setError });
  const id = `demand-${demand.id}-remark`;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        close.mutate();
      }}
      noValidate
      aria-label="办结督办"
    >
      <ErrorBanner error={error} />
      <Field id={id} label="办结意见" hint="可选：对答复的评价或后续要求。">
        <textarea id={id} rows={2} value={remark} onChange={(e) => setRemark(e.target.value)} {...describedBy(id, undefined, true)} />
      </Field>
      <div className="actions">
        <Button type="submit" theme="success" loading={close.isPending}>
          办结督办
        </Button>
      </div>
    </form>
  );
}
