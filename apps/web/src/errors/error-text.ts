import { ERROR_TITLES, FIELD_PROBLEM_TEXTS, GENERAL_CODE_OF_STATUS } from './error-texts.generated';

/**
 * The one place where the web app words a failure: by the API's stable codes, in the Chinese the API declares
 * (error-texts.generated.ts). The server's `message` is for logs and never shown, unless it is already Chinese
 * and no code words it (a refusal that explains itself, such as 在用用户 2 人).
 */

/** A field problem as the API sends it (the shape of api.ts's FieldProblem, without importing it). */
export interface FieldProblemLike {
  field: string;
  problems: readonly string[];
  code?: string;
  params?: Readonly<Record<string, string | number>>;
}

const CHINESE = /[\u4e00-\u9fff]/;

function fill(template: string, params?: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => String(params?.[name] ?? placeholder));
}

/**
 * What is wrong with one field, in Chinese: a field-problem code's wording (validation, the annual report's
 * checks); else the API's own Chinese, which names the specifics (正文的身份证号…) where a request-level code
 * (personal-information.unresolved) rides on the field; else that code's title; else a general line.
 */
export function fieldProblemText(problem: FieldProblemLike): string {
  const template = problem.code && problem.code !== 'validation.invalid' ? FIELD_PROBLEM_TEXTS[problem.code] : undefined;
  if (template) return fill(template, problem.params);
  const own = problem.problems.filter((text) => CHINESE.test(text));
  if (own.length) return own.join('；');
  return (problem.code && ERROR_TITLES[problem.code]) || (FIELD_PROBLEM_TEXTS['validation.invalid'] ?? '内容不符合要求');
}

/** The Chinese title of a failure: its code's, else the general code of its status, else a line with the status. */
export function failureTitle(status: number, code?: string): string {
  const title = (code && ERROR_TITLES[code]) || ERROR_TITLES[GENERAL_CODE_OF_STATUS[String(status)] ?? ''];
  if (title) return title;
  if (status === 0) return '无法连接到服务器，请检查网络后重试';
  return status >= 500 ? `${ERROR_TITLES.internal}（${status}）` : `请求未能完成（${status}）`;
}

/**
 * The label of a request field for a message that names it: the screen's own labels first, then the common
 * fields' names below; a field neither knows is named by its position, never by its JSON name.
 */
export const COMMON_FIELD_LABELS: Readonly<Record<string, string>> = {
  title: '标题',
  body: '正文',
  reason: '理由',
  comment: '意见',
  decision: '审核决定',
  catalogItemCode: '目录事项',
  formedAt: '信息形成或变更日期',
  channels: '发布渠道',
  interpretation: '政策解读',
  timeLimitCase: '时限情形',
  attachmentIds: '附件',
  files: '文件',
  departmentCode: '单位',
  departmentCodes: '责任部门',
  displayName: '姓名',
  username: '用户名',
  email: '电子邮箱',
  mobile: '手机号码',
  roles: '岗位',
  name: '名称',
  code: '代码',
  year: '年度',
  score: '评分',
  content: '内容',
  contact: '联系方式',
  response: '答复',
  dueDate: '截止日期',
  to: '转交给',
  q: '关键词',
  description: '描述',
  parentCode: '上级单位',
  kind: '类型',
  active: '启用状态',
};

export function fieldLabel(field: string, labels?: Readonly<Record<string, string>>): string | undefined {
  return labels?.[field] ?? COMMON_FIELD_LABELS[field] ?? COMMON_FIELD_LABELS[field.split('.').pop() ?? ''];
}

/** Every field problem as one line that names its field: 「标题」不能超过 300 个字. */
export function fieldProblemLines(fields: readonly FieldProblemLike[], labels?: Readonly<Record<string, string>>): string[] {
  return fields.map((problem, index) => `「${fieldLabel(problem.field, labels) ?? `第 ${index + 1} 项`}」${fieldProblemText(problem)}`);
}
