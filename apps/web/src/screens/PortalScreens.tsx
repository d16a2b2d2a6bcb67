import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiFailure, clearField } from '../api';
import { formatDate, formatSize } from '../format';
import { apiClient, dataOf } from '../openapi/client';
import { queryKeys } from '../query';
import { pathWithQuery } from '../router';
import { describedBy, Elements, ErrorBanner, Field, Loading } from '../ui';
import type { PublicityPeriodView } from '../item-types';
import { InterpretationsSection } from './InterpretationsSection';
import { PublicityPeriodLine } from './ItemScreens';
import { RatingWidget } from './RatingWidget';

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
  category: string;
  categoryLabel: string;
  department: string;
  releasedAt: string;
  edition: number | null;
  elements: Elements6;
  snippet: string;
}

interface PublicPage {
  items: PublicListItem[];
  nextCursor: string | null;
  /** 'recent' when a search matched too many items to rank them all: newest first instead. */
  ranking?: 'recent';
}

interface PublicFacets {
  total: number;
  areas: { area: string; count: number }[];
  categories: { category: string; label: string; count: number }[];
}

interface PublicItem {
  id: string;
  title: string;
  state: 'RELEASED' | 'WITHDRAWN';
  body?: string;
  area?: string;
  category?: string;
  categoryLabel?: string;
  department: string;
  releasedAt?: string;
  updatedAt?: string;
  edition?: number;
  elements?: Elements6;
  interpretation?: string | null;
  responses?: { id: string; kindLabel?: string; question: string | null; response: string; respondent: string; publishedAt: string }[];
  attachments?: { id: string; fileName: string; mediaType: string; size: number; downloadPath: string }[];
  withdrawnAt?: string;
  withdrawalReason?: string;
  /** The 公示期, when the item's catalog rule has one (公示7个工作日). */
  publicityPeriod?: PublicityPeriodView | null;
}

const PAGE_SIZE = 20;

/** What the portal shows: the keyword and the two browsing dimensions, all kept in the URL's query. */
interface PortalFilters {
  q?: string | undefined;
  area?: string | undefined;
  category?: string | undefined;
}

function portalHref(filters: PortalFilters): string {
  return pathWithQuery('/public', { q: filters.q, area: filters.area, category: filters.category });
}

/** One way to browse the portal (by area, by 五公开 category): "all", then each value with its count. */
function FacetNav({ id, title, allLabel, filters, facet, options }: { id: string; title: string; allLabel: string; filters: PortalFilters; facet: 'area' | 'category'; options: { value: string; label: string; count: number }[] }) {
  return (
    <nav aria-labelledby={id} className="facet-nav">
      <h2 id={id}>{title}</h2>
      <ul>
        <li>
          <Link to={portalHref({ ...filters, [facet]: undefined })} aria-current={filters[facet] ? undefined : 'page'}>
            <span>{allLabel}</span>
          </Link>
        </li>
        {options.map((option) => (
          <li key={option.value}>
            <Link to={portalHref({ ...filters, [facet]: option.value })} aria-current={option.value === filters[facet] ? 'page' : undefined}>
              <span>{option.label}</span>
              <span className="facet-count">
                {option.count}
                <span className="sr-only">条</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function apiQuery(filters: PortalFilters, extra: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams(
    Object.entries({ q: filters.q, area: filters.area, category: filters.category, ...extra }).filter((entry): entry is [string, string] => !!entry[1]),
  ).toString();
  return query ? `?${query}` : '';
}

/** The search terms as the API splits them: on any whitespace, all required. */
function termsOf(q: string | undefined): string[] {
  return [...new Set((q ?? '').split(/[\s\u3000]+/).filter(Boolean))];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^$()|[\]{}\\]/g, '\\$&');
}

/** The text with every occurrence of a term (any case) in <mark>, for the result list. */
function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  if (!terms.length) return <>{text}</>;
  // Longest first, so that "课后服务" wins over "课后" where both match.
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(${alternatives.join('|')})`, 'giu');
  const lower = terms.map((term) => term.toLowerCase());
  return (
    <>
      {text.split(pattern).map((part, index) =>
        lower.includes(part.toLowerCase()) ? <mark key={index}>{part}</mark> : part ? <span key={index}>{part}</span> : null,
      )}
    </>
  );
}

/**
 * 政务公开专栏: released items by area and by 五公开 category, with a keyword search that works for Chinese
 * (/public?q=课后服务&area=义务教育&category=service; /public/area/<area> still opens an area).
 */
export function PortalScreen({ area: pathArea }: { area: string | undefined }) {
  const navigate = useNavigate();
  const [query] = useSearchParams();
  const filters: PortalFilters = {
    q: query.get('q')?.trim() || undefined,
    area: query.get('area') || pathArea,
    category: query.get('category') || undefined,
  };
  const key = apiQuery(filters);
  const [page, setPage] = useState<PublicPage | null>(null);
  const [facets, setFacets] = useState<PublicFacets | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [draft, setDraft] = useState(filters.q ?? '');
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => setDraft(filters.q ?? ''), [filters.q]);
  useEffect(() => {
    let current = true;
    setPage(null);
    setError(null);
    Promise.all([api<PublicPage>('GET', `/public/items${apiQuery(filters, { limit: String(PAGE_SIZE) })}`), api<PublicFacets>('GET', `/public/facets${key}`)]).then(
      ([items, counts]) => {
        if (!current) return;
        setPage(items);
        setFacets(counts);
      },
      (caught: unknown) => current && setError(caught),
    );
    return () => {
      current = false;
    };
    // `key` is every filter: the lists reload exactly when one of them changes.
  }, [key]);

  const loadMore = async () => {
    if (!page?.nextCursor) return;
    setLoadingMore(true);
    try {
      const next = await api<PublicPage>('GET', `/public/items${apiQuery(filters, { limit: String(PAGE_SIZE), cursor: page.nextCursor })}`);
      setPage({ items: [...page.items, ...next.items], nextCursor: next.nextCursor, ...(page.ranking ? { ranking: page.ranking } : {}) });
    } catch (caught) {
      setError(caught);
    } finally {
      setLoadingMore(false);
    }
  };

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    navigate(pathWithQuery('/public', { q: draft.trim() || undefined, area: filters.area, category: filters.category }));
  };

  const terms = termsOf(filters.q);
  useEffect(() => {
    document.title = `${filters.q ? `“${filters.q}”的搜索结果` : scopeTitle(filters.area, facets?.categories.find((c) => c.category === filters.category)?.label)} - 政务公开专栏`;
  }, [filters.q, filters.area, filters.category, facets]);
  const categoryLabel = facets?.categories.find((c) => c.category === filters.category)?.label;
  const scope = [filters.area ? `${filters.area}领域` : '', categoryLabel ?? ''].filter(Boolean).join(' · ');
  const feedHref = `/api/public/feed.atom${apiQuery({ area: filters.area, category: filters.category })}`;
  const areas = [...(facets?.areas ?? [])].sort((a, b) => a.area.localeCompare(b.area, 'zh-CN'));
  if (filters.area && !areas.some((a) => a.area === filters.area)) areas.push({ area: filters.area, count: 0 });
  const filtered = !!(filters.q || filters.area || filters.category);

  return (
    <section className="page portal" aria-labelledby="portal-title">
      <div className="portal-hero">
        <h1 id="portal-title">{scope ? `${scope}信息公开` : '政府信息公开'}</h1>
        <p className="lead">本栏目依据《中华人民共和国政府信息公开条例》和政务公开事项标准目录，公开各部门主动公开的政府信息。</p>
        <form role="search" className="portal-search" onSubmit={onSearch}>
          <label htmlFor="portal-q">搜索公开信息</label>
          <div className="portal-search-row">
            <input
              id="portal-q"
              type="search"
              name="q"
              value={draft}
              maxLength={100}
              enterKeyHint="search"
              placeholder="输入标题、正文或事项名称中的关键词，如：课后服务"
              onChange={(event) => setDraft(event.target.value)}
            />
            <button type="submit" className="button button-primary">
              搜索
            </button>
          </div>
        </form>
      </div>
      <div className="portal-layout">
        <aside className="portal-side">
          <FacetNav
            id="portal-area-nav"
            title="按领域浏览"
            allLabel="全部领域"
            filters={filters}
            facet="area"
            options={areas.map((a) => ({ value: a.area, label: a.area, count: a.count }))}
          />
          <FacetNav
            id="portal-category-nav"
            title="按五公开类别浏览"
            allLabel="全部类别"
            filters={filters}
            facet="category"
            options={(facets?.categories ?? []).map((c) => ({ value: c.category, label: c.label, count: c.count }))}
          />
          <p className="feed-link">
            <a href={feedHref} type="application/atom+xml">
              <span aria-hidden="true" className="feed-icon" />
              订阅本栏目更新（Atom/RSS）
            </a>
          </p>
        </aside>
        <div className="portal-results">
          <ErrorBanner error={error} />
          {!page ? (
            error ? null : <Loading />
          ) : (
            <>
              <p className="result-summary" role="status">
                {filters.q ? (
                  <>
                    找到 <strong>{facets?.total ?? page.items.length}</strong> 条与“{filters.q}”相关的信息{scope ? `（${scope}）` : ''}
                    {page.ranking === 'recent' ? '，结果较多，按发布时间排列' : ''}
                  </>
                ) : (
                  <>
                    共 <strong>{facets?.total ?? page.items.length}</strong> 条公开信息{scope ? `（${scope}）` : ''}
                  </>
                )}
                {filtered ? (
                  <>
                    {' · '}
                    <Link to="/public">清除条件</Link>
                  </>
                ) : null}
              </p>
              {page.items.length === 0 ? (
                <div className="empty">
                  {filters.q ? (
                    <>
                      <p>未找到与“{filters.q}”相关的公开信息。</p>
                      <p>请尝试更换或缩短关键词{filters.area || filters.category ? '，或在全部领域和类别中搜索' : ''}。</p>
                    </>
                  ) : (
                    <p>该栏目暂无公开信息。</p>
                  )}
                </div>
              ) : (
                <ul className="public-list">
                  {page.items.map((item) => (
                    <li key={item.id}>
                      <Link to={`/public/items/${item.id}`} className="public-title">
                        <Highlighted text={item.title} terms={terms} />
                      </Link>
                      {item.snippet ? (
                        <p className="public-snippet">
                          <Highlighted text={item.snippet} terms={terms} />
                        </p>
                      ) : null}
                      <span className="public-meta">
                        {item.department} · {item.area} · {item.categoryLabel} · <Highlighted text={item.elements.name} terms={terms} /> · {formatDate(item.releasedAt)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {page.nextCursor ? (
                <p className="center">
                  <button type="button" className="button" onClick={() => void loadMore()} disabled={loadingMore}>
                    {loadingMore ? '正在加载…' : '加载更多'}
                  </button>
                </p>
              ) : null}
            </>
          )}
        </div>
      </div>
    </section>
  );
}

/** The list's heading, as the server's page has it: 义务教育领域 · 服务公开信息公开, or 政府信息公开. */
function scopeTitle(area: string | undefined, categoryLabel: string | undefined): string {
  const scope = [area ? `${area}领域` : '', categoryLabel ?? ''].filter(Boolean).join(' · ');
  return scope ? `${scope}信息公开` : '政府信息公开';
}

/** A released item: content, six elements, interpretation, responses, and the concern form. */
export function PortalItemScreen({ id }: { id: string }) {
  const { data: item, error } = useQuery({
    queryKey: queryKeys.publicItem(id),
    queryFn: () => dataOf<PublicItem>(apiClient.GET('/api/public/items/{id}', { params: { path: { id } } })),
  });

  // The same <title> the server gives this page, also when the app got here by a link.
  useEffect(() => {
    if (item) document.title = `${item.title} - 政务公开专栏`;
  }, [item]);

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
        <Link to="/public">政府信息公开</Link> › {item.area ? <Link to={portalHref({ area: item.area })}>{item.area}</Link> : null}
        {item.category && item.categoryLabel ? (
          <>
            {' › '}
            <Link to={portalHref({ area: item.area, category: item.category })}>{item.categoryLabel}</Link>
          </>
        ) : null}
      </p>
      <h1 id="public-item-title" className="article-title">
        {item.title}
      </h1>
      <p className="meta center">
        发布机构：{item.department} · 发布日期：{formatDate(item.releasedAt)}
        {item.edition && item.edition > 1 ? ` · 第${item.edition}版（更新于${formatDate(item.updatedAt)}）` : ''}
      </p>
      {item.publicityPeriod ? <PublicityPeriodLine period={item.publicityPeriod} /> : null}
      <div className="card body-text article-body">{item.body}</div>
      {item.elements ? (
        <section className="card" aria-labelledby="six-elements">
          <h2 id="six-elements">公开事项要素</h2>
          <Elements elements={item.elements} />
        </section>
      ) : null}
      {item.attachments?.length ? (
        <section className="card" aria-labelledby="attachments-title">
          <h2 id="attachments-title">附件</h2>
          <ul className="public-attachments">
            {item.attachments.map((file) => (
              <li key={file.id}>
                <a href={file.downloadPath} download={file.fileName}>
                  {file.fileName}
                </a>
                <span className="muted">
                  {' '}
                  （{file.mediaType === 'application/pdf' ? 'PDF' : '图片'}，{formatSize(file.size)}）
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <InterpretationsSection itemId={item.id} text={item.interpretation} />
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
                <RatingWidget target={{ kind: 'response', concernId: r.id }} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">暂无公开答复。</p>
        )}
      </section>
      <div className="card">
        <RatingWidget target={{ kind: 'item', itemId: item.id }} />
      </div>
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
