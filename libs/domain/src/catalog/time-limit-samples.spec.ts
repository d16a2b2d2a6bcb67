import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { projectRoot } from '@zwgk/config';
import { parseTimeLimit, type TimeLimitRule } from './time-limit-rule';

const catalogDir = path.join(projectRoot, 'data', 'catalogs');
/** The published layout: a title row and a two-row header, then one row per item; 公开时限 is the 6th column. */
const FIRST_DATA_ROW = 3;
const TIME_LIMIT_COLUMN = 5;

interface SampleRow {
  readonly file: string;
  readonly seq: string;
  readonly text: string;
}

function readSampleRows(): SampleRow[] {
  const files = readdirSync(catalogDir).filter((name) => name.endsWith('.csv')).sort();
  return files.flatMap((file) => {
    const rows = parse(readFileSync(path.join(catalogDir, file), 'utf8').replace(/^\uFEFF/, ''), { relaxColumnCount: true }) as string[][];
    return rows
      .slice(FIRST_DATA_ROW)
      .filter((row) => row.some((cell) => cell.trim() !== ''))
      .map((row) => ({ file, seq: row[0], text: row[TIME_LIMIT_COLUMN] }));
  });
}

describe('the 公开时限 of every row of the sample catalogs (data/catalogs)', () => {
  const expected: readonly (SampleRow & { readonly rule: TimeLimitRule })[] = [
    {
      file: 'compulsory-education.csv',
      seq: '1',
      text: '信息形成或者变更之日起20个工作日内',
      rule: { kind: 'working-days', count: 20, anchor: 'formed-or-changed' },
    },
    {
      file: 'compulsory-education.csv',
      seq: '2',
      text: '信息形成或者变更之日起20个工作日内',
      rule: { kind: 'working-days', count: 20, anchor: 'formed-or-changed' },
    },
    {
      file: 'fiscal-budget.csv',
      seq: '1',
      text: '本级人民代表大会或其常务委员会批准后20日内',
      rule: { kind: 'calendar-days', count: 20, anchor: 'approved' },
    },
    {
      file: 'general.csv',
      seq: '1',
      text: '每年1月31日前',
      rule: { kind: 'yearly-date', month: 1, day: 31 },
    },
    {
      file: 'land-expropriation.csv',
      seq: '1',
      text: '收到征地批准文件之日起10个工作日内公开。',
      rule: { kind: 'working-days', count: 10, anchor: 'document-received' },
    },
    {
      file: 'major-projects.csv',
      seq: '1',
      text: '信息形成20个工作日内公开；其中行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示',
      rule: {
        kind: 'composite',
        main: { kind: 'working-days', count: 20, anchor: 'formed-or-changed' },
        exceptions: [{ scope: '行政许可、行政处罚事项', rule: { kind: 'working-days', count: 7, anchor: 'decision-made' } }],
      },
    },
    {
      file: 'major-projects.csv',
      seq: '2',
      text: '实时公开',
      rule: { kind: 'immediate' },
    },
    {
      file: 'social-assistance.csv',
      seq: '1',
      text: '制定或获取信息之日起10个工作日内',
      rule: { kind: 'working-days', count: 10, anchor: 'made-or-obtained' },
    },
    {
      file: 'work-safety.csv',
      seq: '1',
      text: '半年至少更新1次',
      rule: { kind: 'periodic', everyMonths: 6 },
    },
  ];

  it('reads each of the 9 rows to its exact rule, with its wording kept and no notes', () => {
    const read = readSampleRows().map(({ file, seq, text }) => ({ file, seq, ...parseTimeLimit(text) }));
    expect(read).toStrictEqual(expected);
  });
});
