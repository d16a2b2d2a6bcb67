import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { Col, Row, Space } from 'tdesign-react';
import { formatDate } from '../../format';
import { apiClient, bodyOf } from '../../openapi/client';
import { queryKeys } from '../../query';
import { pathWithQuery } from '../../router';
import { ErrorBanner, Loading } from '../../ui';
import { localDateText } from './catalog-model';
import { CatalogRowCard } from './CatalogRowCard';
import { FilterNav } from './FilterNav';

/**
 * The public catalog (能监督): the active catalog per area and department, each row with its six elements and
 * beside it what was released under it (/public/catalog?area=义务教育&department=edu). The same page as the
 * server-rendered one, which it takes over.
 */
export function PublicCatalogScreen() {
  const [query] = useSearchParams();
  const area = query.get('area')?.trim() || undefined;
  const department = query.get('department')?.trim() || undefined;
  const { data: view, error } = useQuery({
    queryKey: queryKeys.publicCatalog(area, department),
    queryFn: () => bodyOf(apiClient.GET('/api/public/catalog', { params: { query: { ...(area ? { area } : {}), ...(department ? { department } : {}) } } })),
  });
  const scope = view ? [view.filters.area ? `${view.filters.area}领域` : '', view.filters.department?.name ?? ''].filter(Boolean).join(' · ') : '';
  const heading = scope ? `${scope}公开事项标准目录` : '政务公开事项标准目录';
  // The same <title> the server gives this page.
  useEffect(() => {
    document.title = `${heading} - 政务公开专栏`;
  }, [heading]);
  if (error) return <ErrorBanner error={error} />;
  if (!view) return <Loading />;
  const behind = view.rows.filter((row) => row.standing.status === 'behind').length;
  const areas = [
    { label: '全部领域', path: pathWithQuery('/public/catalog', { department }), current: !area },
    ...view.areas.map((value) => ({ label: value, path: pathWithQuery('/public/catalog', { area: value, department }), current: value === area })),
  ];
  const departments = [
    { label: '全部部门', path: pathWithQuery('/public/catalog', { area }), current: !department },
    ...view.departments.map((d) => ({ label: d.name, path: pathWithQuery('/public/catalog', { area, department: d.code }), current: d.code === department })),
  ];
  return (
    <section className="page portal" aria-labelledby="catalog-title">
      <div className="portal-hero">
        <h1 id="catalog-title">{heading}</h1>
        <p className="lead">标准目录列明各部门应当公开的事项及其公开依据、内容、主体、时限和方式。每个事项旁列出已经公开的信息和最近公开日期，便于社会公众监督。</p>
        <p className="meta">
          现行目录：{view.version.label}
          {view.version.activatedAt ? `（${formatDate(view.version.activatedAt)}启用）` : ''} · 公开情况统计至{localDateText(view.asOf)}
        </p>
        <p className="catalog-downloads">
          下载目录：<a href={`/api${pathWithQuery('/public/catalog.xlsx', { area, department })}`} download>Excel 表格（.xlsx）</a> ·{' '}
          <a href={`/api${pathWithQuery('/public/catalog', { area, department })}`} type="application/json">数据文件（JSON）</a>
        </p>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={12} sm={4} md={3}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <FilterNav id="catalog-area-nav" title="按领域查看" options={areas} />
            <FilterNav id="catalog-department-nav" title="按部门查看" options={departments} />
          </Space>
        </Col>
        <Col xs={12} sm={8} md={9}>
          <p className="result-summary">
            共{view.rows.length}个公开事项{behind ? `，其中${behind}个未按时公开` : ''}。
          </p>
          <ol className="catalog-rows">
            {view.rows.map((row, index) => (
              <CatalogRowCard key={row.code} row={row} index={index} />
            ))}
          </ol>
        </Col>
      </Row>
    </section>
  );
}
