import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CAUSE_IDS } from '../../src/catalog/cause-id.js';
import { fakeStandardKey } from '../support/fake-keys.js';

/**
 * What a user gets from npm: `npm pack` of the built package, installed into an empty folder
 * with production dependencies only and no network (`--offline`: from npm's cache), then run
 * through `npx` as a user would. npm test's pretest builds dist/; the tarball is packed without
 * re-running prepack so this test measures that build.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

describe('npm pack, then install from the tarball in an empty folder', {
  skip: !existsSync(join(ROOT, 'dist')),
}, () => {
  let work: string;
  let app: string;
  let tarball: string;
  let files: string[];
  // The child npm must not inherit this run's npm settings (npm test sets npm_config_* for its scripts).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)),
  ) as NodeJS.ProcessEnv;
  /**
   * The installed command. `npx` resolves it to node_modules/.bin/gemini-key-doctor, the link npm
   * made to the package's "bin"; the first test goes through npx itself, the others run that link
   * directly (each npx start costs about half a second of CPU).
   */
  const cli = (args: string[], { input, viaNpx = false }: { input?: string; viaNpx?: boolean } = {}) => {
    const [command, prefix] = viaNpx
      ? [npx, ['--no-install', 'gemini-key-doctor']]
      : [join(app, 'node_modules', '.bin', 'gemini-key-doctor'), []];
    const child = run(command, [...prefix, ...args], {
      cwd: app,
      env: { ...env, NO_COLOR: '1', METADATA_SERVER_DETECTION: 'none' },
      timeout: 60_000,
    });
    if (input !== undefined) child.child.stdin?.end(input);
    return child;
  };

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'gkd-pack-'));
    // Packed where dist/ really is: the tests' type-stripped tree links dist, and npm does not
    // pack a linked folder.
    const packed = await run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
      cwd: dirname(realpathSync(join(ROOT, 'dist'))),
      env,
    });
    const [info] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
    tarball = join(work, info.filename);
    files = info.files.map((f) => f.path);
    app = join(work, 'app');
    await mkdir(app);
    await writeFile(join(app, 'package.json'), '{ "name": "pack-test-app", "private": true }\n');
    await run(npm, ['install', '--offline', '--omit=dev', '--no-audit', '--no-fund', tarball], {
      cwd: app,
      env,
      timeout: 120_000,
    });
  });
  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('prepack builds, so a publish from a clean clone ships dist/', () => {
    assert.match(pkg.scripts['prepack'] ?? '', /\bnpm run build\b/);
  });

  test('the tarball holds the built CLI and the typed library, not the sources or the tests', () => {
    assert.ok(files.includes('dist/bin/gemini-key-doctor.cjs'));
    assert.ok(files.includes('dist/index.js') && files.includes('dist/index.d.ts'));
    assert.ok(files.includes('package.json') && files.includes('README.md'));
    assert.deepEqual(
      files.filter((f) => /^(src|test|bench|scripts)\//.test(f)),
      [],
    );
  });

  test('only the runtime dependencies are installed', async (t) => {
    const installed = (await readdir(join(app, 'node_modules'))).filter((n) => !n.startsWith('.'));
    const names = new Set(installed.flatMap((n) => (n.startsWith('@') ? [] : [n])));
    for (const dep of Object.keys(pkg.dependencies)) assert.ok(names.has(dep), `${dep} installed`);
    // Everything there is the package, a runtime dependency, or theirs: no dev dependency.
    assert.ok(!names.has('typescript') && !names.has('tsx') && !names.has('esbuild'));
    assert.ok(!installed.includes('@google'));
    const bytes = await du(join(app, 'node_modules'));
    t.diagnostic(`installed: ${installed.length} packages, ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
  });

  test('npx gemini-key-doctor --version prints the package version', async () => {
    const { stdout } = await cli(['--version'], { viaNpx: true });
    assert.equal(stdout.trim(), pkg.version);
  });

  test('gemini-key-doctor explain classifies a pasted error offline', async () => {
    const body =
      '{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}';
    const { stdout } = await cli(['explain', '--json', '-'], { input: body });
    const result = JSON.parse(stdout) as { schemaVersion: number; cause: string };
    assert.equal(result.schemaVersion, 1);
    assert.equal(result.cause, 'key_invalid');
    assert.ok((CAUSE_IDS as readonly string[]).includes(result.cause));
  });

  test('--demo runs the doctor on the embedded emulator', async () => {
    const { stdout } = await cli(['--demo']);
    assert.match(stdout, /^gemini-key-doctor demo/);
    assert.match(stdout, /Google blocked this key because it was found leaked/);
    assert.match(stdout, /Now on your project: npx gemini-key-doctor/);
  });

  test('emulate --list prints the magic keys', async () => {
    const { stdout } = await cli(['emulate', '--list', '--json']);
    const keys = JSON.parse(stdout) as { key: string; cause: string | null }[];
    assert.ok(keys.length > 5);
    assert.ok(keys.some((k) => k.cause === null && k.key.startsWith('AQ.EMU-')));
  });

  test('scan finds a key with a worker thread (the worker is a file of its own in the package)', async () => {
    const tree = join(work, 'tree');
    await mkdir(tree);
    await writeFile(join(tree, 'config.js'), `export const GEMINI_API_KEY = "${fakeStandardKey()}";\n`);
    const scanned = await cli(['scan', tree, '--workers', '1', '--format', 'json']).catch(
      (error: { code?: number; stdout?: string }) => {
        // exit 1 would mean a real key; a test key is a note and the scan exits 0
        throw new Error(`scan exited ${error.code}: ${error.stdout?.slice(0, 200)}`);
      },
    );
    const report = JSON.parse(scanned.stdout) as { findings: { rule: string; file: string }[] };
    assert.deepEqual(
      report.findings.map((f) => [f.rule, f.file]),
      [['test-key', 'config.js']],
    );
  });

  test('the library imports from the installed package, with its types', async () => {
    const script =
      "const m = await import('gemini-key-doctor'); console.log(typeof m.explain, typeof m.scan);";
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: app, env });
    assert.equal(stdout.trim(), 'function function');
    assert.ok(existsSync(join(app, 'node_modules', pkg.name, 'dist', 'index.d.ts')));
  });
});

async function du(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const name of await readdir(path)) total += await du(join(path, name));
  return total;
}
