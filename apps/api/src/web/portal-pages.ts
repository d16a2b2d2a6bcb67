/**
 * The public portal as server-rendered HTML: the list, each item, the not-found page and the sitemap, with
 * their content in the first response so that a search engine, a notice's link and a browser without
 * JavaScript all read the same page. Every value from the database goes through `html()`; nothing else
 * builds markup from data.
 */
import type { PortalCategory } from '../public/public-categories';
import { renderInterpretationsSection, type PortalInterpretation } from './interpretations-section';
import { chinaDate, html } from './markup';

/** What kind of file a download is, as the portal lists it. */
function attachmentTypeLabel(mediaType: string): string {
  if (mediaType === 'application/pdf') return 'PDF';
  if (mediaType === 'text/csv') return 'CSV 表格';
  if (mediaType.startsWith('image/')) return '图片';
  return 'Excel 表格';
}

export { chinaDate, html } from './markup';

/** The portal's filters, as the API and the web app name them. */
export interface PortalFilters {
  q?: string | undefined;
  area?: string | undefined;
  category?: PortalCategory | undefined;
}

/** A portal path with its filters, leaving out the empty ones: the same addresses the web app links to. */
export function portalPath(filters: PortalFilters & { cursor?: string | undefined }): string {
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1])).toString();
  return query ? `/public?${query}` : '/public';
}

/** The web app's own tags (its module script and stylesheet), taken from the built index.html. */
export function appAssetTags(indexHtml: string | null): string {
  if (!indexHtml) return '';
  const tags = indexHtml.match(/<script\b[^>]*\bsrc="\/assets\/[^"]+"[^>]*><\/script>|<link\b[^>]*\bhref="\/assets\/[^"]+"[^>]*>/g) ?? [];
  return tags.join('\n    ');
}

export interface PageFrame {
  /** The page's <title>, without the site's name. */
  readonly title: string;
  readonly description: string;
  /** The absolute URL of this page; also what a search engine keeps for it. */
  readonly canonicalUrl: string;
  /** The Atom feed for this page, when it has one. */
  readonly feedUrl?: string;
  /** The module script and stylesheet of the built web app (appAssetTags); empty without a build. */
  readonly assetTags: string;
  /** The page's main content, already escaped. */
  readonly main: string;
  /** The navigation entry this page belongs to (PORTAL_NAV), marked as the current one. */
  readonly navPath?: string;
}

export const SITE_NAME = '政务公开专栏';

/** The portal's navigation, the same links as the web app's. */
export const PORTAL_NAV: readonly (readonly [string, string])[] = [
  ['/public', '公开目录'],
  ['/public/catalog', '标准目录'],
  ['/public/applications', '依申请公开'],
  ['/public/consultations', '意见征集'],
];

/**
 * The whole document. The content sits inside #root: with JavaScript the web app replaces it with the same
 * page, interactive (search as you type, ratings, the concern form); without, the page is complete.
 */
export function renderPage(frame: PageFrame): string {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${html(frame.title)} - ${SITE_NAME}</title>
    <meta name="description" content="${html(frame.description)}" />
    <link rel="canonical" href="${html(frame.canonicalUrl)}" />
    <link rel="alternate" type="application/atom+xml" title="${SITE_NAME}（Atom）" href="${html(frame.feedUrl ?? '/api/public/feed.atom')}" />
    ${frame.assetTags}
  </head>
  <body>
    <div id="root">
      <a class="skip-link" href="#main">跳到主要内容</a>
      <header class="site-header site-header-public">
        <div class="header-inner">
          <div class="brand">
            <span class="emblem" aria-hidden="true">公</span>
            <div>
              <div class="brand-title">${SITE_NAME}</div>
              <div class="brand-sub">县人民政府 · 政府信息公开</div>
            </div>
          </div>
          <a class="header-link" href="/login">工作人员登录</a>
        </div>
        <nav aria-label="主导航" class="main-nav"><ul>${PORTAL_NAV.map(([path, label]) => `<li><a href="${path}"${path === frame.navPath ? ' aria-current="page"' : ''}>${label}</a></li>`).join('')}</ul></nav>
      </header>
      <main id="main" tabindex="-1">
${frame.main}
      </main>
      <footer class="site-footer">
        <p>县人民政府办公室 主办 · 县政务公开办公室 承办</p>
        <p>依据《中华人民共和国政府信息公开条例》公开</p>
      </footer>
    </div>
  </body>
</html>
`;
}

/** What the list page needs of one released item (the public API's list entry). */
export interface PortalListEntry {
  readonly id: string;
  readonly title: string;
  readonly area: string;
  readonly categoryLabel: string;
  readonly department: string;
  readonly releasedAt: Date | string | null;
  readonly snippet: string;
}

export interface PortalListPage {
  readonly heading: string;
  readonly q?: string | undefined;
  readonly entries: readonly PortalListEntry[];
  /** The next page's path, when there is one. */
  readonly nextPath: string | null;
  readonly areas: readonly { readonly label: string; readonly count: number; readonly path: string; readonly current: boolean }[];
  readonly categories: readonly { readonly label: string; readonly count: number; readonly path: string; readonly current: boolean }[];
  readonly feedPath: string;
}

function facetList(title: string, id: string, options: PortalListPage['areas']): string {
  return `<nav aria-labelledby="${id}" class="facet-nav"><h2 id="${id}">${html(title)}</h2><ul>${options
    .map((option) => `<li><a href="${html(option.path)}"${option.current ? ' aria-current="page"' : ''}><span>${html(option.label)}</span><span class="facet-count">${option.count}<span class="sr-only">条</span></span></a></li>`)
    .join('')}</ul></nav>`;
}

export function renderListMain(page: PortalListPage): string {
  const summary = page.q
    ? page.entries.length
      ? `以下是与“${html(page.q)}”相关的信息。`
      : `未找到与“${html(page.q)}”相关的公开信息。`
    : page.entries.length
      ? ''
      : '暂无公开信息。';
  return `<section class="page portal" aria-labelledby="portal-title">
  <div class="portal-hero">
    <h1 id="portal-title">${html(page.heading)}</h1>
    <p class="lead">本栏目依据《中华人民共和国政府信息公开条例》和政务公开事项标准目录，公开各部门主动公开的政府信息。</p>
    <form role="search" class="portal-search" action="/public" method="get">
      <label for="portal-q">搜索公开信息</label>
      <div class="portal-search-row">
        <input id="portal-q" type="search" name="q" value="${html(page.q)}" maxlength="100" placeholder="输入标题、正文或事项名称中的关键词，如：课后服务" />
        <button type="submit" class="button button-primary">搜索</button>
      </div>
    </form>
  </div>
  <div class="portal-layout">
    <aside class="portal-side">
      ${facetList('按领域浏览', 'portal-area-nav', page.areas)}
      ${facetList('按五公开类别浏览', 'portal-category-nav', page.categories)}
      <p class="feed-link"><a href="${html(page.feedPath)}" type="application/atom+xml">订阅本栏目更新（Atom/RSS）</a></p>
    </aside>
    <div class="portal-results">
      ${summary ? `<p class="result-summary">${summary}</p>` : ''}
      <ul class="public-list">
${page.entries
  .map(
    (entry) => `        <li>
          <a href="/public/items/${html(entry.id)}" class="public-title">${html(entry.title)}</a>
          ${entry.snippet ? `<p class="public-snippet">${html(entry.snippet)}</p>` : ''}
          <span class="public-meta">${html(entry.department)} · ${html(entry.area)} · ${html(entry.categoryLabel)} · ${html(chinaDate(entry.releasedAt))}</span>
        </li>`,
  )
  .join('\n')}
      </ul>
      ${page.nextPath ? `<p class="center"><a class="button" href="${html(page.nextPath)}">下一页</a></p>` : ''}
    </div>
  </div>
</section>`;
}

/** What the item page needs of a released item (the public API's detail). */
export interface PortalItem {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly area: string;
  readonly categoryLabel: string;
  readonly department: string;
  readonly releasedAt: Date | string | null;
  readonly edition: number | null;
  readonly updatedAt: Date | string | null;
  readonly elements: { readonly name: string; readonly basis: string; readonly content: string; readonly subject: string; readonly timeLimit: string; readonly mode: string };
  readonly interpretation: string | null;
  readonly attachments: readonly { readonly fileName: string; readonly mediaType: string; readonly size: number; readonly downloadPath: string }[];
  readonly responses: readonly { readonly question: string | null; readonly response: string; readonly respondent: string; readonly publishedAt: string }[];
}

/** The first words of a text, whitespace folded, for a <meta name="description">. */
export function excerpt(text: string, length = 120): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length > length ? `${folded.slice(0, length)}…` : folded;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function renderItemMain(item: PortalItem, paths: { area: string; category: string }, interpretations: readonly PortalInterpretation[] = []): string {
  const elements: [string, string][] = [
    ['事项名称', item.elements.name],
    ['公开依据', item.elements.basis],
    ['公开内容', item.elements.content],
    ['公开主体', item.elements.subject],
    ['公开时限', item.elements.timeLimit],
    ['公开方式', item.elements.mode],
  ];
  const edition = item.edition && item.edition > 1 ? ` · 第${item.edition}版（更新于${html(chinaDate(item.updatedAt))}）` : '';
  return `<article class="page" aria-labelledby="public-item-title">
  <p class="breadcrumb"><a href="/public">政府信息公开</a> › <a href="${html(paths.area)}">${html(item.area)}</a> › <a href="${html(paths.category)}">${html(item.categoryLabel)}</a></p>
  <h1 id="public-item-title" class="article-title">${html(item.title)}</h1>
  <p class="meta center">发布机构：${html(item.department)} · 发布日期：${html(chinaDate(item.releasedAt))}${edition}</p>
  <div class="card body-text article-body">${html(item.body)}</div>
  <section class="card" aria-labelledby="six-elements">
    <h2 id="six-elements">公开事项要素</h2>
    <dl class="elements">${elements.map(([label, value]) => `<div class="element-row"><dt>${label}</dt><dd>${html(value)}</dd></div>`).join('')}</dl>
  </section>
${
  item.attachments.length
    ? `  <section class="card" aria-labelledby="attachments-title">
    <h2 id="attachments-title">附件</h2>
    <ul class="public-attachments">${item.attachments
      .map((file) => `<li><a href="${html(file.downloadPath)}" download="${html(file.fileName)}">${html(file.fileName)}</a> <span class="muted">（${attachmentTypeLabel(file.mediaType)}，${sizeText(file.size)}）</span></li>`)
      .join('')}</ul>
  </section>\n`
    : ''
}${renderInterpretationsSection(item.interpretation, interpretations)}  <section class="card" aria-labelledby="responses-title">
    <h2 id="responses-title">回应关切</h2>
    ${
      item.responses.length
        ? `<ol class="comments">${item.responses
            .map((r) => `<li>${r.question ? `<p><strong>问：</strong>${html(r.question)}</p>` : ''}<p><strong>答：</strong>${html(r.response)}</p><p class="muted">${html(r.respondent)} · ${html(chinaDate(r.publishedAt))}</p></li>`)
            .join('')}</ol>`
        : '<p class="muted">暂无公开答复。</p>'
    }
  </section>
</article>`;
}

/** The page for an address the portal has nothing at: unknown, never released, or withdrawn. */
export function renderNotFoundMain(withdrawal?: { title: string; withdrawnAt: Date | string | null; reason: string | null }): string {
  const detail = withdrawal
    ? `<p>《${html(withdrawal.title)}》已于${html(chinaDate(withdrawal.withdrawnAt))}撤回。撤回原因：${html(withdrawal.reason)}</p>`
    : '<p>您访问的公开信息不存在，可能地址有误，或该信息尚未发布。</p>';
  return `<section class="page narrow" aria-labelledby="not-found-title">
  <h1 id="not-found-title">未找到该公开信息</h1>
  ${detail}
  <p><a href="/public">返回政府信息公开目录</a></p>
</section>`;
}

/** A sitemap (sitemaps.org 0.9) of the portal's pages. */
export function renderSitemap(entries: readonly { readonly url: string; readonly lastModified?: Date }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((entry) => `  <url><loc>${html(entry.url)}</loc>${entry.lastModified ? `<lastmod>${entry.lastModified.toISOString()}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`;
}
