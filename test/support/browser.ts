import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { projectRoot } from '@zwgk/config';
import { ensureWebBuild } from '../../scripts/web-build';

/**
 * The browser side of the browser specs (test/browser): Debian's Chromium through playwright-core, in a
 * fresh profile, the way a county clerk in China sees the web UI, with screenshots under
 * test-output/screenshots/ for a human to look at.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(projectRoot, 'test-output', 'screenshots');

export interface ChromiumOptions {
  /** Whether downloads (CSV and Excel exports) are kept; Playwright's default when left out. */
  acceptDownloads?: boolean;
  viewport?: { width: number; height: number };
  /** How long an action or wait may take: a full `npx jest` shares the machine with the other suites. */
  defaultTimeout?: number;
}

export interface LaunchedChromium {
  readonly context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/**
 * Builds the web UI when stale, then starts Chromium. Call it before `startSystem`: the API serves
 * apps/web/dist only if it exists when it starts. `tag` prefixes the build's log lines.
 */
export async function launchChromium(tag: string, options: ChromiumOptions = {}): Promise<LaunchedChromium> {
  ensureWebBuild((line) => process.stdout.write(`[${tag}] ${line}\n`), 'capture');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'zwgk-chromium-'));
  let context: BrowserContext;
  try {
    // A persistent context is how Playwright takes a fresh --user-data-dir of our own.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--lang=zh-CN'],
      // Date inputs follow the browser's own locale, not the page's: yyyy/mm/dd needs zh-CN. Chromium on
      // Linux takes it from LANGUAGE (it ignores --lang), and only when its zh-CN locale pack is installed
      // (Debian: chromium-l10n); without it, Chromium keeps en-US and shows mm/dd/yyyy.
      env: { ...process.env, LANGUAGE: 'zh_CN' },
      viewport: options.viewport ?? { width: 1280, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: options.acceptDownloads,
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  // Under a full `npx jest` a workflow Update can take far longer than Playwright's 30 s default, and a
  // spec should report a failure, not a slow machine.
  context.setDefaultTimeout(options.defaultTimeout ?? 90_000);
  return {
    context,
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Saves the whole page as test-output/screenshots/<name>.png. */
export function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * The serious and critical accessibility problems axe-core finds on the page as it is now (WCAG 2.1 A and
 * AA rules), one line each: the rule, its impact, what it asks and the first elements at fault. A test
 * expects none: `expect(await accessibilityProblems(page)).toEqual([])`.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}; ${violation.nodes.slice(0, 3).map((node) => `${node.target.join(' ')} ${node.failureSummary ?? ''}`.replace(/\s+/g, ' ')).join(' | ')}`);
}

/** A main screen: its screenshot under test-output/screenshots/, and no serious accessibility problem on it. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect({ screen: name, problems: await accessibilityProblems(page) }).toEqual({ screen: name, problems: [] });
}

/** What one tab showed when a test failed: its address and the text of each alert on it. */
export interface TabAlerts {
  readonly url: string;
  readonly alerts: string[];
}

/**
 * For the person reading a failure: saves every open tab as <prefix><index>.png and returns the tabs that
 * showed an alert, with its text. Never throws: a tab that cannot be captured is passed over.
 */
export async function failureScreenshots(context: BrowserContext, prefix: string): Promise<TabAlerts[]> {
  const tabs: TabAlerts[] = [];
  for (const [index, page] of context.pages().entries()) {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${prefix}${index}.png`), fullPage: true }).catch(() => undefined);
    const alerts = await page.locator('[role="alert"]').allTextContents().catch(() => []);
    if (alerts.length) tabs.push({ url: page.url(), alerts });
  }
  return tabs;
}

/** A new tab (its own sessionStorage, so its own signed-in user), signed in as a demo user. */
export async function signIn(context: BrowserContext, origin: string, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/login`);
  await page.locator(`button[data-username="${username}"]`).click();
  await page.locator('.user-box').waitFor();
  return page;
}

/** Waits until the first match contains the text; after 30 s fails with what it does contain. */
/** Picks `option` in the TDesign Select labelled `label`: its options open in a popup outside the control. */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.t-popup .t-select-option', { hasText: option }).first().click();
}

export async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.first().waitFor();
  const deadline = Date.now() + 30_000;
  for (;;) {
    const content = (await locator.first().textContent()) ?? '';
    if (content.includes(text)) return;
    if (Date.now() > deadline) expect(content).toContain(text);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function expectVisible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 30_000 });
}

/** Waits until there are exactly `count` matches; after 30 s fails with the count there is. */
export async function expectCount(locator: Locator, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await locator.count()) !== count) {
    if (Date.now() > deadline) expect(await locator.count()).toBe(count);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
