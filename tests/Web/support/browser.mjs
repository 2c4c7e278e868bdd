// Debian's Chromium (installed by ./ops/test, never downloaded), driven by playwright-core. Every page a test opens fails
// the test on a script error or on a 5xx answer from the API; screenshots go to docs/screenshots when asked
// (EVENTHR_WEB_SCREENSHOTS=1 ./ops/test --web-only), for README.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { baseUrl } from './api.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const screenshots = path.resolve(here, '../../../docs/screenshots');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.EVENTHR_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const desk = { viewport: { width: 1366, height: 900 } };

/** A page signed in with the token through the address's fragment, as a link from an email or a portal would. */
export async function openAs(browser, bearer, { device = desk, hash = '' } = {}) {
  const context = await browser.newContext({ ...device, acceptDownloads: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`script error: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 500) page.problems.push(`${r.status()} from ${r.url()}`); });
  await page.goto(`${baseUrl}/app/#token=${bearer}`);
  if (hash) await page.goto(`${baseUrl}/app/${hash}`);
  return page;
}

export async function close(page) {
  const problems = page.problems;
  await page.context().close();
  if (problems.length) throw new Error(`the page had problems:\n${problems.join('\n')}`);
}

export async function shoot(page, name) {
  if (process.env.EVENTHR_WEB_SCREENSHOTS !== '1') return;
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

/** A test id's element (several ids may be given as a locator chain). */
export const byId = (scope, id) => scope.locator(`[data-testid="${id}"]`);
