import { ApiError } from '../common/api-error';
import { buildPublicListQuery, buildSearchMatchCountQuery, decodePublicCursor, encodePublicCursor, searchTerms } from './public-query';

describe('portal query helpers', () => {
  it('splits a query into distinct terms on half- and full-width whitespace', () => {
    expect(searchTerms(' 课后服务　收费  课后服务 ')).toEqual(['课后服务', '收费']);
    expect(searchTerms('   ')).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
  });

  it('round-trips cursors and refuses one of the other kind of listing', () => {
    const browse = { releasedAt: '2026-03-01T02:03:04.123456Z', id: '11111111-1111-4111-8111-111111111111' };
    const search = { relevance: 9, ...browse };
    expect(decodePublicCursor(encodePublicCursor(browse), false)).toEqual(browse);
    expect(decodePublicCursor(encodePublicCursor(search), true)).toEqual(search);
    expect(() => decodePublicCursor(encodePublicCursor(browse), true)).toThrow(ApiError);
    expect(() => decodePublicCursor(encodePublicCursor(search), false)).toThrow(ApiError);
    expect(() => decodePublicCursor('not a cursor', false)).toThrow(ApiError);
  });

  it('round-trips the cursor of a search listed newest first, and refuses it for browsing', () => {
    const recent = { ranking: 'recent' as const, releasedAt: '2026-03-01T02:03:04.123456Z', id: '11111111-1111-4111-8111-111111111111' };
    expect(decodePublicCursor(encodePublicCursor(recent), true)).toEqual(recent);
    expect(() => decodePublicCursor(encodePublicCursor(recent), false)).toThrow(ApiError);
    const other = Buffer.from(JSON.stringify(['relevant', recent.releasedAt, recent.id])).toString('base64url');
    expect(() => decodePublicCursor(other, true)).toThrow(ApiError);
  });

  it('orders a search newest first when asked, and counts matches only up to the rank limit', () => {
    const filters = { terms: ['通知'] };
    const recent = buildPublicListQuery(filters, { ranking: 'recent', releasedAt: '2026-03-01T02:03:04.123456Z', id: '11111111-1111-4111-8111-111111111111' }, 50, 'recent');
    expect(recent.text).toMatch(/ORDER BY e\.released_at DESC, e\.item_id DESC/);
    expect(recent.text).toMatch(/\(e\.released_at, e\.item_id\) </);
    expect(buildPublicListQuery(filters, undefined, 50).text).toMatch(/ORDER BY found\.relevance DESC/);
    const count = buildSearchMatchCountQuery(filters, 1000);
    expect(count.text).toMatch(/LIMIT \$\d+\) AS capped/);
    expect(count.values).toContain(1001);
  });
});
