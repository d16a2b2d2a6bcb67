import { ApiError } from '../common/api-error';
import { decodePublicCursor, encodePublicCursor, searchTerms } from './public-query';

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
});
