import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANNUAL_REPORT_PROBLEM_MESSAGES } from '@zwgk/domain';
import { projectRoot } from '@zwgk/config';
import { ERROR_CODES, GENERAL_CODE_OF_STATUS } from '../../apps/api/src/common/error-codes';
import { VALIDATION_PROBLEM_MESSAGES } from '../../apps/api/src/common/validation-problems';

/**
 * The web app words every failure from the API's codes, in the Chinese the API declares (error-codes.ts, the
 * validation rules' and the annual report's problem codes). It may import nothing outside apps/web, so it
 * gets a generated copy; this test fails when the copy drifts, and ZWGK_WRITE_ERROR_TEXTS=1 rewrites it.
 */
const TEXTS_FILE = path.join(projectRoot, 'apps', 'web', 'src', 'errors', 'error-texts.generated.ts');

const entries = (record: Readonly<Record<string, string>>) =>
  Object.entries(record)
    .map(([key, text]) => `  ${JSON.stringify(key)}: ${JSON.stringify(text)},`)
    .join('\n');

function render(): string {
  const titles = Object.fromEntries(Object.entries(ERROR_CODES).map(([code, { message }]) => [code, message]));
  const statuses = Object.fromEntries(Object.entries(GENERAL_CODE_OF_STATUS).map(([status, code]) => [status, code]));
  return `/**
 * The API's error codes and field-problem codes in Chinese, generated from apps/api/src/common/error-codes.ts,
 * validation-problems.ts and the annual report's ANNUAL_REPORT_PROBLEM_MESSAGES. Do not edit: regenerate with
 *   ZWGK_WRITE_ERROR_TEXTS=1 npx jest --selectProjects unit -- test/static/web-error-texts.spec.ts
 */

/** What an error code means, for the whole request. */
export const ERROR_TITLES: Readonly<Record<string, string>> = {
${entries(titles)}
};

/** The general code of each status, for an answer that carries no code. */
export const GENERAL_CODE_OF_STATUS: Readonly<Record<string, string>> = {
${entries(statuses)}
};

/** What is wrong with one field, by its problem code; \`{name}\` is filled from the problem's params. */
export const FIELD_PROBLEM_TEXTS: Readonly<Record<string, string>> = {
${entries({ ...VALIDATION_PROBLEM_MESSAGES, ...ANNUAL_REPORT_PROBLEM_MESSAGES })}
};
`;
}

describe("the web app's error texts", () => {
  it('are the Chinese the API declares for its codes', () => {
    const generated = render();
    if (process.env.ZWGK_WRITE_ERROR_TEXTS === '1') fs.writeFileSync(TEXTS_FILE, generated);
    const committed = fs.existsSync(TEXTS_FILE) ? fs.readFileSync(TEXTS_FILE, 'utf8') : '';
    expect(committed).toBe(generated);
  });

  it('have Chinese for every code the API can answer with, the general ones of each status included', () => {
    const chinese = /[\u4e00-\u9fff]/;
    const codes = [...Object.keys(ERROR_CODES), ...Object.values(GENERAL_CODE_OF_STATUS)];
    const titles = ERROR_CODES as Readonly<Record<string, { message: string }>>;
    expect(codes.filter((code) => !chinese.test(titles[code]?.message ?? ''))).toEqual([]);
    const problems: Readonly<Record<string, string>> = { ...VALIDATION_PROBLEM_MESSAGES, ...ANNUAL_REPORT_PROBLEM_MESSAGES };
    expect(Object.keys(problems).filter((code) => !chinese.test(problems[code]))).toEqual([]);
  });
});
