import { fulfilmentProblem } from './fulfilment';

const period = { departmentCode: 'civil', catalogItemCode: 'SAFETY-001', periodLabel: '2027年上半年', periodStart: '2027-01-01' };
const item = { itemId: 'i-1', departmentCode: 'civil', catalogItemCode: 'SAFETY-001', state: 'RELEASED', createdAt: '2027-01-05T02:00:00Z' };

describe('which item fulfils a period of a standing obligation', () => {
  it('accepts the department\'s item of the same catalog row created in the period, in any state that may still reach the public', () => {
    expect(fulfilmentProblem(period, item)).toBeUndefined();
    expect(fulfilmentProblem(period, { ...item, state: 'DRAFT' })).toBeUndefined();
    // 2026-12-31T16:30Z is already 1 January in China.
    expect(fulfilmentProblem(period, { ...item, createdAt: '2026-12-31T16:30:00Z' })).toBeUndefined();
  });

  it('refuses another department\'s item as forbidden, and the wrong row, a closed item or last period\'s as invalid, in Chinese', () => {
    expect(fulfilmentProblem(period, { ...item, departmentCode: 'edu' })).toEqual({ kind: 'forbidden', problem: '事项 i-1 属于部门 edu' });
    expect(fulfilmentProblem(period, { ...item, catalogItemCode: 'EDU-001' })).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('而不是 SAFETY-001') });
    expect(fulfilmentProblem(period, { ...item, state: 'WITHDRAWN' })).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('已撤回') });
    expect(fulfilmentProblem(period, { ...item, createdAt: '2026-12-31T15:59:00Z' })).toEqual({ kind: 'invalid', problem: '事项 i-1 创建于 2026-12-31，早于2027年上半年的开始日期（2027-01-01）' });
  });
});
