import type { SimpleTimeLimitRule, TimeLimitRule } from './time-limit-rule';

/** The name of a composite rule's main limit, beside the exceptions' scopes (行政许可、行政处罚事项). */
export const GENERAL_TIME_LIMIT_CASE = '一般情形';

/**
 * One case of a rule the drafter chooses between: the main limit (一般情形) or an exception clause
 * (其中行政许可事项…7个工作日内), named by its scope in the catalog's words.
 */
export interface TimeLimitCase {
  readonly name: string;
  readonly rule: SimpleTimeLimitRule;
}

/** How long a publicity notice stays up (公示N个工作日): it starts when the item is released. */
export type PublicityPeriodLength = NonNullable<Extract<TimeLimitRule, { kind: 'composite' }>['publicityPeriod']>;

/**
 * The cases of a rule with exception clauses, the general case first; empty when the rule has only one
 * case, so there is nothing to choose. A scope named twice is offered once (the first clause wins).
 */
export function timeLimitCasesOf(rule: TimeLimitRule): readonly TimeLimitCase[] {
  if (rule.kind !== 'composite' || rule.exceptions.length === 0) return [];
  const cases: TimeLimitCase[] = [{ name: GENERAL_TIME_LIMIT_CASE, rule: rule.main }];
  for (const exception of rule.exceptions) {
    if (!cases.some((known) => known.name === exception.scope)) cases.push({ name: exception.scope, rule: exception.rule });
  }
  return cases;
}

/** The case of that name, or undefined when the rule has no such case. */
export function timeLimitCaseOf(rule: TimeLimitRule, name: string): TimeLimitCase | undefined {
  return timeLimitCasesOf(rule).find((candidate) => candidate.name === name);
}

/**
 * The limit an item under the rule is timed by: the chosen case's of a composite (its main limit when the
 * rule has no exception or no case was chosen), else the rule itself.
 */
export function governingRuleOf(rule: TimeLimitRule, timeLimitCase?: string): Exclude<TimeLimitRule, { kind: 'composite' }> {
  if (rule.kind !== 'composite') return rule;
  return (timeLimitCase !== undefined ? timeLimitCaseOf(rule, timeLimitCase)?.rule : undefined) ?? rule.main;
}

/** The rule's publicity period (公示N个工作日), or undefined when it has none. */
export function publicityPeriodOf(rule: TimeLimitRule): PublicityPeriodLength | undefined {
  return rule.kind === 'composite' ? rule.publicityPeriod : undefined;
}

/** 7个工作日, 10日: a publicity period's length as the catalogs write it. */
export function describePublicityPeriod(period: PublicityPeriodLength): string {
  return `${period.count}${period.unit === 'working-days' ? '个工作日' : '日'}`;
}
