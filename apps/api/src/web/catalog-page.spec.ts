import { catalogHeading, catalogPath, localDateText, renderCatalogMain, standingText, type CatalogPageRow } from './catalog-page';

const row = (overrides: Partial<CatalogPageRow> = {}): CatalogPageRow => ({
  code: 'EDU-001',
  area: '义务教育',
  name: '招生管理 / <招生政策>',
  content: '招生范围',
  basis: '《条例》',
  timeLimit: '信息形成之日起20个工作日内',
  subject: '县教育局',
  departments: [{ code: 'edu', name: '县教育局' }],
  channels: ['政府网站', '公示栏'],
  audience: '全社会',
  mode: '主动公开',
  category: '服务公开',
  releases: { count: 0, lastReleasedAt: null, latest: [] },
  standing: { basis: 'event', status: 'up-to-date', label: '按时公开' },
  ...overrides,
});

describe('the public catalog page', () => {
  it('writes calendar days and standings as a resident reads them', () => {
    expect(localDateText('首期未到（2027年度，2027-01-31前）')).toBe('首期未到（2027年度，2027年1月31日前）');
    expect(standingText(row())).toBe('暂无逾期未公开');
    expect(standingText(row({ releases: { count: 1, lastReleasedAt: '2026-03-02T02:00:00Z', latest: [] } }))).toBe('按时公开');
  });

  it('names its filter in the heading and keeps it in its addresses', () => {
    expect(catalogHeading({ filters: { area: '义务教育', department: { code: 'edu', name: '县教育局' } } })).toBe('义务教育领域 · 县教育局公开事项标准目录');
    expect(catalogHeading({ filters: { area: null, department: null } })).toBe('政务公开事项标准目录');
    expect(catalogPath({ area: '义务教育', department: null })).toBe(`/public/catalog?area=${encodeURIComponent('义务教育')}`);
    expect(catalogPath({ department: 'edu' }, '/api/public/catalog.xlsx')).toBe('/api/public/catalog.xlsx?department=edu');
  });

  it('lists each row with its elements and its releases, escaped', () => {
    const main = renderCatalogMain({
      version: { label: '2026版', activatedAt: '2026-03-01T02:00:00Z' },
      asOf: '2026-12-06',
      filters: { area: null, department: null },
      areas: ['义务教育'],
      departments: [{ code: 'edu', name: '县教育局' }],
      rows: [row({ releases: { count: 6, lastReleasedAt: '2026-03-02T02:00:00Z', latest: [{ id: 'i-1', title: '<b>招生</b>', releasedAt: '2026-03-02T02:00:00Z' }] } })],
    });
    expect(main).toContain('招生管理 / &lt;招生政策&gt;');
    expect(main).not.toContain('<b>');
    expect(main).toContain('<a href="/public/items/i-1">&lt;b&gt;招生&lt;/b&gt;</a>');
    expect(main).toContain('最近公开：2026年3月2日');
    expect(main).toContain('共6条，以上为最近1条。');
    expect(main).toContain('公开情况统计至2026年12月6日');
    expect(main).toContain('<dt>公开时限</dt><dd>信息形成之日起20个工作日内</dd>');
    expect(main).toContain('href="/api/public/catalog.xlsx"');
  });
});
