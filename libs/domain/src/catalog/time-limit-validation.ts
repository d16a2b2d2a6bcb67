import type { TimeLimitRule } from './time-limit-rule';

const ANCHORS = ['formed-or-changed', 'approved', 'document-received', 'made-or-obtained', 'decision-made'];

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
      return [
        ...(isCount(rule.count, 3650) ? [] : [`${path}.count must be a whole number from 1 to 3650`]),
        ...(ANCHORS.includes(rule.anchor as string) ? [] : [`${path}.anchor must be one of ${ANCHORS.join(', ')}`]),
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
      return [`${path}.kind must be one of working-days, calendar-days, hours, immediate, periodic, yearly-date, composite, manual`];
  }
}

export function isTimeLimitRule(value: unknown): value is TimeLimitRule {
  return timeLimitRuleProblems(value).length === 0;
}
