import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api';
import { formatDate } from '../../format';
import { pathWithQuery } from '../../router';
import { ErrorBanner, Loading } from '../../ui';

interface CatalogRelease {
  id: string;
  title: string;
  releasedAt: string;
}

interface CatalogRow {
  code: string;
  area: string;
  name: string;
  content: string;
  basis: string;
  timeLimit: string;
  subject: string;
  departments: { code: string; name: string }[];
  channels: string[];
  audience: string;
  mode: string;
  category: string | null;
  releases: { count: number; lastReleasedAt: string | null; latest: CatalogRelease[] };
  standing: { basis: string; status: string; label: string };
}

interface CatalogView {
  version: { label: string; activatedAt: string | null };
  asOf: string;
  filters: { area: string | null; department: { code: string; name: string } | null };
  areas: string[];
  departments: { code: string; name: string }[];
  rows: CatalogRow[];
}

const STANDING_CLASS: Record<string, string> = { 'up-to-date': 'badge-released', behind: 'badge-overdue', pending: 'badge-normal' };

/** A calendar day (2027-01-31) as a reader writes it: 2027年1月31日. */
function localDateText(text: string): string {
  return text.replace(/(\d{4})-(\d{2})-(\d{2})/g, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`);
}

/** As the server's page words it: an event-counted row with nothing released and nothing overdue had nothing to publish yet. */
function standingText(row: CatalogRow): string {
  if (row.standing.basis === 'event' && row.standing.status === 'up-to-date' && row.releases.count === 0) return '暂无逾期未公开';
  return localDateText(row.standing.label);
}

function FilterNav({ id, title, options }: { id: string; title: string; options: { label: string; path: string; current: boolean }[] }) {
  return (
    <nav aria-labelledby={id} className="facet-nav">
      <h2 id={id}>{title}</h2>
      <ul>
        {options.map((option) => (
          <li key={option.path}>
            <Link to={option.path} aria-current={option.current ? 'page' : undefined}>
              <span>{option.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function CatalogRowCard({ row, index }: { row: CatalogRow; index: number }) {
  const elements: [string, string][] = [
    ['事项名称', row.name],
    ['公开依据', row.basis],
    ['公开内容', row.content],
    ['公开主体', row.subject],
    ['公开时限', row.timeLimit],
    ['公开方式', row.mode],
    ['公开渠道', row.channels.join('、')],
    ['公开对象', row.audience],
    ['责任部门', row.departments.map((d) => d.name).join('、') || '未指定'],
    ...(row.category ? ([['五公开类别', row.category]] as [string, string][]) : []),
  ];
  const id = `catalog-row-${index}`;
  return (
    <li className="card catalog-row" aria-labelledby={id} data-code={row.code}>
      <h2 id={id} className="catalog-row-title">
        {row.name} <span className="muted catalog-row-area">{row.area}</span>
      </h2>
      <div className="catalog-row-body">
        <dl className="elements">
          {elements.map(([label, value]) => (
            <div className="element-row" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <section className="catalog-releases" aria-label={`${row.name}的公开情况`}>
          <h3>公开情况</h3>
          <p>
            <span className={`badge ${STANDING_CLASS[row.standing.status] ?? ''}`}>{standingText(row)}</span>
          </p>
          <p>最近公开：{row.releases.lastReleasedAt ? formatDate(row.releases.lastReleasedAt) : '尚无公开'}</p>
          {row.releases.latest.length ? (
            <>
              <ul className="catalog-release-list">
                {row.releases.latest.map((release) => (
                  <li key={release.id}>
                    <Link to={`/public/items/${release.id}`}>{release.title}</Link> <span className="muted">{formatDate(release.releasedAt)}</span>
                  </li>
                ))}
              </ul>
              {row.releases.count > row.releases.latest.length ? (
                <p className="muted">
                  共{row.releases.count}条，以上为最近{row.releases.latest.length}条。
                </p>
              ) : null}
            </>
          ) : (
            <p className="muted">该事项下暂无公开信息。</p>
          )}
        </section>
      </div>
    </li>
  );
}

/**
 * The public catalog (能监督): the active catalog per area and department, each row with its six elements and
 * beside it what was released under it (/public/catalog?area=义务教育&department=edu). The same page as the
 * server-rendered one, which it takes over.
 */
export function PublicCatalogScreen() {
  const [query] = useSearchParams();
  const area = query.get('area')?.trim() || undefined;
  const department = query.get('department')?.trim() || undefined;
  const apiPath = pathWithQuery('/public/catalog', { area, department });
  const { data: view, error } = useQuery({ queryKey: ['public-catalog', area ?? '', department ?? ''], queryFn: () => api<CatalogView>('GET', apiPath) });
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
          <a href={`/api${apiPath}`} type="application/json">数据文件（JSON）</a>
        </p>
      </div>
      <div className="portal-layout">
        <aside className="portal-side">
          <FilterNav id="catalog-area-nav" title="按领域查看" options={areas} />
          <FilterNav id="catalog-department-nav" title="按部门查看" options={departments} />
        </aside>
        <div className="portal-results">
          <p className="result-summary">
            共{view.rows.length}个公开事项{behind ? `，其中${behind}个未按时公开` : ''}。
          </p>
          <ol className="catalog-rows">
            {view.rows.map((row, index) => (
              <CatalogRowCard key={row.code} row={row} index={index} />
            ))}
          </ol>
        </div>
      </div>
    </section>
  );
}
