import fc from 'fast-check';
import {
  APPLICATION_COLUMN_KEYS,
  APPLICATION_RESULT_ROWS,
  annualReportDueAt,
  applicationRowTotal,
  checkApplicationTable,
  chinaYearSpan,
  emptyApplicationTable,
  emptyReviewLitigationTable,
  validateAnnualReportInputs,
  type ApplicationTable,
} from './annual-report';

/** A consistent table: the results and carried-forward split what came in. */
function balancedTable(): ApplicationTable {
  const table = emptyApplicationTable();
  table.newlyReceived.naturalPerson = 10;
  table.carriedOver.naturalPerson = 2;
  table.granted.naturalPerson = 6;
  table.refusedStateSecret.naturalPerson = 1;
  table.otherOther.naturalPerson = 2;
  table.resultsTotal.naturalPerson = 9;
  table.carriedForward.naturalPerson = 3;
  table.newlyReceived.commercialEnterprise = 4;
  table.partiallyGranted.commercialEnterprise = 4;
  table.resultsTotal.commercialEnterprise = 4;
  return table;
}

describe('the annual report table checks', () => {
  it('accepts a balanced table 三 and totals its rows across columns', () => {
    const table = balancedTable();
    expect(checkApplicationTable(table)).toEqual([]);
    expect(applicationRowTotal(table.newlyReceived)).toBe(14);
    expect(validateAnnualReportInputs({ applications: table, overview: '概述' })).toEqual({ inputs: { applications: table, overview: '概述' }, problems: [] });
  });

  it('names the column whose 本年新收 + 上年结转 does not equal 办理结果总计 + 结转下年度', () => {
    const table = balancedTable();
    table.carriedForward.naturalPerson = 4;
    expect(checkApplicationTable(table)).toEqual([
      { field: 'applications.carriedForward.naturalPerson', code: 'annual-report.balance', problem: expect.stringContaining('（12）应等于 办理结果总计 + 结转下年度（13）'), params: { incoming: 12, outgoing: 13 } },
    ]);
  });

  it('names a （七）总计 that is not the sum of the results', () => {
    const table = balancedTable();
    table.resultsTotal.commercialEnterprise = 5;
    table.carriedForward.commercialEnterprise = -1;
    const result = validateAnnualReportInputs({ applications: table });
    // A negative cell is a shape problem first; the arithmetic is checked once every cell is a count.
    expect(result.problems).toEqual([{ field: 'applications.carriedForward.commercialEnterprise', code: 'annual-report.not-a-count', problem: expect.any(String) }]);
    table.carriedForward.commercialEnterprise = 0;
    expect(checkApplicationTable(table).map((problem) => problem.field)).toEqual(['applications.resultsTotal.commercialEnterprise', 'applications.carriedForward.commercialEnterprise']);
  });

  it('holds for every table built to balance, and fails for every single-cell change (property)', () => {
    const cell = fc.nat({ max: 500 });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: APPLICATION_RESULT_ROWS.length, maxLength: APPLICATION_RESULT_ROWS.length }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.tuple(cell, cell), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 50 }),
        (results, flows, brokenColumn, delta) => {
          const table = emptyApplicationTable();
          APPLICATION_COLUMN_KEYS.forEach((column, c) => {
            APPLICATION_RESULT_ROWS.forEach((row, r) => (table[row][column] = results[c][r]));
            const decided = results[c].reduce((a, b) => a + b, 0);
            const [carriedForward, carriedOver] = flows[c];
            const carried = Math.min(carriedOver, decided + carriedForward);
            table.resultsTotal[column] = decided;
            table.carriedForward[column] = carriedForward;
            table.carriedOver[column] = carried;
            table.newlyReceived[column] = decided + carriedForward - carried;
          });
          expect(checkApplicationTable(table)).toEqual([]);
          const column = APPLICATION_COLUMN_KEYS[brokenColumn];
          table.newlyReceived[column] += delta;
          expect(checkApplicationTable(table).map((problem) => problem.field)).toEqual([`applications.carriedForward.${column}`]);
        },
      ),
    );
  });

  it('rejects unknown fields, bad shapes and wrong table 四 totals, naming each', () => {
    const review = emptyReviewLitigationTable();
    review.reconsideration.upheld = 2;
    const result = validateAnnualReportInputs({ extra: 1, overview: 3, licensingDecisions: 1.5, feesTenThousandYuan: 12.25, rules: { issued: 1 }, reviewLitigation: review, applications: { newlyReceived: {} } });
    const fields = result.problems.map((problem) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(['extra', 'overview', 'licensingDecisions', 'rules.repealed', 'rules.inForce', 'reviewLitigation.reconsideration.total', 'applications.newlyReceived.naturalPerson', 'applications.carriedOver']));
    expect(fields).not.toContain('feesTenThousandYuan');
    expect(validateAnnualReportInputs([]).problems).toEqual([{ field: 'inputs', code: 'annual-report.not-an-object', problem: '填报内容格式有误' }]);
  });
});

describe('the report year and its due date', () => {
  it('is due at the end of January 31 of the next year, China time (条例 Art. 49)', () => {
    expect(annualReportDueAt(2025).toISOString()).toBe('2026-01-31T15:59:59.999Z');
  });

  it('spans the China calendar year', () => {
    expect(chinaYearSpan(2026)).toEqual({ start: new Date('2025-12-31T16:00:00.000Z'), end: new Date('2026-12-31T15:59:59.999Z') });
  });
});
