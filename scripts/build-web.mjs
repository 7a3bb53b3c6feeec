// Builds dist/web/explain.html: the explain page as ONE self-contained file. esbuild bundles
// src/web/explain-page.ts (explain(), the catalog, the flowchart) into an inline script; the CSP
// allows exactly that script and style (by hash) and nothing else: no request can leave the page.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist/web/explain.html');
/** The issue's budget for the page. */
const MAX_BYTES = 250 * 1024;

// core/key-material.ts imports node:crypto for fingerprints, which explain() never computes: the
// page gets a stub that fails loudly if that ever changes, instead of a crypto polyfill.
const nodeBuiltinStub = {
  name: 'node-builtin-stub',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'node-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'node-stub' }, (args) => ({
      contents: `const unavailable = () => { throw new Error(${JSON.stringify(`${args.path} is not available in the browser`)}); };
export const createHash = unavailable, inspect = unavailable, parseEnv = unavailable;
export const Buffer = { from: unavailable, isBuffer: () => false };
export default new Proxy({}, { get: () => unavailable });`,
      loader: 'js',
    }));
  },
};

const bundle = await build({
  entryPoints: [join(ROOT, 'src/web/explain-page.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  write: false,
  plugins: [nodeBuiltinStub],
});
const js = bundle.outputFiles[0].text.trim();
if (/<\/script/i.test(js)) throw new Error('build-web: the bundle contains "</script"');
const css = (await readFile(join(ROOT, 'src/web/explain-page.css'), 'utf8')).trim();
const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${hash(js)}`,
  `style-src ${hash(css)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const template = await readFile(join(ROOT, 'src/web/explain.html'), 'utf8');
for (const slot of [
  '{{CSP}}',
  '{{VERSION}}',
  '<style id="page-style"></style>',
  '<script id="page-script"></script>',
])
  if (!template.includes(slot)) throw new Error(`build-web: src/web/explain.html lost its ${slot} slot`);
// Function replacers: `$` sequences in the bundle must not be read as replacement patterns.
const html = template
  .replace('{{CSP}}', () => csp)
  .replace('{{VERSION}}', () => pkg.version)
  .replace('<style id="page-style"></style>', () => `<style>${css}</style>`)
  .replace('<script id="page-script"></script>', () => `<script>${js}</script>`);
const bytes = Buffer.byteLength(html);
if (bytes > MAX_BYTES)
  throw new Error(`build-web: explain.html is ${bytes} bytes, over the ${MAX_BYTES} budget`);
await mkdir(dirname(OUT), { recursive: true });
await writeFile(OUT, html);
console.log(`dist/web/explain.html: ${(bytes / 1024).toFixed(1)} KB`);
