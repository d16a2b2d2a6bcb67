import { Link } from 'react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure, clearField, idempotencyKey } from '../../api';
import { formatDate } from '../../format';
import { describedBy, ErrorBanner, Field, Loading } from '../../ui';

/** A consultation as the portal lists it (GET /api/public/consultations). */
interface ConsultationSummary {
  id: string;
  title: string;
  kindLabel: string;
  departmentName: string;
  openedAt: string;
  closesOn: string;
  daysLeft: number;
  state: string;
  stateLabel: string;
  commentCount: number;
  feedbackPublished: boolean;
}

interface PublicOpinion {
  id: string;
  clause: string | null;
  content: string;
  authorName: string | null;
  receivedAt: string;
  adoptionLabel?: string;
  adoptionReason?: string | null;
}

interface ConsultationDetail extends ConsultationSummary {
  draftText: string;
  explanation: string;
  shortenedReason: string | null;
  minimumBasis: string;
  comments: PublicOpinion[];
  feedback: { itemId: string; publishedAt: string | null; summary: string | null; late: boolean } | null;
  decision: { itemId: string; title: string } | null;
}

/** 意见征集 on the portal: the list (#/public/consultations) or one consultation (#/public/consultations/<id>). */
export function ConsultationPortal({ id }: { id: string | undefined }) {
  return id ? <ConsultationPage id={id} /> : <ConsultationList />;
}

function ConsultationList() {
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const [items, setItems] = useState<ConsultationSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setItems(null);
    api<{ items: ConsultationSummary[] }>('GET', `/public/consultations?status=${status}&limit=100`).then((answer) => setItems(answer.items), setError);
  }, [status]);

  return (
    <section className="page" aria-labelledby="consultations-title">
      <p className="breadcrumb">
        <Link to="/public">政府信息公开</Link> › 意见征集
      </p>
      <h1 id="consultations-title">意见征集</h1>
      <p className="muted">政策文件、规划和重大行政决策在作出前公开征求意见。征集结束后，承办部门公布意见采纳情况。</p>
      <div role="tablist" aria-label="征集状态" style={{ display: 'flex', gap: 8, margin: '12px 0' }}>
        {(['open', 'closed'] as const).map((value) => (
          <button key={value} type="button" role="tab" aria-selected={status === value} className={`button${status === value ? ' button-primary' : ''}`} onClick={() => setStatus(value)}>
            {value === 'open' ? '正在征集' : '已结束'}
          </button>
        ))}
      </div>
      <ErrorBanner error={error} />
      {!items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{status === 'open' ? '目前没有正在征集意见的文件。' : '暂无已结束的意见征集。'}</p>
      ) : (
        <ul className="public-list">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={`/public/consultations/${item.id}`} className="public-title">
                {item.title}
              </Link>
              <span className="public-meta">
                <span className="badge">{item.kindLabel}</span>
                {item.departmentName} · 征集期 {formatDate(item.openedAt)} 至 {formatDate(`${item.closesOn}T12:00:00+08:00`)} ·{' '}
                {item.daysLeft > 0 ? <strong>剩余{item.daysLeft}天</strong> : <span className={`badge${item.feedbackPublished ? ' badge-released' : ''}`}>{item.stateLabel}</span>} · 已公开意见{item.commentCount}条
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ConsultationPage({ id }: { id: string }) {
  const [consultation, setConsultation] = useState<ConsultationDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<ConsultationDetail>('GET', `/public/consultations/${id}`).then(setConsultation, setError);
  }, [id]);
  if (!consultation) return error ? <ErrorBanner error={error} /> : <Loading />;
  const open = consultation.daysLeft > 0;

  return (
    <article className="page" aria-labelledby="consultation-title">
      <p className="breadcrumb">
        <Link to="/public">政府信息公开</Link> › <Link to="/public/consultations">意见征集</Link>
      </p>
      <h1 id="consultation-title" className="article-title">
        {consultation.title}
      </h1>
      <p className="meta center">
        {consultation.kindLabel} · 承办部门：{consultation.departmentName} · 征集期 {formatDate(consultation.openedAt)} 至 {formatDate(`${consultation.closesOn}T12:00:00+08:00`)}
      </p>
      <div className={`banner ${open ? 'banner-success' : 'banner-warning'}`} role="status">
        {open ? `正在征集意见，剩余${consultation.daysLeft}天（含今日）。` : `意见征集已结束（${consultation.stateLabel}）。`}
        {consultation.shortenedReason ? ` 征集期短于一般期限，原因：${consultation.shortenedReason}` : ''}
      </div>
      <section className="card" aria-labelledby="explanation-title">
        <h2 id="explanation-title">起草说明</h2>
        <div className="body-text">{consultation.explanation}</div>
      </section>
      <section className="card" aria-labelledby="draft-title">
        <h2 id="draft-title">征求意见稿</h2>
        <div className="body-text article-body">{consultation.draftText}</div>
      </section>
      {consultation.feedback ? (
        <section className="card" aria-labelledby="feedback-title">
          <h2 id="feedback-title">意见采纳情况</h2>
          {consultation.feedback.summary ? <div className="body-text">{consultation.feedback.summary}</div> : null}
          <p className="muted">
            公布日期：{formatDate(consultation.feedback.publishedAt)} · <Link to={`/public/items/${consultation.feedback.itemId}`}>查看采纳情况说明全文</Link>
          </p>
        </section>
      ) : null}
      {consultation.decision ? (
        <section className="card" aria-labelledby="decision-title">
          <h2 id="decision-title">最终决策文件</h2>
          <Link to={`/public/items/${consultation.decision.itemId}`}>{consultation.decision.title}</Link>
        </section>
      ) : null}
      <section className="card" aria-labelledby="opinions-title">
        <h2 id="opinions-title">公众意见（{consultation.comments.length}条）</h2>
        {consultation.comments.length ? (
          <ol className="comments">
            {consultation.comments.map((opinion) => (
              <li key={opinion.id}>
                <p>
                  {opinion.clause ? <strong>【{opinion.clause}】</strong> : null}
                  {opinion.content}
                </p>
                <p className="muted">
                  {opinion.authorName ?? '匿名'} · {formatDate(opinion.receivedAt)}
                </p>
                {opinion.adoptionLabel ? (
                  <p>
                    <span className={`badge${opinion.adoptionLabel === '采纳' ? ' badge-released' : ''}`}>{opinion.adoptionLabel}</span>
                    {opinion.adoptionReason ? `理由：${opinion.adoptionReason}` : null}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">暂无公开的意见。意见经审核后显示。</p>
        )}
      </section>
      {open ? <CommentForm consultationId={consultation.id} /> : null}
    </article>
  );
}

function CommentForm({ consultationId }: { consultationId: string }) {
  const [clause, setClause] = useState('');
  const [content, setContent] = useState('');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const fieldError = (field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (content.trim().length < 5) {
      setError(new ApiFailure(400, '内容过短', [{ field: 'content', problems: ['请至少填写5个字'] }]));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/public/consultations/${consultationId}/comments`, { content: content.trim(), clause: optional(clause), name: optional(name), contact: optional(contact) }, idempotencyKey());
      setSent(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="comment-title">
      <h2 id="comment-title">我要提意见</h2>
      {sent ? (
        <div className="banner banner-success" role="status">
          意见已收到，经审核后公开显示。征集结束后，承办部门将公布意见采纳情况。
        </div>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <ErrorBanner error={error instanceof ApiFailure && error.fields.length ? null : error} />
          <Field id="comment-clause" label="针对条款（选填）" error={fieldError('clause')} hint="如：第五条">
            <input id="comment-clause" value={clause} maxLength={200} onChange={(e) => { setClause(e.target.value); setError((current: unknown) => clearField(current, 'clause')); }} {...describedBy('comment-clause', fieldError('clause'), true)} />
          </Field>
          <Field id="comment-content" label="意见建议" error={fieldError('content')} required hint="请勿填写个人隐私信息。5至5000字。">
            <textarea id="comment-content" rows={6} maxLength={5000} value={content} onChange={(e) => { setContent(e.target.value); setError((current: unknown) => clearField(current, 'content')); }} {...describedBy('comment-content', fieldError('content'), true)} />
          </Field>
          <Field id="comment-name" label="姓名（选填）" error={fieldError('name')} hint="填写后将与意见一同公开。">
            <input id="comment-name" value={name} maxLength={50} onChange={(e) => setName(e.target.value)} autoComplete="name" {...describedBy('comment-name', fieldError('name'), true)} />
          </Field>
          <Field id="comment-contact" label="联系方式（选填）" error={fieldError('contact')} hint="仅供工作人员联系您，不会公开。">
            <input id="comment-contact" value={contact} maxLength={100} onChange={(e) => setContact(e.target.value)} autoComplete="tel" {...describedBy('comment-contact', fieldError('contact'), true)} />
          </Field>
          <button type="submit" className="button button-primary" disabled={busy}>
            提交意见
          </button>
        </form>
      )}
    </section>
  );
}
