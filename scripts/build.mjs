#!/usr/bin/env node
// Builds dist/ in two parts:
//  1. The library: tsc emits one ESM file per module with its .d.ts (tree-shakeable; package.json
//     says `sideEffects: false`). Type errors are `npm run typecheck`'s job, so this emit skips
//     checking (--noCheck: 3 s instead of 13).
//  2. The CLI, with esbuild: a small CommonJS entry (dist/bin/gemini-key-doctor.cjs) and one bundle
//     per command (dist/bin/commands/<name>.cjs) that the entry `require`s only when that command
//     runs.
//     CommonJS because Node starts an ES module entry ~4 ms slower than a CommonJS one (half the
//     `--version` budget); one file per command because every further file costs a read and a
//     compile. A new command needs no line here: every src/cli/commands/*.ts is a bundle, and a
//     lazy `import('./commands/x.js')` between two of them becomes a `require` of the other bundle.
//     Another entry is one line in BUNDLES; another build step, one `await import()` at the end.
// Then it writes dist/build-stamp.json with the hash of the sources, which the benchmarks compare
// (they refuse to measure a stale build) and `--if-stale` reads (npm test and npm start build only
// when the sources changed since the last build).
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { regexLiterals, visibleForms } from './build-shims/source-facts.mjs';
import { sourceHash } from './source-hash.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

const commandFiles = readdirSync(join(ROOT, 'src/cli/commands'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => `src/cli/commands/${name}`);

/**
 * Every bundled entry: its source and its output under dist/. `format: 'esm'` is for a file Node
 * must load as an ES module: the scan worker sits where src/scan/scan-jobs.ts looks for it, next
 * to the bundle that starts it (`new URL('./scan-worker.js', import.meta.url)`).
 */
export const BUNDLES = [
  { entry: 'src/cli/bin.ts', out: 'bin/gemini-key-doctor.cjs' },
  ...commandFiles.map((entry) => ({
    entry,
    out: `bin/commands/${entry.split('/').pop().replace(/\.ts$/, '.cjs')}`,
  })),
  { entry: 'src/scan/scan-worker.ts', out: 'bin/commands/scan-worker.js', format: 'esm' },
  // Big and rarely needed: zod, for `emulate --config` only, in a file of its own.
  { entry: 'src/emulator/config-file.ts', out: 'bin/lazy/emulator-config-file.cjs' },
  // The YAML parser, for a project with a Docker Compose file only.
  { entry: 'src/io/compose-yaml.ts', out: 'bin/lazy/compose-yaml.cjs' },
  // oxc-parser's JavaScript (~45 KB), for projects with JS/TS sources only.
  { entry: 'src/io/oxc-parse.ts', out: 'bin/lazy/oxc-parse.cjs' },
  // The MCP server imports the SDK (an optional peer, ES modules only) at run time.
  { entry: 'src/mcp/server.ts', out: 'bin/lazy/mcp-server.js', format: 'esm' },
];

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const runtimeDeps = new Set(Object.keys(pkg.dependencies ?? {}));
const peerDeps = new Set(Object.keys(pkg.peerDependencies ?? {}));

/**
 * Only `dependencies` may be inlined. A dev dependency (the real SDK clients the tests run, the
 * test tools) reaching a bundle is a mistake: the build fails and names the import.
 */
const onlyRuntimeDependencies = {
  name: 'only-runtime-dependencies',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || args.importer.includes('node_modules')) return undefined;
      const [scope, name] = args.path.split('/');
      const pkgName = args.path.startsWith('@') ? `${scope}/${name}` : scope;
      if (runtimeDeps.has(pkgName)) return undefined;
      // An optional peer (the MCP SDK, the Google SDK) is the user's install: loaded at run time.
      if (peerDeps.has(pkgName)) return { path: args.path, external: true };
      return {
        errors: [{ text: `${args.path} is not in package.json "dependencies": it must not be bundled` }],
      };
    });
  },
};

/**
 * Lazy loads across files. In a CommonJS bundle, `import()` of another CommonJS bundle or of a
 * Node built-in becomes a `require` run when the import runs: Node's ES module loader (~4 ms to
 * start) is never needed. `import()` of an ES module bundle (or from one) stays a real `import()`.
 */
function lazyLoads(self) {
  const outputOf = new Map(BUNDLES.map((b) => [resolve(ROOT, b.entry), b]));
  const selfIsCjs = self.format !== 'esm';
  return {
    name: 'lazy-loads',
    setup(b) {
      b.onResolve({ filter: /.*/, namespace: 'require-at-import' }, (args) => ({
        path: args.path,
        external: true,
      }));
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        if (args.path.startsWith('node:')) {
          return selfIsCjs ? { path: args.path, namespace: 'require-at-import' } : undefined;
        }
        if (!args.path.startsWith('.')) return undefined;
        const target = outputOf.get(resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')));
        if (target === undefined || target === self) return undefined;
        let path = relative(dirname(join(DIST, self.out)), join(DIST, target.out));
        if (!path.startsWith('.')) path = `./${path}`;
        if (selfIsCjs && target.format !== 'esm') return { path, namespace: 'require-at-import' };
        return { path, external: true };
      });
      b.onLoad({ filter: /.*/, namespace: 'require-at-import' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
    },
  };
}

/**
 * Modules that take milliseconds to load and that bundled code requires at load time but calls
 * only on rare paths, each replaced by a stand-in that loads the real module on first use:
 *  - commander requires child_process (~4 ms) for executable subcommands, which this CLI never uses;
 *  - dotenv requires crypto (~3 ms) for encrypted .env files;
 *  - confusables builds its look-alike map at load (~1.5 ms, in the entry and again in each command
 *    bundle when inlined); it is needed only for a text with non-ASCII characters in it. Left out
 *    of the bundles, it loads from node_modules once, shared by all of them (it is a dependency).
 */
const LAZY_BUILTINS = ['child_process', 'crypto', 'fs/promises'];
const LAZY_PACKAGES = ['confusables'];
const requireBuiltin = createRequire(import.meta.url);
const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    const filter = new RegExp(`^((node:)?(${LAZY_BUILTINS.join('|')})|${LAZY_PACKAGES.join('|')})$`);
    b.onResolve({ filter }, (args) =>
      // the stand-in's own require is the real module
      args.namespace === 'lazy-module'
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-module' },
    );
    // The key list and the __esModule flag are taken now, so listing the module and asking what
    // kind it is (esbuild's interop does both, for every import) do not load it: only reading
    // another property does.
    b.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => {
      const id = LAZY_PACKAGES.includes(args.path) ? args.path : `node:${args.path}`;
      const real = requireBuiltin(id);
      return {
        loader: 'js',
        contents: `let real;
const load = () => (real ??= require(${JSON.stringify(id)}));
const keys = ${JSON.stringify(Object.keys(real))};
const esModule = ${JSON.stringify(real.__esModule === true)};
module.exports = new Proxy({}, {
  get: (_, name) => (name === '__esModule' ? esModule : load()[name]),
  has: (_, name) => keys.includes(name) || name in load(),
  ownKeys: () => keys,
  getOwnPropertyDescriptor: (_, name) =>
    keys.includes(name) ? { configurable: true, enumerable: true, writable: true, value: undefined } : undefined,
});`,
      };
    });
  },
};

/**
 * Exact, meaning-preserving rewrites of a dependency's source, for start-up. The build fails when
 * a pattern is no longer there (the dependency changed: look again).
 *  - picocolors decides its default instance's colours at load time from `process.stdout.isTTY`,
 *    which creates the stdout stream (~10 ms on a pipe, with node:tty, net and the streams). This
 *    CLI prints with write(2) and never uses that default instance: every renderer calls
 *    createColors(enabled) with the CLI's own decision (TTY, NO_COLOR, --no-color, TERM=dumb).
 *    So the probe becomes `false`, which only the unused default instance sees.
 */
const SOURCE_PATCHES = [
  { file: 'node_modules/picocolors/picocolors.js', from: '(p.stdout || {}).isTTY', to: 'false' },
];
const patchSources = {
  name: 'patch-sources',
  setup(b) {
    for (const patch of SOURCE_PATCHES) {
      const path = join(ROOT, patch.file);
      b.onLoad({ filter: new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }, () => {
        const source = readFileSync(path, 'utf8');
        if (!source.includes(patch.from)) throw new Error(`${patch.file} no longer contains ${patch.from}`);
        return { contents: source.replace(patch.from, patch.to), loader: 'js' };
      });
    }
  },
};

/** The source hash dist/ was last built from, or undefined. */
function builtFrom() {
  try {
    return JSON.parse(readFileSync(join(DIST, 'build-stamp.json'), 'utf8')).sourceHash;
  } catch {
    return undefined;
  }
}

async function bundle(entry) {
  const cjs = entry.format !== 'esm';
  await build({
    absWorkingDir: ROOT,
    entryPoints: [entry.entry],
    outfile: join(DIST, entry.out),
    bundle: true,
    format: cjs ? 'cjs' : 'esm',
    platform: 'node',
    target: 'node20',
    // GKD_BUILD_READABLE=1 keeps names and lines, for a CPU profile of the bundle.
    minify: !process.env['GKD_BUILD_READABLE'],
    logLevel: 'warning',
    // The version is inlined: `--version` reads no file.
    define: {
      __GKD_VERSION__: JSON.stringify(pkg.version),
      // names the compile cache's files (src/cli/compile-cache.ts): a new build never reads an old one's
      __GKD_BUILD_ID__: JSON.stringify(BUILD_ID),
      // a JSON text, parsed on first use: as an object literal it was ~40 KB of the code cache
      __GKD_REGEX_LITERALS__: JSON.stringify(JSON.stringify(REGEX_LITERALS)),
      __GKD_VISIBLE_FORMS__: JSON.stringify(VISIBLE_FORMS),
      // import.meta.dirname is CommonJS's own __dirname (no node:url to load for it)
      ...(cjs ? { 'import.meta.url': 'importMeta.url', 'import.meta.dirname': '__dirname' } : {}),
    },
    inject: cjs ? [join(ROOT, 'scripts/build-shims/import-meta-url.mjs')] : [],
    // An ES module bundle has no `require` for the CommonJS dependencies it inlines: give it one.
    banner: cjs
      ? {}
      : {
          js: "import { createRequire as __gkdRequire } from 'node:module'; const require = __gkdRequire(import.meta.url);",
        },
    // import.meta.resolve only runs from source under tsx (src/scan/scan-jobs.ts).
    logOverride: { 'empty-import-meta': 'silent' },
    plugins: [lazyLoads(entry), lazyModules, patchSources, onlyRuntimeDependencies],
  });
  // A readable build keeps the sources' comments, in any characters: it is for profiles only.
  if (!process.env['GKD_BUILD_READABLE']) assertAscii(join(DIST, entry.out));
}

/**
 * A bundle must be ASCII. Node reads a file as UTF-8, and one character outside Latin-1 makes V8
 * hold the whole source as a two-byte string, decoded and scanned more slowly: ~2 % of a run of
 * `explain`. esbuild escapes such characters in strings, not in regular expressions: write them
 * there as \u escapes.
 */
function assertAscii(file) {
  const text = readFileSync(file, 'utf8');
  let at = 0;
  while (at < text.length && text.charCodeAt(at) < 0x80) at++;
  if (at === text.length) return;
  const context = text.slice(Math.max(0, at - 40), at + 20).replace(/\s+/g, ' ');
  throw new Error(
    `${relative(ROOT, file)} is not ASCII at …${context}…: write the character as a \\u escape`,
  );
}

const started = performance.now();
const SOURCE_HASH = sourceHash(ROOT);
// `--if-stale` (npm test, npm start): nothing to do when dist/ was built from these very sources.
if (process.argv.includes('--if-stale') && builtFrom() === SOURCE_HASH) {
  console.log('dist/ is up to date (built from these sources)');
  process.exit(0);
}
const BUILD_ID = SOURCE_HASH.slice(0, 16);
const REGEX_LITERALS = await regexLiterals(ROOT);
const VISIBLE_FORMS = await visibleForms(ROOT);
rmSync(DIST, { recursive: true, force: true });
const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
// The library (tsc, a process of its own) and the bundles (esbuild) are built at the same time.
const library = new Promise((done, fail) =>
  execFile(
    process.execPath,
    [tsc, '-p', 'tsconfig.build.json', '--noCheck'],
    { cwd: ROOT },
    (error, stdout, stderr) => {
      process.stdout.write(stdout);
      process.stderr.write(stderr);
      if (error) fail(new Error(`tsc failed: ${error.message}`));
      else done();
    },
  ),
);
await Promise.all([library, ...BUNDLES.map(bundle)]);
// dist/web/explain.html: the explain page as one self-contained file (its own esbuild settings).
await import('./build-web.mjs');
writeFileSync(join(DIST, 'build-stamp.json'), `${JSON.stringify({ sourceHash: SOURCE_HASH })}\n`);
console.log(`built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
