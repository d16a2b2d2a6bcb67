import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { FieldProblem } from './api-error';

/**
 * Why a request field was refused by a DTO's rules: a stable code per kind of rule, with its Chinese wording
 * (`{max}` and the like are filled from `params`). Clients word a problem from its code; `problems` carries the
 * same Chinese for people and logs. Renaming a code breaks clients: add a new one instead.
 */
export const VALIDATION_PROBLEM_MESSAGES = {
  'validation.required': '不能为空',
  'validation.not-text': '须为文字',
  'validation.too-long': '不能超过 {max} 个字',
  'validation.too-short': '至少 {min} 个字',
  'validation.length': '须为 {min} 至 {max} 个字',
  'validation.not-integer': '须为整数',
  'validation.not-number': '须为数字',
  'validation.too-small': '不能小于 {min}',
  'validation.too-large': '不能大于 {max}',
  'validation.not-one-of': '须为以下之一：{values}',
  'validation.not-list': '须为列表',
  'validation.too-many': '最多 {max} 项',
  'validation.too-few': '至少 {min} 项',
  'validation.not-object': '格式有误',
  'validation.not-boolean': '须为“是”或“否”',
  'validation.not-id': '不是有效的编号',
  'validation.not-email': '须为有效的电子邮箱地址',
  'validation.not-date': '须为 YYYY-MM-DD 格式的真实日期',
  'validation.not-instant': '须为有效的日期时间',
  'validation.format': '格式不正确',
  'validation.unknown-field': '不是可接受的字段',
  'validation.invalid': '内容不符合要求',
} as const;

export type ValidationProblemCode = keyof typeof VALIDATION_PROBLEM_MESSAGES;

/** class-validator's rule names (the keys of `constraints`) by our code; a rule not listed is `validation.invalid`. */
const CODE_OF_RULE: Readonly<Record<string, ValidationProblemCode>> = {
  isNotEmpty: 'validation.required',
  isDefined: 'validation.required',
  arrayNotEmpty: 'validation.required',
  isString: 'validation.not-text',
  maxLength: 'validation.too-long',
  minLength: 'validation.too-short',
  isLength: 'validation.length',
  isInt: 'validation.not-integer',
  isNumber: 'validation.not-number',
  min: 'validation.too-small',
  max: 'validation.too-large',
  isIn: 'validation.not-one-of',
  isEnum: 'validation.not-one-of',
  isArray: 'validation.not-list',
  arrayMaxSize: 'validation.too-many',
  arrayMinSize: 'validation.too-few',
  isObject: 'validation.not-object',
  nestedValidation: 'validation.not-object',
  isBoolean: 'validation.not-boolean',
  isUuid: 'validation.not-id',
  isEmail: 'validation.not-email',
  isCalendarDay: 'validation.not-date',
  isISO8601: 'validation.not-instant',
  isDateString: 'validation.not-instant',
  isCalendarInstant: 'validation.not-instant',
  matches: 'validation.format',
  whitelistValidation: 'validation.unknown-field',
  unknownValue: 'validation.not-object',
};

/** The params each code's wording reads, from the rule's own constraints (`@MaxLength(300)` → max 300). */
function paramsOf(code: ValidationProblemCode, constraints: readonly unknown[]): Record<string, string | number> | undefined {
  const [first, second] = constraints;
  switch (code) {
    case 'validation.too-long':
    case 'validation.too-large':
    case 'validation.too-many':
      return typeof first === 'number' ? { max: first } : undefined;
    case 'validation.too-short':
    case 'validation.too-small':
    case 'validation.too-few':
      return typeof first === 'number' ? { min: first } : undefined;
    case 'validation.length':
      return typeof first === 'number' && typeof second === 'number' ? { min: first, max: second } : undefined;
    case 'validation.not-one-of': {
      const values = Array.isArray(first) ? first : first && typeof first === 'object' ? Object.values(first) : [];
      return values.length ? { values: values.join('、') } : undefined;
    }
    default:
      return undefined;
  }
}

/** Fills a wording's `{name}` placeholders from params; a missing param leaves the placeholder. */
export function wordProblem(template: string, params?: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => String(params?.[name] ?? placeholder));
}

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** The constraints a rule was declared with on a property of the object that failed (target kept by the pipe). */
function ruleConstraints(target: object | undefined, property: string, rule: string): readonly unknown[] {
  if (!target) return [];
  const rules = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  const found = rules.find((metadata) => metadata.propertyName === property && (metadata.name === rule || metadata.type === rule));
  return found?.constraints ?? [];
}

/** The rule a field is worded by when it broke several: being there first, then its type, then the rest. */
const FIRST_RULES = ['isDefined', 'isNotEmpty', 'arrayNotEmpty', 'whitelistValidation', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject'];
const rank = (rule: string) => (FIRST_RULES.includes(rule) ? FIRST_RULES.indexOf(rule) : FIRST_RULES.length);

/**
 * class-validator's errors as field problems, one per field by its JSON path: the code and params of the rule
 * it is worded by, and the Chinese of every rule it broke. A DTO's own Chinese message (`@MinLength(5,
 * { message: '…' })`) is kept as it is, without a code, since it says more than the general wording; a rule
 * with no general wording (a custom constraint) keeps its own message for logs, under `validation.invalid`.
 */
export function fieldProblemsOf(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const rules = Object.entries(error.constraints ?? {})
      .filter(([rule]) => !(rule === 'nestedValidation' && error.children?.length))
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([rule, declared]): { text: string; code?: ValidationProblemCode; params?: Record<string, string | number> } => {
        const custom = declared.startsWith(`${error.property}: `) ? declared.slice(error.property.length + 2) : declared;
        if (HAS_CHINESE.test(custom)) return { text: custom };
        const code = CODE_OF_RULE[rule];
        if (!code) return { text: declared, code: 'validation.invalid' };
        const params = paramsOf(code, ruleConstraints(error.target, error.property, rule));
        return { text: wordProblem(VALIDATION_PROBLEM_MESSAGES[code], params), code, ...(params ? { params } : {}) };
      });
    const [first] = rules;
    const own: FieldProblem[] = first
      ? [{ field, problems: rules.map((rule) => rule.text), ...(first.code ? { code: first.code } : {}), ...(first.params ? { params: first.params } : {}) }]
      : [];
    return [...own, ...fieldProblemsOf(error.children ?? [], field)];
  });
}
