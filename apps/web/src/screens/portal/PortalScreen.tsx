import { useEffect, useState, type FormEvent } from 'react';
import { Button } from 'tdesign-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api';
import { formatDate } from '../../format';
import { pathWithQuery } from '../../router';
import { ErrorBanner, Loading } from '../../ui';
import { FacetNav } from './FacetNav';
import { Highlighted } from './Highlighted';
import { apiQuery, PAGE_SIZE, scopeTitle, termsOf, type PortalFilters, type PublicFacets, type PublicPage } from './portal-model';

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
            <Button type="submit" theme="primary">
              搜索
            </Button>
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
                  <Button variant="outline" onClick={() => void loadMore()} loading={loadingMore}>
                    {loadingMore ? '正在加载…' : '加载更多'}
                  </Button>
                </p>
              ) : null}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
