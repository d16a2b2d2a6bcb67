import { AREA_CODES, areaFromTitle } from './area-codes';
import type { CatalogItem, DisclosureCategory } from './catalog-item';
import { parseTimeLimit } from './time-limit-rule';

/** Something the reader could not read cleanly, with its place in the source. */
export interface CatalogWarning {
  readonly file: string;
  readonly row: number; // 1-based, as a spreadsheet shows it
  readonly column?: string;
  readonly message: string;
}

/** Thrown when a sheet is not a catalog at all (no title, no header, no rows); names the problem. */
export class MalformedCatalogError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'MalformedCatalogError';
  }
}

export interface CatalogSheetResult {
  readonly area: string;
  readonly items: CatalogItem[];
  readonly warnings: CatalogWarning[];
}

const CHOSEN = /[■▲◆√✓✔]/;

type Field =
  | 'seq'
  | 'level1'
  | 'level2'
  | 'level3'
  | 'content'
  | 'basis'
  | 'timeLimit'
  | 'subject'
  | 'channels'
  | 'audiencePublic'
  | 'audienceSpecific'
  | 'modeProactive'
  | 'modeOnApplication'
  | 'levelCounty'
  | 'levelTownship'
  | 'category'
  | 'interpretation';

function fieldOf(top: string, sub: string): Field | undefined {
  const header = `${top}|${sub}`.replace(/\s+/g, '');
  if (/序号/.test(top)) return 'seq';
  if (/五公开|公开类别|公开属性/.test(header)) return 'category';
  if (/解读/.test(header)) return 'interpretation';
  if (/一级事项/.test(header)) return 'level1';
  if (/二级事项/.test(header)) return 'level2';
  if (/三级事项/.test(header)) return 'level3';
  if (/公开内容/.test(top)) return 'content';
  if (/公开依据/.test(top)) return 'basis';
  if (/公开时限/.test(top)) return 'timeLimit';
  if (/公开主体/.test(top)) return 'subject';
  if (/公开渠道/.test(top)) return 'channels';
  if (/全社会/.test(sub)) return 'audiencePublic';
  if (/特定群[体众]/.test(sub)) return 'audienceSpecific';
  if (/^主动$/.test(sub)) return 'modeProactive';
  if (/依申请/.test(sub)) return 'modeOnApplication';
  if (/县级/.test(sub)) return 'levelCounty';
  if (/乡/.test(sub)) return 'levelTownship';
  return undefined;
}

/** The channels chosen in a check-box cell such as "■政府网站□政府公报■其他（投资项目在线审批监管平台）". */
export function parseChosenChannels(cell: string): string[] {
  const chosen: string[] = [];
  const parts = cell.split(/(?=[■▲◆√✓✔□△◇])/);
  for (const part of parts) {
    const mark = part[0];
    const name = part.slice(1).trim();
    if (!name || !CHOSEN.test(mark)) continue;
    const other = /^其他[（(](.+)[）)]$/.exec(name);
    chosen.push(other ? other[1].trim() : name);
  }
  return chosen;
}

function isChecked(cell: string | undefined): boolean {
  return !!cell && CHOSEN.test(cell);
}

const CATEGORY_WORDS: readonly [RegExp, DisclosureCategory][] = [
  [/决策/, 'decision'],
  [/执行/, 'execution'],
  [/管理/, 'management'],
  [/服务/, 'service'],
  [/结果/, 'result'],
];

/** The 五公开 category a cell names, or undefined. */
export function readDisclosureCategory(cell: string): DisclosureCategory | undefined {
  return CATEGORY_WORDS.find(([pattern]) => pattern.test(cell))?.[1];
}

/** A yes/no cell: 是, 需要, or a check mark. */
function isYes(cell: string): boolean {
  return /^(是|需要|需|有|y|yes)$/i.test(cell.trim()) || isChecked(cell);
}

/** Whether a sheet has a catalog's header row (序号 …): a sheet without one is not a catalog (说明, 填表要求). */
export function hasCatalogHeader(rows: readonly (readonly string[])[]): boolean {
  return rows.some((row) => row.some((cell) => cell.trim() === '序号'));
}

/**
 * Reads one published catalog sheet given as rows of cell text: a title row, a two-row header with
 * merged cells, then one row per item. Blank 一级/二级 cells continue the value above (merged cells).
 */
export function readCatalogSheet(file: string, rows: readonly (readonly string[])[]): CatalogSheetResult {
  const nonEmpty = rows.filter((row) => row.some((cell) => cell.trim() !== ''));
  if (nonEmpty.length === 0) throw new MalformedCatalogError(file, '文件是空的');
  const headerIndex = rows.findIndex((row) => row.some((cell) => cell.trim() === '序号'));
  if (headerIndex < 0) throw new MalformedCatalogError(file, '未找到含“序号”的表头行');
  const title = rows.slice(0, headerIndex).flat().find((cell) => cell.trim() !== '') ?? '';
  const area = areaFromTitle(title);
  if (!area) throw new MalformedCatalogError(file, `标题行“${title}”没有写明领域（应形如“……领域……”）`);
  const areaCode = AREA_CODES[area] ?? `AREA${[...area].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 100000, 7)}`;

  const top = rows[headerIndex];
  const sub = rows[headerIndex + 1] ?? [];
  const columns = new Map<Field, number>();
  let carriedTop = '';
  for (let col = 0; col < Math.max(top.length, sub.length); col++) {
    carriedTop = (top[col] ?? '').trim() || carriedTop;
    const field = fieldOf(carriedTop, (sub[col] ?? '').trim());
    if (field && !columns.has(field)) columns.set(field, col);
  }
  for (const required of ['level1', 'content', 'timeLimit', 'subject', 'channels'] as const) {
    if (!columns.has(required)) throw new MalformedCatalogError(file, `表头缺少“${required}”列`);
  }

  const items: CatalogItem[] = [];
  const warnings: CatalogWarning[] = [];
  const carried: Partial<Record<Field, string>> = {};
  for (let index = headerIndex + 2; index < rows.length; index++) {
    const row = rows[index];
    if (!row.some((cell) => cell.trim() !== '')) continue;
    const cell = (field: Field): string => {
      const col = columns.get(field);
      const value = col === undefined ? '' : (row[col] ?? '').trim();
      if (value) carried[field] = value;
      return value || (['level1', 'level2', 'level3', 'basis', 'subject'].includes(field) ? carried[field] ?? '' : '');
    };
    const seq = cell('seq') || String(items.length + 1);
    const timeLimit = parseTimeLimit(cell('timeLimit'));
    if (timeLimit.rule.kind === 'manual') {
      warnings.push({ file, row: index + 1, column: '公开时限', message: `公开时限“${timeLimit.text}”无法自动识别，需人工设定规则` });
    }
    const audiencePublic = isChecked(cell('audiencePublic'));
    const audienceSpecific = isChecked(cell('audienceSpecific'));
    const proactive = isChecked(cell('modeProactive'));
    const onApplication = isChecked(cell('modeOnApplication'));
    const levels: ('county' | 'township')[] = [];
    if (isChecked(cell('levelCounty'))) levels.push('county');
    if (isChecked(cell('levelTownship'))) levels.push('township');
    const level3 = cell('level3');
    const categoryCell = cell('category');
    const category = categoryCell ? readDisclosureCategory(categoryCell) : undefined;
    if (categoryCell && !category) {
      warnings.push({ file, row: index + 1, column: '五公开类别', message: `五公开类别“${categoryCell}”无法识别（应为决策、执行、管理、服务或结果）` });
    }
    for (const [field, label] of [['level1', '一级事项'], ['content', '公开内容'], ['subject', '公开主体']] as const) {
      if (!cell(field)) warnings.push({ file, row: index + 1, column: label, message: '单元格为空' });
    }
    const channels = parseChosenChannels(cell('channels'));
    if (channels.length === 0) warnings.push({ file, row: index + 1, column: '公开渠道和载体', message: '未勾选任何公开渠道' });
    items.push({
      code: `${areaCode}-${seq.padStart(3, '0')}`,
      area,
      level1: cell('level1'),
      level2: cell('level2'),
      ...(level3 ? { level3 } : {}),
      content: cell('content'),
      basis: cell('basis'),
      timeLimit,
      subject: cell('subject'),
      channels,
      audience: audiencePublic && audienceSpecific ? 'both' : audienceSpecific ? 'specific-group' : 'public',
      mode: proactive && onApplication ? 'both' : onApplication ? 'on-application' : 'proactive',
      levels,
      ...(category ? { category } : {}),
      needsInterpretation: isYes(cell('interpretation')),
      source: { file, row: index + 1 },
    });
  }
  if (items.length === 0) throw new MalformedCatalogError(file, '目录只有表头，没有事项行');
  return { area, items, warnings };
}
