import { parseTimeLimit } from '../catalog/time-limit-rule';
import { catalogRowStanding, describeCatalogRowStanding } from './row-standing';

const rule = (text: string) => parseTimeLimit(text).rule;
const facts = (releaseDates: string[], overdueItems = 0, activeSince = '2090-01-01') => ({ releaseDates, overdueItems, activeSince });

describe('whether a catalog row is kept up', () => {
  describe('a standing obligation', () => {
    const halfYearly = rule('半年至少更新1次');

    it('is up to date with a release since the start of the last period that fell due', () => {
      expect(halfYearly).toMatchObject({ kind: 'periodic', everyMonths: 6 });
      // On 2093-08-10 the last period due is 2093 H1 (1/1–6/30).
      expect(catalogRowStanding(halfYearly, facts(['2093-03-15']), '2093-08-10')).toEqual({ basis: 'periodic', status: 'up-to-date', lastDuePeriod: '2093年上半年' });
      expect(catalogRowStanding(halfYearly, facts(['2093-07-20']), '2093-08-10')).toMatchObject({ status: 'up-to-date' });
    });

    it('is behind when nothing was released in that period, naming it and its due day', () => {
      const standing = catalogRowStanding(halfYearly, facts(['2092-12-30']), '2093-08-10');
      expect(standing).toEqual({ basis: 'periodic', status: 'behind', lastDuePeriod: '2093年上半年', dueDate: '2093-06-30' });
      expect(describeCatalogRowStanding(standing)).toBe('未按时公开：2093年上半年无公开（应于2093-06-30前）');
      expect(catalogRowStanding(halfYearly, facts([]), '2093-08-10')).toMatchObject({ status: 'behind' });
    });

    it('is not held to a period that fell due before the row was in the active catalog', () => {
      expect(catalogRowStanding(halfYearly, facts([], 0, '2093-07-05'), '2093-08-10')).toEqual({ basis: 'periodic', status: 'pending', firstDuePeriod: '2093年下半年', dueDate: '2093-12-31' });
    });

    it('counts a yearly date from the day after the previous one', () => {
      const annualReport = rule('每年1月31日前');
      expect(annualReport).toMatchObject({ kind: 'yearly-date', month: 1, day: 31 });
      // On 2093-03-01 the last due is 2093年度 (2092-02-01 to 2093-01-31).
      expect(catalogRowStanding(annualReport, facts(['2093-01-20']), '2093-03-01')).toMatchObject({ status: 'up-to-date', lastDuePeriod: '2093年度' });
      expect(catalogRowStanding(annualReport, facts(['2092-01-20']), '2093-03-01')).toMatchObject({ status: 'behind', dueDate: '2093-01-31' });
    });
  });

  it('holds a row counted from an event to its items\' deadlines only', () => {
    const event = rule('信息形成或者变更之日起20个工作日内');
    expect(catalogRowStanding(event, facts([]), '2093-08-10')).toEqual({ basis: 'event', status: 'up-to-date', overdueItems: 0 });
    const late = catalogRowStanding(event, facts(['2093-01-01'], 2), '2093-08-10');
    expect(late).toEqual({ basis: 'event', status: 'behind', overdueItems: 2 });
    expect(describeCatalogRowStanding(late)).toBe('未按时公开：2件逾期未公开');
  });

  it('does not assess a row whose limit needs a manual rule', () => {
    expect(catalogRowStanding({ kind: 'manual' }, facts([]), '2093-08-10')).toEqual({ basis: 'manual', status: 'not-assessed' });
  });
});
