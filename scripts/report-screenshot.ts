/**
 * The README's picture of a failing HTML report, made from a demo run (the real doctor against the
 * embedded emulator, no key, no network) in Debian's Chromium: `npx tsx scripts/report-screenshot.ts`
 * after `npm ci` writes docs/doctor-report.png.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { runDemoScenarios } from '../src/cli/commands/demo.js';
import { renderHtml } from '../src/doctor/render/html.js';

const OUT = join(import.meta.dirname, '..', 'docs', 'doctor-report.png');
const SCENARIO = 'monorepo';

const results = await runDemoScenarios();
const chosen = results.find((r) => r.scenario.title.includes(SCENARIO));
if (!chosen) throw new Error(`no demo scenario mentions ${SCENARIO}`);
const file = join(tmpdir(), 'gkd-readme-report.html');
await writeFile(file, renderHtml(chosen.report));
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  headless: true,
  args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
});
try {
  const page = await browser.newPage({ viewport: { width: 820, height: 1000 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(file).href);
  await mkdir(join(OUT, '..'), { recursive: true });
  await page.screenshot({ path: OUT, clip: { x: 0, y: 0, width: 820, height: 1000 } });
  process.stdout.write(`${OUT}\n`);
} finally {
  await browser.close();
}
