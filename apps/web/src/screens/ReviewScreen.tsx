import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure, clearField, idempotencyKey } from '../api';
import { DECISION_LABELS, formatDate, formatDateTime, STATE_LABELS } from '../format';
import { elementsOf, type ItemDetail } from '../item-types';
import { navigate } from '../router';
import { describedBy, Elements, ErrorBanner, Field, Loading, StateBadge } from '../ui';

type Decision = 'approve' | 'return' | 'reject';

/** The review screen: content, catalog elements, earlier comments, and the decision form. */
export function ReviewScreen({ itemId, taskId }: { itemId: string; taskId: string }) {
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [decision, setDecision] = useState<Decision>('approve');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    api<ItemDetail>('GET', `/items/${itemId}`).then(setItem, setError);
  }, [itemId]);

  const task = item?.tasks.find((t) => t.id === taskId);
  const earlier = item?.tasks.filter((t) => t.decision && t.id !== taskId) ?? [];
  const fieldError = (field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // The workflow insists on a comment for return and reject; saying so here saves a round trip.
    if (decision !== 'approve' && !comment.trim()) {
      setError(new ApiFailure(400, '退回或不予通过须填写意见', [{ field: 'comment', problems: ['退回或不予通过时必须填写审核意见'] }]));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/tasks/${taskId}/complete`, { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) }, idempotencyKey());
      setDone(`已提交：${DECISION_LABELS[decision]}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (!item) return error ? <ErrorBanner error={error} /> : <Loading />;
  return (
    <section className="page" aria-labelledby="review-title">
      <p className="breadcrumb">
        <a href="#/inbox">待办审核</a> › {task?.stageLabel ?? '审核'}
      </p>
      <h1 id="review-title">{item.title}</h1>
      <p className="meta">
        <StateBadge state={item.state} label={STATE_LABELS[item.state] ?? item.state} /> 起草人 {item.drafter} · 形成日期 {formatDate(item.formedAt)} · 法定公开时限{' '}
        {formatDateTime(item.releaseDueAt)}
      </p>
      <div className="two-columns">
        <div>
          <article className="card">
            <h2>公开内容</h2>
            <div className="body-text">{item.body}</div>
            {item.interpretation ? (
              <>
                <h3>政策解读</h3>
                <div className="body-text">{item.interpretation}</div>
              </>
            ) : null}
          </article>
          <section className="card" aria-labelledby="elements-title">
            <h2 id="elements-title">目录要素（{item.catalogItem.code}）</h2>
            <Elements elements={elementsOf(item.catalogItem)} />
          </section>
        </div>
        <div>
          <section className="card" aria-labelledby="comments-title">
            <h2 id="comments-title">此前审核意见</h2>
            {earlier.length === 0 ? (
              <p className="muted">暂无。</p>
            ) : (
              <ol className="comments">
                {earlier.map((t) => (
                  <li key={t.id}>
                    <strong>{t.stageLabel}</strong> · {DECISION_LABELS[t.decision ?? ''] ?? t.decision} · {t.decidedBy} · {formatDateTime(t.completedAt)}
                    {t.comment ? <p>{t.comment}</p> : null}
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section className="card" aria-labelledby="decide-title">
            <h2 id="decide-title">审核决定{task ? `：${task.stageLabel}` : ''}</h2>
            {task ? <p className="muted">办理时限 {formatDateTime(task.dueAt)}</p> : null}
            {done ? (
              <div className="banner banner-success" role="status">
                {done}。<a href="#/inbox">返回待办</a> · <a href={`#/items/${item.id}`}>查看事项</a>
              </div>
            ) : task && task.state !== 'open' ? (
              <p className="muted">该任务已办结。</p>
            ) : (
              <form onSubmit={(e) => void onSubmit(e)} noValidate>
                <ErrorBanner error={error instanceof ApiFailure && error.fields.length ? null : error} />
                <fieldset className="field" {...describedBy('decision', fieldError('decision'))}>
                  <legend>审核结论</legend>
                  {(['approve', 'return', 'reject'] as const).map((value) => (
                    <label key={value} className="radio">
                      <input type="radio" name="decision" value={value} checked={decision === value} onChange={() => setDecision(value)} />
                      {DECISION_LABELS[value]}
                    </label>
                  ))}
                  {fieldError('decision') ? <p className="field-error" id="decision-error">{fieldError('decision')}</p> : null}
                </fieldset>
                <Field id="comment" label="审核意见" error={fieldError('comment')} required={decision !== 'approve'} hint="退回修改或不予通过时必须填写。">
                  <textarea id="comment" rows={4} value={comment} onChange={(e) => { setComment(e.target.value); setError((current: unknown) => clearField(current, 'comment')); }} {...describedBy('comment', fieldError('comment'), true)} />
                </Field>
                <div className="actions">
                  <button type="submit" className="button button-primary" disabled={busy}>
                    提交审核决定
                  </button>
                  <button type="button" className="button" onClick={() => navigate('/inbox')}>
                    返回
                  </button>
                </div>
              </form>
            )}
          </section>
        </div>
      </div>
    </section>
  );
}
