import { appAssetTags, html, portalPath, renderListMain, renderNotFoundMain, renderPage, renderSitemap } from './portal-pages';

describe('portal pages', () => {
  it('escapes every markup character of a value', () => {
    expect(html(`<script>alert('x')</script> & "y"`)).toBe('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;');
    expect(html(null)).toBe('');
  });

  it('takes only the built app\'s own script and stylesheet from its index.html', () => {
    const index = `<!doctype html><html><head><title>x</title>
      <script type="module" crossorigin src="/assets/index-abc.js"></script>
      <link rel="stylesheet" crossorigin href="/assets/index-def.css">
      <script src="https://elsewhere.example/x.js"></script></head><body><div id="root"></div></body></html>`;
    expect(appAssetTags(index)).toBe('<script type="module" crossorigin src="/assets/index-abc.js"></script>\n    <link rel="stylesheet" crossorigin href="/assets/index-def.css">');
    expect(appAssetTags(null)).toBe('');
  });

  it('puts the title, description and canonical URL in the head, escaped', () => {
    const page = renderPage({ title: '<b>标题</b>', description: 'a "quoted" text', canonicalUrl: 'https://gk.example.gov.cn/public/items/1?a=1&b=2', assetTags: '', main: '<p>正文</p>' });
    expect(page).toContain('<title>&lt;b&gt;标题&lt;/b&gt; - 政务公开专栏</title>');
    expect(page).toContain('<meta name="description" content="a &quot;quoted&quot; text" />');
    expect(page).toContain('<link rel="canonical" href="https://gk.example.gov.cn/public/items/1?a=1&amp;b=2" />');
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<a class="skip-link" href="#main">跳到主要内容</a>');
  });

  it('renders the list with links to each item page and the search kept in the form', () => {
    const main = renderListMain({
      heading: '政府信息公开',
      q: '"><img src=x>',
      entries: [{ id: 'i-1', title: '<i>课后服务</i>', area: '义务教育', categoryLabel: '服务公开', department: '县教育局', releasedAt: '2026-03-02T02:00:00Z', snippet: '放学后' }],
      nextPath: '/public?cursor=abc',
      areas: [{ label: '全部领域', count: 1, path: '/public', current: true }],
      categories: [],
      feedPath: '/api/public/feed.atom',
    });
    expect(main).toContain('<a href="/public/items/i-1" class="public-title">&lt;i&gt;课后服务&lt;/i&gt;</a>');
    expect(main).toContain('value="&quot;&gt;&lt;img src=x&gt;"');
    expect(main).not.toContain('<img');
    expect(main).toContain('2026年3月2日');
    expect(main).toContain('<a class="button" href="/public?cursor=abc">下一页</a>');
    expect(main).toContain('<a href="/public" aria-current="page">');
  });

  it('says why a withdrawn item is gone', () => {
    expect(renderNotFoundMain({ title: '公告', withdrawnAt: '2026-03-02T02:00:00Z', reason: '有误<更正>' })).toContain('《公告》已于2026年3月2日撤回。撤回原因：有误&lt;更正&gt;');
    expect(renderNotFoundMain()).toContain('您访问的公开信息不存在');
  });

  it('writes a sitemap with escaped addresses', () => {
    const xml = renderSitemap([{ url: 'https://gk.example.gov.cn/public?a=1&b=2' }, { url: 'https://gk.example.gov.cn/public/items/1', lastModified: new Date('2026-03-02T02:00:00Z') }]);
    expect(xml).toContain('<url><loc>https://gk.example.gov.cn/public?a=1&amp;b=2</loc></url>');
    expect(xml).toContain('<url><loc>https://gk.example.gov.cn/public/items/1</loc><lastmod>2026-03-02T02:00:00.000Z</lastmod></url>');
  });

  it('builds the portal addresses the web app uses', () => {
    expect(portalPath({})).toBe('/public');
    expect(portalPath({ q: '课后', area: undefined, category: 'service' })).toBe(`/public?q=${encodeURIComponent('课后')}&category=service`);
  });
});
