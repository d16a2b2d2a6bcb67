import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { Col, Row, Space } from 'tdesign-react';
import { ErrorBanner, Loading } from '../../ui';
import { FacetNav } from './FacetNav';
import { apiQuery, scopeTitle, termsOf, type PortalFilters } from './portal-model';
import { usePortalFacets, usePortalItems } from './portal-queries';
import { PortalResults } from './PortalResults';
import { PortalSearch } from './PortalSearch';

/**
 * 政务公开专栏: released items by area and by 五公开 category, with a keyword search that works for Chinese
 * (/public?q=课后服务&area=义务教育&category=service; /public/area/<area> still opens an area).
 */
export function PortalScreen({ area: pathArea }: { area: string | undefined }) {
  const [query] = useSearchParams();
  const filters: PortalFilters = {
    q: query.get('q')?.trim() || undefined,
    area: query.get('area') || pathArea,
    category: query.get('category') || undefined,
  };
  const items = usePortalItems(filters);
  const { data: facets, error: facetsError } = usePortalFacets(filters);

  const categoryLabel = facets?.categories.find((c) => c.category === filters.category)?.label;
  const scope = [filters.area ? `${filters.area}领域` : '', categoryLabel ?? ''].filter(Boolean).join(' · ');
  // The same <title> the server gives this page, also when the app got here by a link.
  useEffect(() => {
    document.title = `${filters.q ? `“${filters.q}”的搜索结果` : scopeTitle(filters.area, categoryLabel)} - 政务公开专栏`;
  }, [filters.q, filters.area, categoryLabel]);

  const areas = [...(facets?.areas ?? [])].sort((a, b) => a.area.localeCompare(b.area, 'zh-CN'));
  if (filters.area && !areas.some((a) => a.area === filters.area)) areas.push({ area: filters.area, count: 0 });
  const pages = items.data?.pages ?? [];
  const listed = pages.flatMap((page) => page.items);
  const error = items.error ?? facetsError;

  return (
    <section className="page portal" aria-labelledby="portal-title">
      <PortalSearch title={scope ? `${scope}信息公开` : '政府信息公开'} filters={filters} />
      <Row gutter={[16, 16]}>
        <Col xs={12} sm={4} md={3}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <FacetNav id="portal-area-nav" title="按领域浏览" allLabel="全部领域" filters={filters} facet="area" options={areas.map((a) => ({ value: a.area, label: a.area, count: a.count }))} />
            <FacetNav
              id="portal-category-nav"
              title="按五公开类别浏览"
              allLabel="全部类别"
              filters={filters}
              facet="category"
              options={(facets?.categories ?? []).map((c) => ({ value: c.category, label: c.label, count: c.count }))}
            />
            <p className="feed-link">
              <a href={`/api/public/feed.atom${apiQuery({ area: filters.area, category: filters.category })}`} type="application/atom+xml">
                <span aria-hidden="true" className="feed-icon" />
                订阅本栏目更新（Atom/RSS）
              </a>
            </p>
          </Space>
        </Col>
        <Col xs={12} sm={8} md={9}>
          <ErrorBanner error={error} />
          {!items.data ? (
            error ? null : <Loading />
          ) : (
            <PortalResults
              filters={filters}
              scope={scope}
              items={listed}
              total={facets?.total ?? listed.length}
              ranking={pages[0]?.ranking}
              terms={termsOf(filters.q)}
              hasMore={items.hasNextPage}
              loadingMore={items.isFetchingNextPage}
              onLoadMore={() => void items.fetchNextPage()}
            />
          )}
        </Col>
      </Row>
    </section>
  );
}
