import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '@zwgk/config';

/**
 * The three test tiers are Jest projects told apart by suffix (jest.config.js). A test file with any other
 * suffix runs in no tier at all, and a browser test named like an integration test runs in the wrong one;
 * both pass unnoticed, so they are checked here.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(projectRoot, 'jest.config.js')) as { projects: { displayName: string; testMatch: string[]; globalSetup?: string; globalTeardown?: string }[] };
const project = (name: string) => config.projects.find((candidate) => candidate.displayName === name)!;

/** The web app has its own build and no Jest tests; node_modules and build output hold no tests of ours. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', path.join('apps', 'web')]);
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.relative(projectRoot, path.join(dir, entry.name));
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) || SKIPPED_DIRS.has(relative) ? [] : testFiles(path.join(dir, entry.name));
    return /[.-](spec|test)\.[cm]?[jt]sx?$/.test(entry.name) ? [relative] : [];
  });
}

describe('the test tiers', () => {
  const files = ['apps', 'libs', 'workflows', 'activities', 'test'].flatMap((dir) => testFiles(path.join(projectRoot, dir)));

  it('are unit, integration and browser, and only the server tiers start servers', () => {
    expect(config.projects.map((tier) => [tier.displayName, tier.testMatch])).toEqual([
      ['unit', ['**/*.spec.ts']],
      ['integration', ['**/*.int-spec.ts']],
      ['browser', ['**/*.browser-spec.ts']],
    ]);
    expect(project('unit')).not.toHaveProperty('globalSetup');
    expect(project('unit')).not.toHaveProperty('globalTeardown');
    expect(project('browser').globalSetup).toBe(project('integration').globalSetup);
    expect(project('browser').globalTeardown).toBe(project('integration').globalTeardown);
  });

  it('take every test file by its suffix: .spec.ts anywhere, .int-spec.ts and .browser-spec.ts under test/', () => {
    expect(files.length).toBeGreaterThan(60);
    const misplaced = files.filter((file) => {
      if (file.endsWith('.int-spec.ts')) return !file.startsWith('test/') || file.startsWith('test/browser/');
      if (file.endsWith('.browser-spec.ts')) return !file.startsWith('test/browser/');
      return !file.endsWith('.spec.ts') || file.startsWith('test/integration/') || file.startsWith('test/browser/');
    });
    expect(misplaced).toEqual([]);
  });
});
