/**
 * The public catalog (能监督) as a server-rendered page: each row of the active catalog with its six
 * elements, and beside it what was released under it, the last release date and whether the row is kept up.
 * Every value from the database goes through `html()`.
 */
import { chinaDate, html } from './portal-pages';

/** What the page needs of the public catalog (PublicCatalogService.publicCatalogView). */
export interface CatalogPageView {
  readonly version: { readonly label: string; readonly activatedAt: string | null };
  readonly asOf: string;
  readonly filters: { readonly area: string | null; readonly department: { readonly code: string; readonly name: string } | null };
  readonly areas: readonly string[];
  readonly departments: readonly { readonly code: string; readonly name: string }[];
  readonly rows: readonly CatalogPageRow[];
}

export interface CatalogPageRow {
  readonly code: string;
  readonly area: string;
  readonly name: string;
  readonly content: string;
  readonly basis: string;
  readonly timeLimit: string;
  readonly subject: string;
  readonly departments: readonly { readonly code: string; readonly name: string }[];
  readonly channels: readonly string[];
  readonly audience: string;
  readonly mode: string;
  readonly category: string | null;
  readonly releases: { readonly count: number; readonly lastReleasedAt: string | null; readonly latest: readonly { readonly id: string; readonly title: string; readonly releasedAt: string }[] };
  readonly standing: { readonly basis: string; readonly status: string; readonly label: string };
}

/** The page's address for a filter, leaving out the empty ones; the JSON and .xlsx take the same query. */
export function catalogPath(filters: { area?: string | null | undefined; department?: string | null | undefined }, base = '/public/catalog'): string {
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1])).toString();
  return query ? `${base}?${query}` : base;
}

/** A calendar day (2027-01-31) as a reader writes it: 2027年1月31日. */
export function localDateText(text: string): string {
  return text.replace(/(\d{4})-(\d{2})-(\d{2})/g, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`);
}

/** The page's heading for its filter: 义务教育领域 · 县教育局 公开事项标准目录. */
export function catalogHeading(view: Pick<CatalogPageView, 'filters'>): string {
  const scope = [view.filters.area ? `${view.filters.area}领域` : '', view.filters.department?.name ?? ''].filter(Boolean).join(' · ');
  return scope ? `${scope}公开事项标准目录` : '政务公开事项标准目录';
}

/**
 * The standing as a resident reads it: a row counted from an event with nothing released and nothing overdue
 * has had nothing to publish yet, which 按时公开 beside 尚无公开 would not say.
 */
export function standingText(row: Pick<CatalogPageRow, 'standing' | 'releases'>): string {
  if (row.standing.basis === 'event' && row.standing.status === 'up-to-date' && row.releases.count === 0) return '暂无逾期未公开';
  return localDateText(row.standing.label);
}

const STANDING_CLASS: Readonly<Record<string, string>> = { 'up-to-date': 'badge-released', behind: 'badge-overdue', pending: 'badge-normal', 'not-assessed': '' };

function facet(title: string, id: string, options: readonly { label: string; path: string; current: boolean }[]): string {
  return `<nav aria-labelledby="${id}" class="facet-nav"><h2 id="${id}">${html(title)}</h2><ul>${options
    .map((option) => `<li><a href="${html(option.path)}"${option.current ? ' aria-current="page"' : ''}><span>${html(option.label)}</span></a></li>`)
    .join('')}</ul></nav>`;
}

function renderRow(row: CatalogPageRow, index: number): string {
  const elements: [string, string][] = [
    ['事项名称', row.name],
    ['公开依据', row.basis],
    ['公开内容', row.content],
    ['公开主体', row.subject],
    ['公开时限', row.timeLimit],
    ['公开方式', row.mode],
  ];
  const extra: [string, string][] = [
    ['公开渠道', row.channels.join('、')],
    ['公开对象', row.audience],
    ['责任部门', row.departments.map((d) => d.name).join('、') || '未指定'],
    ...(row.category ? ([['五公开类别', row.category]] as [string, string][]) : []),
  ];
  const id = `catalog-row-${index}`;
  const more = row.releases.count > row.releases.latest.length ? `<p class="muted">共${row.releases.count}条，以上为最近${row.releases.latest.length}条。</p>` : '';
  return `<li class="card catalog-row" aria-labelledby="${id}" data-code="${html(row.code)}">
  <h2 id="${id}" class="catalog-row-title">${html(row.name)} <span class="muted catalog-row-area">${html(row.area)}</span></h2>
  <div class="catalog-row-body">
    <dl class="elements">${[...elements, ...extra].map(([label, value]) => `<div class="element-row"><dt>${label}</dt><dd>${html(value)}</dd></div>`).join('')}</dl>
    <section class="catalog-releases" aria-label="${html(row.name)}的公开情况">
      <h3>公开情况</h3>
      <p><span class="badge ${STANDING_CLASS[row.standing.status] ?? ''}">${html(standingText(row))}</span></p>
      <p>最近公开：${row.releases.lastReleasedAt ? html(chinaDate(row.releases.lastReleasedAt)) : '尚无公开'}</p>
      ${
        row.releases.latest.length
          ? `<ul class="catalog-release-list">${row.releases.latest
              .map((release) => `<li><a href="/public/items/${html(release.id)}">${html(release.title)}</a> <span class="muted">${html(chinaDate(release.releasedAt))}</span></li>`)
              .join('')}</ul>${more}`
          : '<p class="muted">该事项下暂无公开信息。</p>'
      }
    </section>
  </div>
</li>`;
}

export function renderCatalogMain(view: CatalogPageView): string {
  const filters = { area: view.filters.area, department: view.filters.department?.code };
  const areas = [{ label: '全部领域', path: catalogPath({ ...filters, area: null }), current: !view.filters.area }, ...view.areas.map((area) => ({ label: area, path: catalogPath({ ...filters, area }), current: area === view.filters.area }))];
  const departments = [
    { label: '全部部门', path: catalogPath({ ...filters, department: null }), current: !view.filters.department },
    ...view.departments.map((d) => ({ label: d.name, path: catalogPath({ ...filters, department: d.code }), current: d.code === view.filters.department?.code })),
  ];
  const behind = view.rows.filter((row) => row.standing.status === 'behind').length;
  return `<section class="page portal" aria-labelledby="catalog-title">
  <div class="portal-hero">
    <h1 id="catalog-title">${html(catalogHeading(view))}</h1>
    <p class="lead">标准目录列明各部门应当公开的事项及其公开依据、内容、主体、时限和方式。每个事项旁列出已经公开的信息和最近公开日期，便于社会公众监督。</p>
    <p class="meta">现行目录：${html(view.version.label)}${view.version.activatedAt ? `（${html(chinaDate(view.version.activatedAt))}启用）` : ''} · 公开情况统计至${html(localDateText(view.asOf))}</p>
    <p class="catalog-downloads">下载目录：<a href="${html(catalogPath(filters, '/api/public/catalog.xlsx'))}" download>Excel 表格（.xlsx）</a> · <a href="${html(catalogPath(filters, '/api/public/catalog'))}" type="application/json">数据文件（JSON）</a></p>
  </div>
  <div class="portal-layout">
    <aside class="portal-side">
      ${facet('按领域查看', 'catalog-area-nav', areas)}
      ${facet('按部门查看', 'catalog-department-nav', departments)}
    </aside>
    <div class="portal-results">
      <p class="result-summary">共${view.rows.length}个公开事项${behind ? `，其中${behind}个未按时公开` : ''}。</p>
      <ol class="catalog-rows">
${view.rows.map(renderRow).join('\n')}
      </ol>
    </div>
  </div>
</section>`;
}
