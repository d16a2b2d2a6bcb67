import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '@zwgk/config';
import { ACTION_LABELS, APPLICATION_ACTION_LABELS, actionLabel } from '../../apps/web/src/format';

/**
 * Every audit action the workflows write has Chinese words in the web app's timelines (办理记录), so that a clerk
 * never reads `application.signed`. The actions are read from the workflow sources: a new step without a label
 * fails here.
 */
const source = (...parts: string[]) => fs.readFileSync(path.join(projectRoot, ...parts), 'utf8');
const folder = (...parts: string[]) =>
  fs
    .readdirSync(path.join(projectRoot, ...parts))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .map((file) => source(...parts, file))
    .join('\n');

/** The text of a call's first argument: from after `name(` to its first comma or closing bracket at depth 0. */
function firstArguments(text: string, callee: RegExp): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(callee)) {
    let depth = 0;
    let end = match.index + match[0].length;
    for (; end < text.length; end++) {
      const char = text[end];
      if ('([{'.includes(char)) depth++;
      else if (')]}'.includes(char)) {
        if (depth === 0) break;
        depth--;
      } else if (char === ',' && depth === 0) break;
    }
    found.push(text.slice(match.index + match[0].length, end));
  }
  return found;
}

const literals = (expression: string) => [...expression.matchAll(/'([^']+)'|`([^`$]+)`/g)].map((m) => m[1] ?? m[2]);

/** The steps a computed step name stands for; a new computed name fails until it is listed here. */
const COMPUTED_APPLICATION_STEPS: Record<string, string[]> = {
  "`${request.step === 'review-reply' ? 'reply-reviewed' : 'reply-signed-off'}${request.approve ? '' : '-returned'}`": ['reply-reviewed', 'reply-signed-off', 'reply-reviewed-returned', 'reply-signed-off-returned'],
};

/** The disclosure-application workflow's `audit(step, …)` writes `application.<step>`; a ternary gives both. */
function applicationActions(): string[] {
  const args = firstArguments(source('workflows', 'src', 'disclosure-application.workflow.ts'), /\baudit\(/g);
  return args
    .flatMap((arg) => {
      if (!arg.includes('${')) return literals(arg);
      expect(Object.keys(COMPUTED_APPLICATION_STEPS)).toContain(arg.trim());
      return COMPUTED_APPLICATION_STEPS[arg.trim()];
    })
    .map((step) => `application.${step}`);
}

/** The application-demand workflow's `audit(step, action, …)` names the action in full. */
function applicationDemandActions(): string[] {
  const text = source('workflows', 'src', 'application-demand.workflow.ts');
  return [...text.matchAll(/\baudit\(\s*(?:'[^']*'|`[^`]*`)\s*,\s*'([^']+)'/g)].map((m) => m[1]);
}

/** The item workflow's audit records name `action: '…'`; the decisions' `task.${decision}` stand for each decision. */
function itemActions(): string[] {
  const text = folder('workflows', 'src', 'disclosure-item');
  // 'publish' and 'withdraw' are a ledger row's action (a retry's answer), not an audit row's.
  const named = [...text.matchAll(/\baction:\s*'([^']+)'/g)].map((m) => m[1]).filter((action) => action !== 'publish' && action !== 'withdraw');
  const computed = [...text.matchAll(/\baction:\s*`([^`]+)`/g)].map((m) => m[1]);
  for (const template of computed) expect(template).toBe('task.${decision.decision}');
  return [...named, ...(computed.length ? ['task.approve', 'task.return', 'task.reject'] : [])];
}

describe('audit action labels of the web timelines', () => {
  it('labels every action the application workflows write on an application', () => {
    const actions = [...new Set([...applicationActions(), ...applicationDemandActions()])];
    // The parse found the workflows' steps (it would pass vacuously on a source it no longer understands).
    expect(actions).toEqual(expect.arrayContaining(['application.submitted', 'application.signed', 'application.extension-rejected', 'application.applicant-not-notified', 'application-demand.issued', 'application-demand.closed']));
    expect(actions.filter((action) => !APPLICATION_ACTION_LABELS[action])).toEqual([]);
  });

  it("labels every action the item workflow writes on an item's timeline", () => {
    const actions = [...new Set(itemActions())];
    expect(actions).toEqual(expect.arrayContaining(['item.created', 'item.released', 'task.claimed', 'task.approve', 'request.refused']));
    expect(actions.filter((action) => !ACTION_LABELS[action])).toEqual([]);
  });

  it('words an unknown action as 其他操作, never as its code', () => {
    expect(actionLabel('application.signed', APPLICATION_ACTION_LABELS)).toBe('签收');
    expect(actionLabel('something.new')).toBe('其他操作');
  });
});
