/** The reader reports in Chinese; reports stored before it did are in English, in the fixed forms below. */
const inChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

/**
 * The catalog reader's findings in the clerk's words: the reader's own Chinese, or, for a report stored while
 * it still wrote English, these fixed forms; anything else is named only by its cell.
 */
export function warningText(message: string): string {
  if (inChinese(message)) return message;
  const manual = /^needs manual rule: "(.*)"$/.exec(message);
  if (manual) return `公开时限“${manual[1]}”无法自动识别，须手工设定`;
  const category = /^unknown category "(.*)"/.exec(message);
  if (category) return `五公开类别“${category[1]}”无法识别（应为决策、执行、管理、服务或结果）`;
  if (message === 'empty cell') return '单元格为空';
  if (message === 'no channel is checked') return '未勾选任何公开渠道';
  return '内容无法识别，请核对该单元格';
}

export function skippedSheetText(reason: string): string {
  if (inChinese(reason)) return reason;
  if (reason === 'the worksheet is empty') return '工作表为空';
  if (reason.startsWith('no header row')) return '未找到含“序号”的表头行，不是目录表';
  return '不是目录表';
}

const FIELD_LABELS: Record<string, string> = {
  area: '领域',
  level1: '一级事项',
  level2: '二级事项',
  level3: '三级事项',
  content: '公开内容（要素）',
  basis: '公开依据',
  timeLimit: '公开时限',
  subject: '公开主体',
  departmentCodes: '责任部门',
  channels: '公开渠道和载体',
  audience: '公开对象',
  mode: '公开方式',
  levels: '公开层级',
  category: '五公开类别',
  needsInterpretation: '是否需要解读',
};

const VALUE_LABELS: Record<string, string> = {
  public: '全社会',
  'specific-group': '特定群体',
  both: '全社会、特定群体',
  proactive: '主动公开',
  'on-application': '依申请公开',
  county: '县级',
  township: '乡级',
  decision: '决策公开',
  execution: '执行公开',
  management: '管理公开',
  service: '服务公开',
  result: '结果公开',
};

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? '其他';

/** A field's value as the diff shows it: the catalog's own wording, never the stored codes. */
export function fieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (field === 'timeLimit') return (value as { text?: string }).text ?? '（空）';
  if (field === 'needsInterpretation') return value ? '是' : '否';
  if (field === 'mode' && value === 'both') return '主动公开、依申请公开';
  if (Array.isArray(value)) return value.length ? value.map((entry) => VALUE_LABELS[String(entry)] ?? String(entry)).join('、') : '（空）';
  return VALUE_LABELS[String(value)] ?? String(value);
}

export const rowName = (row: { level1: string; level2: string; level3?: string }) => [row.level1, row.level2, row.level3].filter(Boolean).join(' › ');
