import { Link, useNavigate } from 'react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure, clearField, idempotencyKey, type Session } from '../../api';
import { formatDate, formatDateTime, todayInChina } from '../../format';
import { describedBy, ErrorBanner, Field, Loading } from '../../ui';

interface StaffComment {
  id: string;
  clause: string | null;
  content: string;
  authorName: string | null;
  contact?: string | null;
  receivedAt: string;
  state: 'pending' | 'approved' | 'rejected';
  rejectionReason: string | null;
  adoptionLabel: string | null;
  adoptionReason: string | null;
}

interface StaffConsultation {
  id: string;
  title: string;
  kindLabel: string;
  departmentName: string;
  departmentCode: string;
  closesOn: string;
  daysLeft: number;
  state: 'OPEN' | 'CLOSED' | 'FEEDBACK_IN_REVIEW' | 'FEEDBACK_PUBLISHED';
  stateLabel: string;
  minimumBasis: string;
  feedbackDueAt: string | null;
  feedbackDueExplanation: string | null;
  feedbackOverdue: boolean;
  feedbackItemId: string | null;
  pendingCount: number;
  comments: StaffComment[];
}

const KINDS: [string, string][] = [
  ['normative-document', '行政规范性文件'],
  ['plan', '规划'],
  ['major-decision', '重大行政决策'],
  ['other', '其他政策文件'],
];

/** 意见征集 for staff (#/consultations, #/consultations/<id>): open one, moderate its opinions, publish the feedback. */
export function ConsultationStaffScreen({ id, session }: { id: string | undefined; session: Session }) {
  return id ? <ConsultationDesk key={id} id={id} session={session} /> : <ConsultationOverview session={session} />;
}

function ConsultationOverview({ session }: { session: Session }) {
  const [items, setItems] = useState<(StaffConsultation & { feedbackOverdue: boolean })[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<{ items: (StaffConsultation & { feedbackOverdue: boolean })[] }>('GET', '/consultations').then((answer) => setItems(answer.items), setError);
  }, []);
  return (
    <section className="page" aria-labelledby="staff-consultations-title">
      <h1 id="staff-consultations-title">意见征集</h1>
      <ErrorBanner error={error} />
      {!items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">暂无意见征集。</p>
      ) : (
        <ul className="public-list">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={`/consultations/${item.id}`} className="public-title">
                {item.title}
              </Link>
              <span className="public-meta">
                <span className={`badge${item.feedbackOverdue ? ' badge-overdue' : ''}`}>{item.feedbackOverdue ? '采纳情况逾期' : item.stateLabel}</span>
                {item.kindLabel} · {item.departmentName} · 截止 {item.closesOn}
              </span>
            </li>
          ))}
        </ul>
      )}
      {session.actor.roles.includes('drafter') ? <OpenForm /> : null}
    </section>
  );
}

function OpenForm() {
  const navigate = useNavigate();
  const [form, setForm] = useState({ kind: 'normative-document', title: '', draftText: '', explanation: '', closesOn: '', shortenedReason: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) => {
    setForm({ ...form, [field]: event.target.value });
    setError((current: unknown) => clearField(current, field));
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { ...form, shortenedReason: form.shortenedReason.trim() || undefined };
      const opened = await api<{ id: string }>('POST', '/consultations', body, idempotencyKey());
      navigate(`/consultations/${opened.id}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="open-consultation-title">
      <h2 id="open-consultation-title">发布征求意见稿</h2>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorBanner error={error instanceof ApiFailure && error.fields.length ? null : error} />
        <Field id="consultation-kind" label="类型" error={fieldError('kind')} required>
          <select id="consultation-kind" value={form.kind} onChange={set('kind')}>
            {KINDS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="consultation-title" label="标题" error={fieldError('title')} required>
          <input id="consultation-title" value={form.title} onChange={set('title')} {...describedBy('consultation-title', fieldError('title'))} />
        </Field>
        <Field id="consultation-draft" label="征求意见稿" error={fieldError('draftText')} required>
          <textarea id="consultation-draft" rows={8} value={form.draftText} onChange={set('draftText')} {...describedBy('consultation-draft', fieldError('draftText'))} />
        </Field>
        <Field id="consultation-explanation" label="起草说明" error={fieldError('explanation')} required>
          <textarea id="consultation-explanation" rows={4} value={form.explanation} onChange={set('explanation')} {...describedBy('consultation-explanation', fieldError('explanation'))} />
        </Field>
        <Field id="consultation-closes" label="截止日期" error={fieldError('closesOn')} required hint={`自发布次日起算；今天是 ${todayInChina()}。`}>
          <input id="consultation-closes" type="date" value={form.closesOn} onChange={set('closesOn')} {...describedBy('consultation-closes', fieldError('closesOn'), true)} />
        </Field>
        <Field id="consultation-shortened" label="缩短期限的理由（选填）" error={fieldError('shortenedReason')} hint="短于最短期限时必填，将随草案公布。">
          <input id="consultation-shortened" value={form.shortenedReason} onChange={set('shortenedReason')} {...describedBy('consultation-shortened', fieldError('shortenedReason'), true)} />
        </Field>
        <button type="submit" className="button button-primary" disabled={busy}>
          发布
        </button>
      </form>
    </section>
  );
}

function ConsultationDesk({ id, session }: { id: string; session: Session }) {
  const [consultation, setConsultation] = useState<StaffConsultation | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = () => api<StaffConsultation>('GET', `/consultations/${id}`).then(setConsultation, setError);
  useEffect(() => {
    void reload();
  }, [id]);
  if (!consultation) return error ? <ErrorBanner error={error} /> : <Loading />;

  const moderate = async (commentId: string, decision: 'approve' | 'reject') => {
    const reason = decision === 'reject' ? window.prompt('驳回理由') : undefined;
    if (decision === 'reject' && !reason?.trim()) return;
    try {
      setConsultation(await api<StaffConsultation>('POST', `/consultations/${id}/comments/${commentId}/moderation`, { decision, ...(reason ? { reason: reason.trim() } : {}) }));
    } catch (caught) {
      setError(caught);
    }
  };
  const mayDraft = session.actor.roles.includes('drafter') && session.actor.departmentCode === consultation.departmentCode;
  return (
    <section className="page" aria-labelledby="desk-title">
      <p className="breadcrumb">
        <Link to="/consultations">意见征集</Link> › {consultation.title}
      </p>
      <h1 id="desk-title">{consultation.title}</h1>
      <p className="meta">
        {consultation.kindLabel} · {consultation.stateLabel} · 截止 {consultation.closesOn} · {consultation.minimumBasis}
      </p>
      {consultation.feedbackDueAt ? (
        <div className={`banner ${consultation.feedbackOverdue ? 'banner-error' : 'banner-warning'}`} role="status">
          采纳情况应于 {formatDateTime(consultation.feedbackDueAt)} 前公布{consultation.feedbackOverdue ? '，已逾期' : ''}。{consultation.feedbackDueExplanation}
        </div>
      ) : null}
      {consultation.feedbackItemId ? (
        <p>
          <Link to={`/items/${consultation.feedbackItemId}`}>采纳情况说明（公开事项）</Link>
        </p>
      ) : null}
      <ErrorBanner error={error} />
      <section className="card" aria-labelledby="queue-title">
        <h2 id="queue-title">公众意见（待审核 {consultation.pendingCount} 条）</h2>
        <ol className="comments">
          {consultation.comments.map((comment) => (
            <li key={comment.id}>
              <p>
                {comment.clause ? <strong>【{comment.clause}】</strong> : null}
                {comment.content}
              </p>
              <p className="muted">
                {comment.authorName ?? '匿名'}
                {comment.contact ? ` · 联系方式：${comment.contact}` : ''} · {formatDate(comment.receivedAt)} · {comment.state === 'pending' ? '待审核' : comment.state === 'approved' ? '已公开' : `已驳回（${comment.rejectionReason ?? ''}）`}
                {comment.adoptionLabel ? ` · ${comment.adoptionLabel}` : ''}
              </p>
              {comment.state === 'pending' ? (
                <p>
                  <button type="button" className="button" onClick={() => void moderate(comment.id, 'approve')}>
                    公开
                  </button>{' '}
                  <button type="button" className="button button-ghost" onClick={() => void moderate(comment.id, 'reject')}>
                    驳回
                  </button>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {mayDraft && consultation.state === 'CLOSED' ? <FeedbackForm consultation={consultation} onDone={setConsultation} /> : null}
    </section>
  );
}

function FeedbackForm({ consultation, onDone }: { consultation: StaffConsultation; onDone: (next: StaffConsultation) => void }) {
  const shown = consultation.comments.filter((comment) => comment.state === 'approved');
  const [catalogItemCode, setCatalogItemCode] = useState('');
  const [summary, setSummary] = useState('');
  const [answers, setAnswers] = useState<Record<string, { adoption: string; reason: string }>>(() => Object.fromEntries(shown.map((comment) => [comment.id, { adoption: 'adopted', reason: '' }])));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const opinions = shown.map((comment) => ({ commentId: comment.id, adoption: answers[comment.id]!.adoption, ...(answers[comment.id]!.reason.trim() ? { reason: answers[comment.id]!.reason.trim() } : {}) }));
      onDone(await api<StaffConsultation>('POST', `/consultations/${consultation.id}/feedback`, { catalogItemCode, summary, opinions }, idempotencyKey()));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="feedback-form-title">
      <h2 id="feedback-form-title">公布意见采纳情况</h2>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorBanner error={error instanceof ApiFailure && error.fields.length ? null : error} />
        <Field id="feedback-catalog" label="公开事项目录编码" error={fieldError('catalogItemCode')} required hint="采纳情况说明作为公开事项发布，经审核后公开。">
          <input id="feedback-catalog" value={catalogItemCode} onChange={(e) => setCatalogItemCode(e.target.value)} {...describedBy('feedback-catalog', fieldError('catalogItemCode'), true)} />
        </Field>
        <Field id="feedback-summary" label="总体说明" error={fieldError('summary')} required>
          <textarea id="feedback-summary" rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} {...describedBy('feedback-summary', fieldError('summary'))} />
        </Field>
        {shown.map((comment, index) => (
          <fieldset key={comment.id} className="field">
            <legend>
              {comment.clause ? `【${comment.clause}】` : ''}
              {comment.content}
            </legend>
            <select aria-label="采纳情况" value={answers[comment.id]!.adoption} onChange={(e) => setAnswers({ ...answers, [comment.id]: { ...answers[comment.id]!, adoption: e.target.value } })}>
              <option value="adopted">采纳</option>
              <option value="partly-adopted">部分采纳</option>
              <option value="not-adopted">未采纳</option>
            </select>
            <input aria-label="理由" placeholder="未采纳或部分采纳的理由" value={answers[comment.id]!.reason} onChange={(e) => setAnswers({ ...answers, [comment.id]: { ...answers[comment.id]!, reason: e.target.value } })} />
            {fieldError(`opinions.${index}.reason`) ? <p className="field-error">{fieldError(`opinions.${index}.reason`)}</p> : null}
          </fieldset>
        ))}
        {fieldError('opinions') ? <p className="field-error">{fieldError('opinions')}</p> : null}
        <button type="submit" className="button button-primary" disabled={busy}>
          提交审核
        </button>
      </form>
    </section>
  );
}
