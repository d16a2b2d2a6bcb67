import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiFailure, clearField, loadSupervisionDemand, respondToDemand, type SupervisionDemand } from '../api';
import { DEMAND_STATE_LABELS, formatDateTime } from '../format';
import { describedBy, ErrorBanner, Field, Loading } from '../ui';

/** A supervisor's demand (督办) as the department head sees it from the inbox, with the answer form. */
export function DemandScreen({ id }: { id: string }) {
  const navigate = useNavigate();
  const [demand, setDemand] = useState<SupervisionDemand | null>(null);
  const [response, setResponse] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    loadSupervisionDemand(id).then(setDemand, setError);
  }, [id]);

  const fieldError = error instanceof ApiFailure ? error.fieldMessage('response') : undefined;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!response.trim()) {
      setError(new ApiFailure(400, '请填写答复', [{ field: 'response', problems: ['请填写办理情况或办理计划'] }]));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setDemand(await respondToDemand(id, response.trim()));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (!demand) return error ? <ErrorBanner error={error} /> : <Loading />;
  const overdue = demand.state === 'overdue' || (demand.state === 'open' && Date.parse(demand.dueAt) < Date.now());
  return (
    <section className="page narrow" aria-labelledby="demand-title">
      <p className="breadcrumb">
        <Link to="/inbox">待办审核</Link> › 督办
      </p>
      <h1 id="demand-title">督办：{demand.itemTitle}</h1>
      <article className={`card demand-card${overdue ? ' demand-overdue' : ''}`}>
        <dl className="elements">
          <div className="element-row">
            <dt>督办事由</dt>
            <dd>{demand.reason}</dd>
          </div>
          <div className="element-row">
            <dt>督办人</dt>
            <dd>
              {demand.demandedByName} · {formatDateTime(demand.createdAt)}
            </dd>
          </div>
          <div className="element-row">
            <dt>责任部门</dt>
            <dd>{demand.departmentName}</dd>
          </div>
          <div className="element-row">
            <dt>答复期限</dt>
            <dd>
              {formatDateTime(demand.dueAt)}（{demand.dueWorkingDays}个工作日）
              {overdue && demand.state !== 'answered' ? <span className="badge badge-overdue">已逾期</span> : null}
            </dd>
          </div>
          <div className="element-row">
            <dt>状态</dt>
            <dd>{DEMAND_STATE_LABELS[demand.state]}</dd>
          </div>
          <div className="element-row">
            <dt>公开事项</dt>
            <dd>
              <Link to={`/items/${demand.itemId}`}>查看事项详情</Link>
            </dd>
          </div>
        </dl>
      </article>
      {demand.state === 'answered' ? (
        <div className="banner banner-success" role="status">
          已答复（{demand.responder} · {formatDateTime(demand.respondedAt)}{demand.late ? '，逾期答复' : ''}）：{demand.response}
          <div>
            <Link to="/inbox">返回待办</Link>
          </div>
        </div>
      ) : (
        <form className="card" onSubmit={(event) => void onSubmit(event)} noValidate>
          <h2>答复督办</h2>
          <ErrorBanner error={error instanceof ApiFailure && error.fields.length ? null : error} />
          <Field id="demand-response" label="办理情况" error={fieldError} required hint="写明已采取的措施，或办结的时间安排。">
            <textarea
              id="demand-response"
              rows={5}
              value={response}
              onChange={(e) => { setResponse(e.target.value); setError((current: unknown) => clearField(current, 'response')); }}
              {...describedBy('demand-response', fieldError, true)}
            />
          </Field>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              提交答复
            </button>
            <button type="button" className="button" onClick={() => navigate('/inbox')}>
              返回
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
