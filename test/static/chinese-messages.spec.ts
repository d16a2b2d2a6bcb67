import { projectRoot } from '@zwgk/config';
import { readsAsEnglish, messageLiterals } from './user-facing-messages';

/**
 * Every message the API and the workflows hand to people is Chinese and names what is wrong: a workflow's
 * refusal, an `ApiError`, a validation decorator's `{ message }`, a field's `problems`. A literal with English
 * words and not one Chinese character, or an English phrase beside Chinese, fails here, unless it is listed
 * below as not read by users.
 */

/** The API and the workflows, and the libraries whose messages they pass on (catalog import, holiday tables, annual report). */
const SCANNED = ['apps/api/src', 'workflows/src', 'libs/domain/src', 'libs/db/src'];

/** `file: text` of the literals that are not for users, each with why. Keep it short. */
const NOT_FOR_USERS: Readonly<Record<string, string>> = {
  // The metrics endpoint answers the operators' scraper (Prometheus), configured from the README.
  'apps/api/src/observability/metrics.controller.ts: /api/metrics is off: set METRICS_TOKEN to scrape it': 'operators only',
  'apps/api/src/observability/metrics.controller.ts: /api/metrics needs the METRICS_TOKEN bearer token': 'operators only',
  // A guard against a bug (the signed content changed under the release): it fails the workflow task, never a request.
  'workflows/src/disclosure-item/release.ts: the content changed after 签发 without a new sign-off': 'internal failure',
};

describe('the messages people read from the API and the workflows', () => {
  const literals = messageLiterals(projectRoot, SCANNED);

  it('finds the messages it checks (so an empty scan cannot pass)', () => {
    expect(literals.length).toBeGreaterThan(300);
    const texts = literals.map((literal) => literal.text);
    expect(texts).toContain('只有本事项的起草人才能提交'); // a workflow's refusal (guards.ts)
    expect(texts).toContain('督办理由（reason）不能为空'); // a DTO's validation message
    expect(texts.some((text) => text.startsWith('关切当前为「'))).toBe(true); // a template, read by its fixed parts
  });

  it('are Chinese, apart from the few not read by users', () => {
    const english = literals.filter((literal) => readsAsEnglish(literal.text)).map((literal) => `${literal.file}: ${literal.text.trim()}`);
    expect(english.filter((entry) => !(entry in NOT_FOR_USERS))).toEqual([]);
  });

  it('keeps the allow-list to literals that still exist', () => {
    const english = new Set(literals.filter((literal) => readsAsEnglish(literal.text)).map((literal) => `${literal.file}: ${literal.text.trim()}`));
    expect(Object.keys(NOT_FOR_USERS).filter((entry) => !english.has(entry))).toEqual([]);
  });

  it('tells English from Chinese the way the rule means it', () => {
    expect(readsAsEnglish('a reason is required')).toBe(true);
    expect(readsAsEnglish('请填写理由（reason）')).toBe(false);
    expect(readsAsEnglish(' ： ')).toBe(false); // only placeholders and punctuation: composed from other messages
    expect(readsAsEnglish('2026-Q3')).toBe(false);
    expect(readsAsEnglish('unsupported-media-type')).toBe(false); // a code, passed beside the message
    expect(readsAsEnglish('is deactivated and takes no users (该单位已停用)')).toBe(true); // English with a Chinese gloss
    expect(readsAsEnglish('审核结论（decision）须为 approve（同意）或 return（退回修改）')).toBe(false); // request names in brackets
  });
});
