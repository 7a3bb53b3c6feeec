/**
 * The README's picture of the explain page: dist/web/explain.html (run `npm run build` first) in
 * Debian's Chromium, opened with a real leaked-key error from the test fixtures through #error=.
 * `npm run screenshot` writes docs/explain-page.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../test/web/browser.js';
import { REPO_ROOT } from './readme-sections.js';

const fixtures = JSON.parse(
  readFileSync(join(REPO_ROOT, 'test/fixtures/explain/real-errors.json'), 'utf8'),
) as Array<{ id: string; text: string }>;
const example = fixtures.find((f) => f.id === 'continue-10513-leaked-403');
if (!example) throw new Error('the example error is gone from real-errors.json');

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 1000 }, colorScheme: 'light' });
  const url = pathToFileURL(join(REPO_ROOT, 'dist/web/explain.html')).href;
  await page.goto(`${url}#error=${encodeURIComponent(example.text)}`);
  await page.waitForSelector('#result[data-cause]');
  const out = join(REPO_ROOT, 'docs/explain-page.png');
  await page.screenshot({ path: out, fullPage: true });
  process.stdout.write(`wrote ${out}\n`);
} finally {
  await browser.close();
}
