import { median, percentile, quarterSpan, rate } from './assessment';

describe('assessment statistics', () => {
  it('has no rate when nothing was owed', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(3, 4)).toBe(0.75);
  });

  it('takes the median as the midpoint and p90 by nearest rank', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 0])).toBe(2);
    expect(percentile([], 90)).toBeNull();
    expect(percentile([0, 0, 0, 0, 0, 0, 0, 0, 0, 7], 90)).toBe(0);
    expect(percentile([0, 0, 0, 0, 0, 0, 0, 0, 3, 7], 90)).toBe(3);
    expect(percentile([9, 1], 90)).toBe(9);
    expect(() => percentile([1], 0)).toThrow(RangeError);
  });

  it('turns a quarter into its days', () => {
    expect(quarterSpan('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterSpan('2026q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterSpan('2026-Q5')).toBeUndefined();
  });
});
