#!/usr/bin/env node
// Strips the types from src/, test/ and scripts/ into .test-build/, once, so that `npm test` runs
// plain JavaScript: each test file is a process of its own, and loading tsx in each (its loader
// thread and transforms) cost ~0.6 s of CPU per file, a third of the whole run on two cores.
//
// .test-build/ mirrors the repository: every .ts file beside its .js, every other file a hard link
// to the real one (a file to readdir and cp, where a symbolic link is not), every other folder a
// symbolic link (node_modules, dist, test/fixtures…). A test that finds the repository from
// `import.meta.url`, reads a .ts source, or runs one through tsx sees the same tree as from source. The transform is esbuild's, as under tsx; nothing is
// bundled, so each module stays its own file, as it is in src/.
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TEST_BUILD = join(ROOT, '.test-build');
/** Folders whose TypeScript is code the tests run; test/fixtures is data (kept as it is). */
const COMPILED = ['src', 'test', 'scripts'];
const DATA = new Set(['test/fixtures']);
/** Never mirrored: the build itself, and git's own folder (a test that wants git uses a temp repo). */
const SKIPPED = new Set(['.test-build', '.git']);

function link(path, isDirectory) {
  const [real, mirrored] = [join(ROOT, path), join(TEST_BUILD, path)];
  if (isDirectory) return symlinkSync(relative(dirname(mirrored), real), mirrored);
  try {
    linkSync(real, mirrored);
  } catch {
    copyFileSync(real, mirrored); // a file system without hard links
  }
}

/** Mirrors `folder` (relative to the root): .ts files listed for the transform, the rest linked. */
function mirror(folder, entryPoints) {
  mkdirSync(join(TEST_BUILD, folder), { recursive: true });
  for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (SKIPPED.has(path)) continue;
    const compiled = COMPILED.some((c) => path === c || path.startsWith(`${c}/`)) && !DATA.has(path);
    if (entry.isDirectory() && (folder === '' ? COMPILED.includes(path) : compiled)) {
      mirror(path, entryPoints);
      continue;
    }
    if (compiled && entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      entryPoints.push(path);
    }
    link(path, entry.isDirectory());
  }
}

export async function buildTests() {
  rmSync(TEST_BUILD, { recursive: true, force: true });
  // .screenshots/ is where the browser tests leave theirs: the real folder, through the link.
  mkdirSync(join(ROOT, '.screenshots'), { recursive: true });
  const entryPoints = [];
  mirror('', entryPoints);
  await build({
    absWorkingDir: ROOT,
    entryPoints,
    outdir: TEST_BUILD,
    outbase: ROOT,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildTests();
