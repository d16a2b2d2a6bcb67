import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiFailure, claimTask, clearField, delegateTask, idempotencyKey, loadDelegates, loadSession, loadTask, unclaimTask, type Delegates, type TaskView } from '../api';
import { DECISION_LABELS, formatDate, formatDateTime, STATE_LABELS } from '../format';
import { elementsOf, type ItemDetail } from '../item-types';
import { describedBy, Elements, ErrorBanner, Field, Loading, StateBadge } from '../ui';
import { FindingsPanel, HighlightedText, usePersonalInformation } from './PersonalInformationFindings';

type Decision = 'approve' | 'return' | 'reject';

/** The review screen: content, catalog elements, earlier comments, and the decision form. */
export function ReviewScreen({ itemId, taskId }: { itemId: string; taskId: string }) {
  const navigate = useNavigate();
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [decision, setDecision] = useState<Decision>('approve');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { findings, reload: reloadFindings } = usePersonalInformation(itemId);

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
        <Link to="/inbox">待办审核</Link> › {task?.stageLabel ?? '审核'}
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
            <HighlightedText text={item.body} field="body" findings={findings} />
            {item.interpretation ? (
              <>
                <h3>政策解读</h3>
                <HighlightedText text={item.interpretation} field="interpretation" findings={findings} />
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
          <FindingsPanel itemId={itemId} findings={findings} canJustify={task?.stage === 'confidentiality-review' && task.state === 'open'} onChanged={reloadFindings} />
          {task && task.state === 'open' && !done ? <TaskHolding taskId={taskId} /> : null}
          <section className="card" aria-labelledby="decide-title">
            <h2 id="decide-title">审核决定{task ? `：${task.stageLabel}` : ''}</h2>
            {task ? <p className="muted">办理时限 {formatDateTime(task.dueAt)}</p> : null}
            {done ? (
              <div className="banner banner-success" role="status">
                {done}。<Link to="/inbox">返回待办</Link> · <Link to={`/items/${item.id}`}>查看事项</Link>
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

/**
 * Who holds the task, with 认领 (claim), 释放 (release) and 转交 (delegate to a colleague of the same role).
 * Each change is announced in the status line for screen readers.
 */
function TaskHolding({ taskId }: { taskId: string }) {
  const me = loadSession()?.actor.username;
  const [view, setView] = useState<TaskView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [delegates, setDelegates] = useState<Delegates['items'] | null>(null);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [handedTo, setHandedTo] = useState<string | null>(null);
  const fieldError = (field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);

  useEffect(() => {
    loadTask(taskId).then(setView, (caught: unknown) => {
      // Not one of mine (403): the screen stays readable, without the buttons.
      if (!(caught instanceof ApiFailure && caught.status === 403)) setError(caught);
    });
  }, [taskId]);

  const act = async (action: () => Promise<unknown>, said: string) => {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      await action();
      setView(await loadTask(taskId));
      setStatus(said);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const openDelegation = async () => {
    setError(null);
    try {
      const list = await loadDelegates(taskId);
      setDelegates(list.items);
      setTo(list.items[0]?.username ?? '');
    } catch (caught) {
      setError(caught);
    }
  };

  const onDelegate = async (event: FormEvent) => {
    event.preventDefault();
    if (!to) {
      setError(new ApiFailure(400, '请选择转交对象', [{ field: 'to', problems: ['请选择一位同岗位的同事'] }]));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await delegateTask(taskId, to, note.trim() || undefined);
      const name = delegates?.find((person) => person.username === to)?.displayName ?? to;
      setHandedTo(name);
      setDelegates(null);
      setStatus(`已转交给 ${name}。`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (!view && !error) return null;
  const holder = !view
    ? ''
    : view.assignee && view.assignee !== me
      ? `已转交给 ${view.assignee}`
      : view.claimedBy === me
        ? view.delegatedBy && view.assignee === me
          ? `由 ${view.delegatedBy} 转交给我`
          : '已由我认领'
        : view.claimedBy
          ? `已由 ${view.claimedBy} 认领`
          : '未认领（本岗位人员均可办理）';

  return (
    <section className="card task-holding" aria-labelledby="holding-title">
      <h2 id="holding-title">任务认领与转交</h2>
      <ErrorBanner error={error instanceof ApiFailure && error.fields.length ? null : error} />
      {view ? (
        <p>
          认领状态：<strong data-testid="holding-state">{handedTo ? `已转交给 ${handedTo}` : holder}</strong>
        </p>
      ) : null}
      {view && !handedTo ? (
        <div className="actions">
          {!view.claimedBy ? (
            <button type="button" className="button" disabled={busy} onClick={() => void act(() => claimTask(taskId), '已认领，其他人不能再认领此任务。')}>
              认领
            </button>
          ) : null}
          {view.claimedBy === me ? (
            <button type="button" className="button" disabled={busy} onClick={() => void act(() => unclaimTask(taskId), '已释放，本岗位其他人员可以认领。')}>
              释放
            </button>
          ) : null}
          {!view.claimedBy || view.claimedBy === me ? (
            <button type="button" className="button" disabled={busy} aria-expanded={delegates !== null} aria-controls="delegate-form" onClick={() => (delegates ? setDelegates(null) : void openDelegation())}>
              转交…
            </button>
          ) : null}
        </div>
      ) : null}
      <p className="holding-status" role="status" aria-live="polite">
        {status}
      </p>
      {delegates && !handedTo ? (
        delegates.length === 0 ? (
          <p className="muted" id="delegate-form">
            本部门没有其他同岗位人员可以转交。
          </p>
        ) : (
          <form id="delegate-form" onSubmit={(e) => void onDelegate(e)} noValidate>
            <Field id="delegate-to" label="转交给（同部门同岗位）" error={fieldError('to') ?? fieldError('delegateTo')} required>
              <select id="delegate-to" value={to} onChange={(e) => setTo(e.target.value)} {...describedBy('delegate-to', fieldError('to') ?? fieldError('delegateTo'))}>
                {delegates.map((person) => (
                  <option key={person.username} value={person.username}>
                    {person.displayName}（{person.username}）
                  </option>
                ))}
              </select>
            </Field>
            <Field id="delegate-note" label="转交说明" error={fieldError('comment')}>
              <textarea id="delegate-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} {...describedBy('delegate-note', fieldError('comment'))} />
            </Field>
            <div className="actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                确认转交
              </button>
              <button type="button" className="button" onClick={() => setDelegates(null)}>
                取消
              </button>
            </div>
          </form>
        )
      ) : null}
    </section>
  );
}
