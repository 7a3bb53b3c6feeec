import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import { LAYERS, ROOT_FILES_MAY_IMPORT_ANY } from '../scripts/layers.js';

const SRC = join(import.meta.dirname, '..', 'src');

/** Every relative import (static, dynamic, type-only, re-export) of every .ts file under src/. */
async function importsUnderSrc(): Promise<{ file: string; target: string }[]> {
  const found: { file: string; target: string }[] = [];
  for (const entry of await readdir(SRC, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    const source = await readFile(path, 'utf8');
    for (const m of source.matchAll(
      /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm,
    )) {
      found.push({
        file: relative(SRC, path),
        target: relative(SRC, normalize(join(dirname(path), m[1] as string))),
      });
    }
  }
  return found;
}

const topFolder = (path: string): string | undefined => (path.includes(sep) ? path.split(sep)[0] : undefined);

/** The imports the layer table does not allow, as `file → target`. */
function layerViolations(imports: readonly { file: string; target: string }[]): string[] {
  const allowed = new Map(LAYERS.map((l) => [l.folder, new Set([l.folder, ...l.imports])]));
  const wrong: string[] = [];
  for (const { file, target } of imports) {
    const from = topFolder(file);
    const to = topFolder(target) ?? '(src root)';
    if (from === undefined) {
      if (!(ROOT_FILES_MAY_IMPORT_ANY as readonly string[]).includes(file))
        wrong.push(`${file} is loose in src/`);
      continue;
    }
    if (to === '(src root)' || !allowed.get(from)?.has(to)) wrong.push(`${file} → ${target}`);
  }
  return wrong;
}

describe('layers (scripts/layers.ts)', () => {
  it('every folder under src/ is in the layer table', async () => {
    const folders = (await readdir(SRC, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const declared = new Set(LAYERS.map((l) => l.folder));
    assert.deepEqual(
      folders.filter((f) => !declared.has(f)),
      [],
      'add new folders to scripts/layers.ts',
    );
  });

  it('no import runs up or across the layers', async () => {
    const imports = await importsUnderSrc();
    assert.ok(imports.length > 200, `only ${imports.length} imports found: the reader is broken`);
    assert.deepEqual(layerViolations(imports), []);
  });

  it('refuses planted wrong arrows: up, across, to a loose root file', () => {
    const planted = [
      { file: join('doctor', 'diagnose.ts'), target: join('cli', 'context.ts') },
      { file: join('scan', 'verify.ts'), target: join('doctor', 'probe-key.ts') },
      { file: join('core', 'x.ts'), target: join('io', 'git-run.ts') },
      { file: join('doctor', 'x.ts'), target: 'explain.ts' },
      { file: 'explain.ts', target: join('core', 'classify.ts') },
    ];
    assert.equal(layerViolations(planted).length, planted.length);
    assert.deepEqual(
      layerViolations([{ file: join('cli', 'run.ts'), target: join('doctor', 'diagnose.ts') }]),
      [],
    );
  });
});
