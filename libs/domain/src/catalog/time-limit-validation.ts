import { isEventWording, maxDaysAfterPeriod, type TimeLimitRule } from './time-limit-rule';

const ANCHORS = ['formed-or-changed', 'approved', 'document-received', 'made-or-obtained', 'decision-made', 'application-received', 'named-event'];
const KINDS = 'working-days, calendar-days, hours, months, weeks, immediate, periodic, yearly-date, monthly-date, after-period, composite, two-limits, manual';
const ONE_OFF_KINDS = ['working-days', 'calendar-days', 'hours', 'months', 'weeks', 'immediate'];

function isCount(value: unknown, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max;
}

/** Problems with a hand-set rule (empty when it is valid), each naming the path of the bad field. */
export function timeLimitRuleProblems(value: unknown, path = 'timeLimitRule'): string[] {
  if (!value || typeof value !== 'object') return [`${path} must be an object with a kind`];
  const rule = value as Record<string, unknown>;
  switch (rule.kind) {
    case 'working-days':
    case 'calendar-days':
    case 'hours':
    case 'months':
    case 'weeks':
      return [
        ...(isCount(rule.count, 3650) ? [] : [`${path}.count must be a whole number from 1 to 3650`]),
        ...(ANCHORS.includes(rule.anchor as string) ? [] : [`${path}.anchor must be one of ${ANCHORS.join(', ')}`]),
        ...(rule.anchor === 'named-event'
          ? isEventWording(rule.event) ? [] : [`${path}.event must name the event in 2 to 30 Chinese characters, without dates, counts or punctuation (e.g. 采购合同签订)`]
          : rule.event === undefined ? [] : [`${path}.event is only for anchor named-event`]),
      ];
    case 'immediate':
    case 'manual':
      return [];
    case 'periodic':
      return isCount(rule.everyMonths, 12) ? [] : [`${path}.everyMonths must be a whole number from 1 to 12`];
    case 'yearly-date': {
      const valid = isCount(rule.month, 12) && isCount(rule.day, 31) && new Date(Date.UTC(2023, (rule.month as number) - 1, rule.day as number)).getUTCDate() === rule.day;
      return valid ? [] : [`${path} must name a real month and day`];
    }
    case 'monthly-date':
      return rule.day === 'end' || isCount(rule.day, 31) ? [] : [`${path}.day must be a day of the month from 1 to 31, or "end"`];
    case 'after-period': {
      if (![1, 3, 6, 12].includes(rule.everyMonths as number)) return [`${path}.everyMonths must be 1, 3, 6 or 12`];
      const max = maxDaysAfterPeriod(rule.everyMonths as number);
      return [
        ...(isCount(rule.days, max) ? [] : [`${path}.days must be a whole number from 1 to ${max}`]),
        ...(rule.periodIndex === undefined || (rule.everyMonths === 6 && (rule.periodIndex === 1 || rule.periodIndex === 2))
          ? []
          : [`${path}.periodIndex is only for everyMonths 6: 1 (上半年) or 2 (下半年)`]),
      ];
    }
    case 'two-limits': {
      const problems = [...timeLimitRuleProblems(rule.binding, `${path}.binding`), ...timeLimitRuleProblems(rule.other, `${path}.other`)];
      for (const part of ['binding', 'other'] as const) {
        const kind = (rule[part] as { kind?: unknown } | undefined)?.kind;
        if (!ONE_OFF_KINDS.includes(kind as string)) problems.push(`${path}.${part} must be one of ${ONE_OFF_KINDS.join(', ')}`);
      }
      if ((rule.binding as { kind?: unknown })?.kind === 'immediate' && (rule.other as { kind?: unknown })?.kind === 'immediate') {
        problems.push(`${path}: at least one of binding and other must be a count`);
      }
      if (rule.otherStep !== undefined && !(typeof rule.otherStep === 'string' && /^[\u3400-\u9fff]{1,8}$/.test(rule.otherStep))) {
        problems.push(`${path}.otherStep must be 1 to 8 Chinese characters (e.g. 受理)`);
      }
      return problems;
    }
    case 'composite': {
      const exceptions = Array.isArray(rule.exceptions) ? rule.exceptions : undefined;
      const problems = [
        ...timeLimitRuleProblems(rule.main, `${path}.main`),
        ...(exceptions ? [] : [`${path}.exceptions must be an array`]),
        ...(exceptions ?? []).flatMap((exception: unknown, index: number) => {
          const e = (exception ?? {}) as Record<string, unknown>;
          return [
            ...(typeof e.scope === 'string' && e.scope.trim() ? [] : [`${path}.exceptions[${index}].scope must be a non-empty string`]),
            ...timeLimitRuleProblems(e.rule, `${path}.exceptions[${index}].rule`),
          ];
        }),
      ];
      const main = rule.main as { kind?: unknown } | undefined;
      if (main && (main.kind === 'composite' || main.kind === 'manual')) problems.push(`${path}.main must be a simple rule`);
      if (rule.publicityPeriod !== undefined) {
        const period = (rule.publicityPeriod ?? {}) as Record<string, unknown>;
        if (!isCount(period.count, 365) || !['working-days', 'calendar-days'].includes(period.unit as string)) {
          problems.push(`${path}.publicityPeriod must have a count from 1 to 365 and a unit of working-days or calendar-days`);
        }
      }
      return problems;
    }
    default:
      return [`${path}.kind must be one of ${KINDS}`];
  }
}

export function isTimeLimitRule(value: unknown): value is TimeLimitRule {
  return timeLimitRuleProblems(value).length === 0;
}
