import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure, clearField } from '../api';
import { formatDate } from '../format';
import { describedBy, Elements, ErrorBanner, Field, Loading } from '../ui';

interface Elements6 {
  name: string;
  basis: string;
  content: string;
  subject: string;
  timeLimit: string;
  mode: string;
}

interface PublicListItem {
  id: string;
  title: string;
  area: string;
  department: string;
  releasedAt: string;
  edition: number | null;
  elements: Elements6;
}

interface PublicItem {
  id: string;
  title: string;
  state: 'RELEASED' | 'WITHDRAWN';
  body?: string;
  area?: string;
  department: string;
  releasedAt?: string;
  updatedAt?: string;
  edition?: number;
  elements?: Elements6;
  interpretation?: string | null;
  responses?: { id: string; kindLabel?: string; question: string | null; response: string; respondent: string; publishedAt: string }[];
  withdrawnAt?: string;
  withdrawalReason?: string;
}

/** 政务公开专栏: released items, by area. */
export function PortalScreen({ area }: { area: string | undefined }) {
  const [items, setItems] = useState<PublicListItem[] | null>(null);
  const [areas, setAreas] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    // The area list comes from everything released, so it stays whole while one area is shown.
    api<{ items: PublicListItem[] }>('GET', '/public/items?limit=200').then(
      (all) => setAreas([...new Set(all.items.map((item) => item.area))].sort((a, b) => a.localeCompare(b, 'zh-CN'))),
      setError,
    );
  }, []);
  useEffect(() => {
    setItems(null);
    api<{ items: PublicListItem[] }>('GET', `/public/items?limit=100${area ? `&area=${encodeURIComponent(area)}` : ''}`).then((answer) => setItems(answer.items), setError);
  }, [area]);

  return (
    <section className="page" aria-labelledby="portal-title">
      <h1 id="portal-title">{area ? `${area}领域信息公开` : '政府信息公开'}</h1>
      <p className="lead">本栏目依据《中华人民共和国政府信息公开条例》和政务公开事项标准目录，公开各部门主动公开的政府信息。</p>
      <nav aria-label="按领域浏览" className="area-nav">
        <ul>
          <li>
            <a href="#/public" aria-current={area ? undefined : 'page'}>
              全部
            </a>
          </li>
          {areas.map((a) => (
            <li key={a}>
              <a href={`#/public/area/${encodeURIComponent(a)}`} aria-current={a === area ? 'page' : undefined}>
                {a}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ErrorBanner error={error} />
      {!items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">该领域暂无公开信息。</p>
      ) : (
        <ul className="public-list">
          {items.map((item) => (
            <li key={item.id}>
              <a href={`#/public/items/${item.id}`} className="public-title">
                {item.title}
              </a>
              <span className="public-meta">
                {item.department} · {item.area} · {item.elements.name} · {formatDate(item.releasedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A released item: content, six elements, interpretation, responses, and the concern form. */
export function PortalItemScreen({ id }: { id: string }) {
  const [item, setItem] = useState<PublicItem | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<PublicItem>('GET', `/public/items/${id}`).then(setItem, setError);
  }, [id]);

  if (!item) return error ? <ErrorBanner error={error} /> : <Loading />;
  if (item.state === 'WITHDRAWN') {
    return (
      <section className="page" aria-labelledby="public-item-title">
        <h1 id="public-item-title">{item.title}</h1>
        <div className="banner banner-warning" role="status">
          该信息已于{formatDate(item.withdrawnAt)}撤回。撤回原因：{item.withdrawalReason}
        </div>
      </section>
    );
  }
  return (
    <article className="page" aria-labelledby="public-item-title">
      <p className="breadcrumb">
        <a href="#/public">政府信息公开</a> › {item.area ? <a href={`#/public/area/${encodeURIComponent(item.area)}`}>{item.area}</a> : null}
      </p>
      <h1 id="public-item-title" className="article-title">
        {item.title}
      </h1>
      <p className="meta center">
        发布机构：{item.department} · 发布日期：{formatDate(item.releasedAt)}
        {item.edition && item.edition > 1 ? ` · 第${item.edition}版（更新于${formatDate(item.updatedAt)}）` : ''}
      </p>
      <div className="card body-text article-body">{item.body}</div>
      {item.elements ? (
        <section className="card" aria-labelledby="six-elements">
          <h2 id="six-elements">公开事项要素</h2>
          <Elements elements={item.elements} />
        </section>
      ) : null}
      {item.interpretation ? (
        <section className="card" aria-labelledby="interpretation-title">
          <h2 id="interpretation-title">政策解读</h2>
          <div className="body-text">{item.interpretation}</div>
        </section>
      ) : null}
      <section className="card" aria-labelledby="responses-title">
        <h2 id="responses-title">回应关切</h2>
        {item.responses?.length ? (
          <ol className="comments">
            {item.responses.map((r) => (
              <li key={r.id}>
                {r.question ? <p><strong>问：</strong>{r.question}</p> : null}
                <p>
                  <strong>答：</strong>
                  {r.response}
                </p>
                <p className="muted">
                  {r.respondent} · {formatDate(r.publishedAt)}
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">暂无公开答复。</p>
        )}
      </section>
      <ConcernForm itemId={item.id} />
    </article>
  );
}

function ConcernForm({ itemId }: { itemId: string }) {
  const [content, setContent] = useState('');
  const [contact, setContact] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const fieldError = (field: string) => (error instanceof ApiFailure ? error.fieldMessage(field) : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // The API's minimum is 5 characters (CONCERN_CONTENT_MIN_LENGTH); checking here spares a round trip.
    if (content.trim().length < 5) {
      setError(new ApiFailure(400, '内容过短', [{ field: 'content', problems: ['请至少填写5个字'] }]));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/public/items/${itemId}/concerns`, { content: content.trim(), ...(contact.trim() ? { contact: contact.trim() } : {}) });
      setSent(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="concern-title">
      <h2 id="concern-title">我要留言</h2>
      {sent ? (
        <div className="banner banner-success" role="status">
          留言已收到，承办部门将在规定时限内答复。答复公开后将显示在“回应关切”中。
        </div>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <ErrorBanner error={error instanceof ApiFailure && error.fields.length ? null : error} />
          <Field id="concern-content" label="留言内容" error={fieldError('content')} required hint="请勿填写个人隐私信息。5至2000字。">
            <textarea id="concern-content" rows={5} maxLength={2000} value={content} onChange={(e) => { setContent(e.target.value); setError((current: unknown) => clearField(current, 'content')); }} {...describedBy('concern-content', fieldError('content'), true)} />
          </Field>
          <Field id="concern-contact" label="联系方式（选填）" error={fieldError('contact')} hint="仅供工作人员联系您，不会公开。">
            <input id="concern-contact" value={contact} onChange={(e) => setContact(e.target.value)} autoComplete="tel" {...describedBy('concern-contact', fieldError('contact'), true)} />
          </Field>
          <button type="submit" className="button button-primary" disabled={busy}>
            提交留言
          </button>
        </form>
      )}
    </section>
  );
}
