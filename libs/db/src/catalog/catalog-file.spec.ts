import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '@zwgk/config';
import { MalformedCatalogError, parseChosenChannels } from '@zwgk/domain';
import { catalogWorkbook, catalogWorkbookOfSheets, STANDARD_HEADER, STANDARD_SUB_HEADER } from '../../../../test/support/catalog-workbook';
import { readCatalogCsv, readCatalogCsvFile, readCatalogFile } from './catalog-file';

const catalogDir = path.join(projectRoot, 'data', 'catalogs');

describe('reading the published catalogs (the project copy of the sample catalogs)', () => {
  const files = readdirSync(catalogDir).filter((name) => name.endsWith('.csv')).sort();

  it('reads every row of every sample file, with its area from the title row', () => {
    const results = files.map((file) => readCatalogCsvFile(path.join(catalogDir, file)));
    expect(results.map((r) => r.area)).toEqual(['义务教育', '财政预决算', '综合政务', '农村集体土地征收', '重大建设项目', '社会救助', '安全生产']);
    expect(results.flatMap((r) => r.items)).toHaveLength(9);
    expect(results.flatMap((r) => r.warnings)).toEqual([]);
    for (const item of results.flatMap((r) => r.items)) {
      expect(item.code).toMatch(/^[A-Z]+-\d{3}$/);
      expect(item.level1).not.toBe('');
      expect(item.timeLimit.rule.kind).not.toBe('manual');
      expect(item.mode).toBe('proactive');
    }
  });

  it('reads the education row in full', () => {
    const { items } = readCatalogCsvFile(path.join(catalogDir, 'compulsory-education.csv'));
    expect(items[0]).toMatchObject({
      code: 'EDU-001',
      area: '义务教育',
      level1: '招生管理',
      level2: '招生政策',
      content: '●随迁子女入学办法',
      subject: '翔安区教育局',
      timeLimit: { text: '信息形成或者变更之日起20个工作日内', rule: { kind: 'working-days', count: 20 } },
      channels: ['政府网站', '两微一端', '广播电视', '纸质媒体', '公开查阅点', '社区/企事业单位/村公示栏（电子屏）'],
      audience: 'public',
      levels: ['county'],
    });
  });

  it('reads ▲/△ marks and named 其他（…） channels', () => {
    expect(parseChosenChannels('▲政府网站△政府公报△两微一端')).toEqual(['政府网站']);
    expect(parseChosenChannels('□政府网站■其他（投资项目在线审批监管平台）')).toEqual(['投资项目在线审批监管平台']);
    expect(parseChosenChannels('√政府网站✓政务服务中心◇便民服务站')).toEqual(['政府网站', '政务服务中心']);
  });

  it('refuses files that are not catalogs, naming the problem', () => {
    expect(() => readCatalogCsv('', 'empty.csv')).toThrow(MalformedCatalogError);
    expect(() => readCatalogCsv('"a","b"\n"1","2"\n', 'no-header.csv')).toThrow(/no-header\.csv: 未找到含“序号”的表头行/);
    expect(() => readCatalogCsv('"未知标题"\n"序号","公开事项"\n', 'no-area.csv')).toThrow(/no-area\.csv: 标题行“未知标题”没有写明领域/);
  });
});

describe('reading every worksheet of a workbook', () => {
  const row = (seq: string, level1: string, level2: string, timeLimit: string) => [seq, level1, level2, '内容', '《条例》', timeLimit, '县教育局', '■政府网站', '√', '', '√', '', '√', ''];
  const education = {
    name: '义务教育',
    title: '义务教育领域基层政务公开标准目录',
    header: STANDARD_HEADER,
    subHeader: STANDARD_SUB_HEADER,
    rows: [row('1', '招生管理', '招生政策', '信息形成或者变更之日起20个工作日内'), row('2', '', '招生范围', '每月10日前'), row('3', '', '招生计划', '3个月内')],
    merges: ['B4:B6'],
  };
  const assistance = {
    name: '社会救助',
    title: '社会救助领域基层政务公开标准目录',
    header: STANDARD_HEADER,
    subHeader: STANDARD_SUB_HEADER,
    rows: [row('1', '政府采购', '采购合同', '采购合同签订之日起2个工作日内'), row('2', '', '救助对象', '每季度结束后15日内')],
    merges: ['B4:B5'],
  };

  it('reads each catalog sheet by its own title and header, with merged 一级事项, and names the sheets that are not catalogs', async () => {
    const content = await catalogWorkbookOfSheets([{ name: '填表说明', plainRows: [['本表按领域分工作表填写']] }, education, assistance, { name: 'Sheet4', plainRows: [] }]);
    const result = await readCatalogFile({ name: '县目录.xlsx', content });
    expect(result.sheets.map((sheet) => [sheet.sheet, sheet.area, sheet.items.length])).toEqual([['义务教育', '义务教育', 3], ['社会救助', '社会救助', 2]]);
    expect(result.skippedSheets).toEqual([
      { sheet: '填表说明', reason: '未找到含“序号”的表头行' },
      { sheet: 'Sheet4', reason: '工作表是空的' },
    ]);
    const items = result.sheets.flatMap((sheet) => sheet.items);
    expect(items.map((item) => [item.code, item.level1, item.source?.file, item.source?.row])).toEqual([
      ['EDU-001', '招生管理', '县目录.xlsx（工作表 义务教育）', 4],
      ['EDU-002', '招生管理', '县目录.xlsx（工作表 义务教育）', 5],
      ['EDU-003', '招生管理', '县目录.xlsx（工作表 义务教育）', 6],
      ['ASSIST-001', '政府采购', '县目录.xlsx（工作表 社会救助）', 4],
      ['ASSIST-002', '政府采购', '县目录.xlsx（工作表 社会救助）', 5],
    ]);
    expect(items.map((item) => item.timeLimit.rule.kind)).toEqual(['working-days', 'monthly-date', 'months', 'working-days', 'after-period']);
    expect(result.sheets.flatMap((sheet) => sheet.warnings)).toEqual([]);
  });

  it('names a single-sheet workbook by its file only, as before', async () => {
    const result = await readCatalogFile({ name: '教育.xlsx', content: await catalogWorkbook(education) });
    expect(result.sheets).toHaveLength(1);
    expect(result.sheets[0].sheet).toBeUndefined();
    expect(result.sheets[0].items[0].source).toEqual({ file: '教育.xlsx', row: 4 });
  });

  it('refuses the whole workbook when a sheet with a catalog header does not read, naming the sheet', async () => {
    const content = await catalogWorkbookOfSheets([education, { ...assistance, title: '未知标题' }]);
    await expect(readCatalogFile({ name: '县目录.xlsx', content })).rejects.toThrow(/县目录\.xlsx（工作表 社会救助）: 标题行“未知标题”没有写明领域/);
  });

  it('refuses a workbook with no catalog sheet at all, naming each sheet', async () => {
    const content = await catalogWorkbookOfSheets([{ name: '说明', plainRows: [['见附件']] }, { name: '空表', plainRows: [] }]);
    await expect(readCatalogFile({ name: '说明.xlsx', content })).rejects.toThrow(
      '说明.xlsx: 没有一个工作表是公开事项目录：“说明”（未找到含“序号”的表头行）、“空表”（工作表是空的）',
    );
  });
});
