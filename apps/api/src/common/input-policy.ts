/**
 * The one input policy for every string a request carries (JSON body, query string, path): PostgreSQL
 * refuses NUL and lone UTF-16 surrogates, and other control characters have no place in a title, a
 * comment or a search, so they are refused at the edge, naming the field, before anything is stored or
 * handed to a workflow. DTOs set tighter limits per field; these bounds hold for every route, including
 * one whose DTO forgot.
 */
export const INPUT_POLICY = {
  /** The longest text field (an item's body or interpretation); no string in a JSON body may be longer. */
  maxBodyStringLength: 200_000,
  /** A query-string or path value: searches, filters, cursors and ids are all far shorter. */
  maxQueryStringLength: 2_000,
  /** How deeply a JSON body may nest objects and arrays; the deepest DTO needs 3. */
  maxBodyDepth: 16,
  /** How many keys and array elements a JSON body may hold in all. */
  maxBodyNodes: 20_000,
  /** The largest JSON body, in bytes (an item's body and interpretation at their limits, escaped). */
  maxJsonBodyBytes: '2mb',
} as const;

/** C0 controls except tab (U+0009) and newline (U+000A), DEL, and the C1 controls. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** A high surrogate without its low half, or a low one without its high half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `tooLarge`: answered 413 rather than 400. */
export type InputProblem = { field: string; problem: string; tooLarge?: boolean };

/** What is wrong with one string, in Chinese, or undefined when it passes the policy. */
export function stringProblem(value: string, maxLength: number): string | undefined {
  const control = CONTROL_CHARACTER.exec(value);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `含有不允许的控制字符 U+${code}（${code === '0000' ? 'NUL，' : ''}只允许换行和制表符），请删除后重试`;
  }
  if (LONE_SURROGATE.test(value)) return '含有无效的 Unicode 字符（不成对的代理项），请重新输入';
  if (value.length > maxLength) return `过长：最多 ${maxLength} 个字符，实际 ${value.length} 个`;
  return undefined;
}

const fieldName = (prefix: string, key: string | number) => (typeof key === 'number' ? `${prefix || 'body'}[${key}]` : prefix ? `${prefix}.${key}` : key);

/**
 * Walks a parsed JSON body: every key and string value against the policy, and the nesting depth and
 * number of nodes against their bounds. Stops at the first problem (the body is refused either way) and
 * never recurses deeper than the bound, so a hostile body cannot exhaust the stack here.
 */
export function bodyProblem(body: unknown, root = ''): InputProblem | undefined {
  let nodes = 0;
  const walk = (value: unknown, field: string, depth: number): InputProblem | undefined => {
    if (typeof value === 'string') {
      const problem = stringProblem(value, INPUT_POLICY.maxBodyStringLength);
      return problem ? { field: field || 'body', problem } : undefined;
    }
    if (value === null || typeof value !== 'object') return undefined;
    if (depth >= INPUT_POLICY.maxBodyDepth) {
      return { field: field || 'body', problem: `嵌套层级过深：最多 ${INPUT_POLICY.maxBodyDepth} 层` };
    }
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
    nodes += entries.length;
    if (nodes > INPUT_POLICY.maxBodyNodes) return { field: field || 'body', problem: `内容过多：最多 ${INPUT_POLICY.maxBodyNodes} 个字段和数组元素`, tooLarge: true };
    for (const [key, item] of entries) {
      if (typeof key === 'string') {
        const keyProblem = stringProblem(key, 200);
        if (keyProblem) return { field: fieldName(field, key.replace(CONTROL_CHARACTER, '?')), problem: `字段名${keyProblem}` };
      }
      const problem = walk(item, fieldName(field, key), depth + 1);
      if (problem) return problem;
    }
    return undefined;
  };
  return walk(body, root, 0);
}

/** A parsed query string (`name` or `name[]` values, strings or arrays of strings) against the policy. */
export function queryProblem(query: Record<string, unknown>): InputProblem | undefined {
  for (const [key, raw] of Object.entries(query)) {
    const keyProblem = stringProblem(key, 200);
    if (keyProblem) return { field: key.replace(CONTROL_CHARACTER, '?'), problem: `参数名${keyProblem}` };
    for (const value of [raw].flat(2)) {
      if (typeof value !== 'string') {
        if (value !== null && typeof value === 'object') return { field: key, problem: '查询参数必须是文本' };
        continue;
      }
      const problem = stringProblem(value, INPUT_POLICY.maxQueryStringLength);
      if (problem) return { field: key, problem };
    }
  }
  return undefined;
}
