import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The library entry (dist/index.js) stays tree-shakeable: an app bundling one small function
 * gets that function, not the catalog, the emulator, the scanner or the CLI's dependencies.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function bundled(names: string): Promise<string> {
  const result = await build({
    stdin: { contents: `export { ${names} } from './dist/index.js';`, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

test('importing maskKey alone bundles a few KB, none of commander, zod or the emulator', {
  skip: !existsSync(`${ROOT}dist/index.js`),
}, async () => {
  const text = await bundled('maskKey');
  assert.ok(text.length < 8 * 1024, `${text.length} bytes`);
  for (const absent of ['commander', 'ZodError', 'generativelanguage', 'MAGIC_KEYS']) {
    assert.ok(!text.includes(absent), `${absent} in the bundle`);
  }
});

test('importing explain brings the catalog, but not the emulator, the scanner or the CLI', {
  skip: !existsSync(`${ROOT}dist/index.js`),
}, async () => {
  const text = await bundled('explain');
  assert.ok(text.includes('key_invalid'));
  for (const absent of ['CommanderError', 'ZodError', 'createServer', 'ls-files']) {
    assert.ok(!text.includes(absent), `${absent} in the bundle`);
  }
});
