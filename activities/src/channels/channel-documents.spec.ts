import type { ChannelReleaseRequest, ChannelWithdrawalRequest } from './channel-adapter';
import { chineseDateOf, escapeHtml, renderGazetteArticle, renderGazetteWithdrawal, renderNotice, renderWithdrawalNotice } from './channel-documents';

const release: ChannelReleaseRequest = {
  itemId: '6f1c2d3e-0000-4000-8000-000000000001',
  revision: 2,
  channel: '社区/企事业单位/村公示栏（电子屏）',
  title: '2026年秋季招生办法',
  body: '一、招生范围\n\n  二、报名时间：3月16日起\n',
  contentHash: 'a1b2c3d4e5f60718',
  // 2026-03-15 18:30 UTC is already the 16th in China.
  releasedAt: '2026-03-15T18:30:00.000Z',
  departmentName: '县教育局',
  catalogItemName: '招生政策 / 招生计划',
  portalUrl: 'https://gk.example.gov.cn/public/items/6f1c2d3e-0000-4000-8000-000000000001',
};

/** The text a reader sees: tags removed, entities decoded. */
function visibleText(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  return body
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('escapeHtml', () => {
  it('escapes the five characters that can open markup or leave an attribute', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });

  it('leaves Chinese text and escaped-looking text as text', () => {
    expect(escapeHtml('县教育局《通知》')).toBe('县教育局《通知》');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('chineseDateOf', () => {
  it('prints the date in China, without leading zeros', () => {
    expect(chineseDateOf('2026-03-15T18:30:00.000Z')).toBe('2026年3月16日');
    expect(chineseDateOf('2026-01-04T01:00:00+08:00')).toBe('2026年1月4日');
  });
});

describe('renderNotice', () => {
  it('is a Chinese A4 page with title, body paragraphs, department, date and the portal link', () => {
    const html = renderNotice(release);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/@page \{ size: A4/);
    expect(html).toContain('<title>2026年秋季招生办法</title>');
    expect(html).toContain('<h1>2026年秋季招生办法</h1>');
    expect(html).toContain('<p>一、招生范围</p>\n<p>二、报名时间：3月16日起</p>');
    expect(html).toContain('公开事项：招生政策 / 招生计划');
    expect(html).toContain('<p>县教育局</p>\n<p>2026年3月16日</p>');
    expect(html).toContain(`网上查阅：${release.portalUrl}`);
    expect(html).not.toMatch(/<img|<svg|<script/);
  });

  it('escapes every drafted field, so content can never become markup', () => {
    const hostile = '<img src=x onerror="alert(1)">&\'';
    const html = renderNotice({ ...release, title: hostile, body: hostile, interpretation: hostile, departmentName: hostile, catalogItemName: hostile, portalUrl: `/x?a=1&b="${hostile}` });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror="');
    expect(html.match(/&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;&amp;&#39;/g)).toHaveLength(7);
    expect(visibleText(html)).toContain(`网上查阅：/x?a=1&b="${hostile}`);
  });

  it('adds the interpretation when there is one, and only then', () => {
    expect(renderNotice(release)).not.toContain('政策解读');
    const html = renderNotice({ ...release, interpretation: '为什么调整招生范围\n怎样报名' });
    expect(html).toContain('<h2>政策解读</h2>');
    expect(html).toContain('<p>为什么调整招生范围</p>\n<p>怎样报名</p>');
  });

  it('renders the same edition to the same bytes, so a retried export changes nothing', () => {
    expect(renderNotice(release)).toBe(renderNotice({ ...release }));
  });
});

describe('withdrawal notices', () => {
  const withdrawal: ChannelWithdrawalRequest = { ...release, reason: '政策调整，<以新版为准>', withdrawnAt: '2026-04-01T02:00:00.000Z' };

  it('names the withdrawn item, its edition, the public reason and the withdrawal date', () => {
    const text = visibleText(renderWithdrawalNotice(withdrawal));
    expect(text).toContain('关于撤回《2026年秋季招生办法》的公告');
    expect(text).toContain('本单位于2026年3月16日公示的《2026年秋季招生办法》（第2版）现予撤回。');
    expect(text).toContain('撤回原因：政策调整，<以新版为准>');
    expect(text).toContain('2026年4月1日');
    expect(renderWithdrawalNotice(withdrawal)).not.toContain('<以新版为准>');
  });

  it('has a gazette form with the same facts', () => {
    const text = visibleText(renderGazetteWithdrawal(withdrawal));
    expect(text).toContain('本单位于2026年3月16日发布的《2026年秋季招生办法》（第2版）现予撤回。');
    expect(text).toContain('撤回日期2026年4月1日');
  });
});

describe('renderGazetteArticle', () => {
  it('is a readable copy with the body and the edition facts', () => {
    const text = visibleText(renderGazetteArticle(release));
    expect(text).toContain('一、招生范围');
    expect(text).toContain('发布机关县教育局');
    expect(text).toContain('版次第2版');
    expect(text).toContain('内容指纹a1b2c3d4e5f60718');
  });
});
