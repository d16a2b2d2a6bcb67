import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '@zwgk/config';
import { MalformedCatalogError, parseChosenChannels } from '@zwgk/domain';
import { readCatalogCsv, readCatalogCsvFile } from './catalog-file';

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
    expect(() => readCatalogCsv('"a","b"\n"1","2"\n', 'no-header.csv')).toThrow(/no header row with 序号/);
    expect(() => readCatalogCsv('"未知标题"\n"序号","公开事项"\n', 'no-area.csv')).toThrow(/does not name an area/);
  });
});
