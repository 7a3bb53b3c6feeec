import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { CauseId } from '../../src/catalog/cause-id.js';
import { type DemoScenario, runDemoScenarios } from '../../src/cli/commands/demo.js';
import { keyPathStepOf } from '../../src/core/key-path-flowchart.js';
import { renderHtml } from '../../src/doctor/render/html.js';
import type { DoctorReport } from '../../src/doctor/report.js';
import { launchChromium } from './browser.js';

/**
 * The HTML report of each demo scenario in headless Chromium (Debian's, via playwright-core): the
 * verdict banner is at the top in its status colour, failing cards come before any table in red,
 * warnings amber, passes green (the old CSS made all three grey), the key's path marks where it
 * stops, nothing leaves the page, no key is on it, and it fits a phone. Screenshots, narrow and
 * wide, light and dark, go to .screenshots/ (not committed).
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SCREENSHOTS = join(ROOT, '.screenshots');

let browser: Browser;
let dir: string;
let pages: { scenario: DemoScenario; report: DoctorReport; url: string }[];
/**
 * One tab for the whole file, each report opened in turn at the screen size and colour scheme a
 * test asks for: a browser context (and its renderer) per report cost ~0.3 s of CPU each, twenty
 * times over. Every other request the tab makes is recorded against the report open in it.
 */
let tab: Page;
let current = '';
const requests: string[] = [];

before(async () => {
  browser = await launchChromium();
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  tab = await context.newPage();
  tab.on('request', (request) => {
    if (request.url() !== current) requests.push(request.url());
  });
  dir = await mkdtemp(join(tmpdir(), 'gkd-report-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  pages = [];
  for (const [index, { scenario, report }] of (await runDemoScenarios()).entries()) {
    const file = join(dir, `report-${index + 1}.html`);
    await writeFile(file, renderHtml(report));
    pages.push({ scenario, report, url: pathToFileURL(file).href });
  }
});
after(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

async function open(url: string, options: { width: number; dark?: boolean }) {
  await tab.setViewportSize({ width: options.width, height: 900 });
  await tab.emulateMedia({ colorScheme: options.dark ? 'dark' : 'light' });
  current = url;
  requests.length = 0;
  await tab.goto(url);
  return { page: tab, requests };
}

/** The page's own colour for a status, as Chromium computes `rgb(…)`. */
async function statusColour(page: Page, status: string): Promise<string> {
  return page.evaluate((s) => {
    const probe = document.createElement('span');
    probe.style.color = `var(--${s})`;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, status);
}

describe('the HTML report in Chromium (demo scenarios)', () => {
  test('banner first, in the verdict colour; failing cards red and above every table; no request; no key', async () => {
    for (const { scenario, report, url } of pages) {
      const { page, requests } = await open(url, { width: 1280 });
      const banner = page.locator('header.verdict');
      assert.equal(await banner.getAttribute('data-status'), report.verdict.status, scenario.title);
      const box = (await banner.boundingBox())!;
      assert.ok(box.y < 1, `banner at y=${box.y}`);
      const expected = report.verdict.status === 'ok' ? 'pass' : report.verdict.status;
      assert.equal(
        await banner.evaluate((e) => getComputedStyle(e).backgroundColor),
        await statusColour(page, expected),
      );
      const tableTop = (await page.locator('table').first().boundingBox())!.y;
      assert.ok(box.y + box.height <= tableTop);
      const cards = page.locator('article.check');
      if (report.verdict.status === 'fail') {
        const first = cards.first();
        assert.equal(await first.getAttribute('data-cause'), report.verdict.cause);
        assert.ok((await first.boundingBox())!.y < tableTop, 'the failing card is below a table');
        assert.equal(
          await first.evaluate((e) => getComputedStyle(e).borderLeftColor),
          await statusColour(page, 'fail'),
        );
      }
      for (const value of Object.values(scenario.env))
        assert.ok(!(await page.content()).includes(value.slice(4, 16)), 'a key is on the page');
      assert.deepEqual(requests, []);
    }
  });

  test('pass, warn and fail are three different colours (the old CSS made them all grey)', async () => {
    const stale = pages.find((p) => p.scenario.title.includes('stale'))!;
    const { page } = await open(stale.url, { width: 1280 });
    const colourOf = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => getComputedStyle(e).color);
    const pass = await colourOf('ul.checks li.status-pass .mark');
    const warn = await colourOf('ul.checks li.status-warn .mark');
    const fail = await colourOf('article.status-fail .mark');
    assert.equal(pass, await statusColour(page, 'pass'));
    assert.equal(warn, await statusColour(page, 'warn'));
    assert.equal(fail, await statusColour(page, 'fail'));
    assert.equal(new Set([pass, warn, fail, 'rgb(204, 204, 204)']).size, 4);
  });

  test('the path marks the step where it stops with aria-current="step"; a working key has none', async () => {
    for (const { report, url } of pages) {
      const { page } = await open(url, { width: 1280 });
      const marked = page.locator('svg [aria-current="step"]');
      if (report.verdict.cause === null) assert.equal(await marked.count(), 0);
      else {
        assert.equal(await marked.count(), 1);
        assert.equal(await marked.getAttribute('data-step'), keyPathStepOf(report.verdict.cause as CauseId));
      }
    }
  });

  test('phone width: nothing wider than the screen; light and dark; screenshots narrow and wide', async () => {
    for (const [name, width, dark] of [
      ['narrow', 375, false],
      ['wide', 1280, false],
      ['narrow-dark', 375, true],
    ] as const) {
      for (const [index, { url }] of pages.entries()) {
        const { page } = await open(url, { width, dark });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `report ${index + 1} ${name}: ${overflow}px wider than the screen`);
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert.equal(background, dark ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
        // One report per screen is kept as a picture (GKD_SCREENSHOTS=all keeps every one): a
        // full-page screenshot costs more than all the checks above.
        if (index === 0 || process.env['GKD_SCREENSHOTS'] === 'all') {
          await page.screenshot({
            path: join(SCREENSHOTS, `report-${index + 1}-${name}.png`),
            fullPage: true,
          });
        }
      }
    }
  });

  test('a copy button puts the command on the clipboard', async () => {
    // The leaked key's card ends with "reproduce by hand": a command block.
    const failing = pages.find((p) => p.report.verdict.cause === 'key_leaked')!;
    const { page } = await open(failing.url, { width: 1280 });
    const buttons = page.locator('button.copy');
    assert.ok((await buttons.count()) > 0, 'no command block');
    const code = await page.locator('.cmd pre').first().textContent();
    await buttons.first().click();
    // The label changes once the clipboard write has resolved: wait for it (5 s at most), then check.
    await page
      .waitForFunction(() => document.querySelector('button.copy')?.textContent === 'Copied', null, {
        timeout: 5000,
      })
      .catch(() => {});
    assert.equal(await buttons.first().textContent(), 'Copied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  });
});
