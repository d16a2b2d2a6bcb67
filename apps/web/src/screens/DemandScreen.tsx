import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiFailure, clearField, idempotencyKey, type SupervisionDemand } from '../api';
import { DEMAND_STATE_LABELS, formatDateTime } from '../format';
import { apiClient, dataOf } from '../openapi/client';
import { queryKeys } from '../query';
import { describedBy, ErrorBanner, Field, Loading } from '../ui';

/**
 * A supervisor's demand (督办) as the department head sees it from the inbox, with the answer form. Loaded
 * with TanStack Query through the generated API client: the pattern for a screen's data.
 */
export function DemandScreen({ id }: { id: string }) {
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [response, setResponse] = useState('');
  const [formError, setFormError] = useState<unknown>(null);
  const loaded = useQuery({
    queryKey: queryKeys.demand(id),
    queryFn: () => dataOf<SupervisionDemand>(apiClient.GET('/api/supervision/demands/{id}', { params: { path: { id } } })),
  });
  const answer = useMutation({
    mutationFn: (text: string) =>
      dataOf<SupervisionDemand>(
        apiClient.POST('/api/supervision/demands/{id}/respond', { params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey()['Idempotency-Key'] } }, body: { response: text } }),
      ),
    // The answer is the demand as it now stands: shown at once, and every other view of it reloads.
    onSuccess: (answered) => {
      queries.setQueryData(queryKeys.demand(id), answered);
      void queries.invalidateQueries({ queryKey: ['supervision-demand'] });
    },
    onError: setFormError,
  });

  const error = formError ?? loaded.error;
  const fieldError = error instanceof ApiFailure ? error.fieldMessage('response') : undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!response.trim()) {
      setFormError(new ApiFailure(400, '请填写答复', [{ field: 'response', problems: ['请填写办理情况或办理计划'] }]));
      return;
    }
    setFormError(null);
    answer.mutate(response.trim());
  };
  const busy = answer.isPending;

  const demand = loaded.data;
  if (!demand) return loaded.error ? <ErrorBanner error={loaded.error} /> : <Loading />;
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
        <form className="card" onSubmit={onSubmit} noValidate>
          <h2>答复督办</h2>
          <ErrorBanner error={error instanceof ApiFailure && error.fields.length ? null : error} />
          <Field id="demand-response" label="办理情况" error={fieldError} required hint="写明已采取的措施，或办结的时间安排。">
            <textarea
              id="demand-response"
              rows={5}
              value={response}
              onChange={(e) => { setResponse(e.target.value); setFormError((current: unknown) => clearField(current, 'response')); }}
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
