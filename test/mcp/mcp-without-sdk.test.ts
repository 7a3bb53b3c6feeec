import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CLI_BIN_IN_PACKAGE } from '../support/built-cli.js';

/**
 * A plain install (the package's dist and its dependencies, no gemini-key-doctor-mcp):
 * `mcp` prints a one-line hint and exits 2; every other command runs without the SDK.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkd-plain-'));
  // dereference: dist may be a link (the tests' type-stripped tree links it), and a link would
  // leave the CLI finding the SDK in this checkout's node_modules.
  await cp(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true, dereference: true });
  await cp(join(ROOT, 'package.json'), join(dir, 'package.json'));
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const dep of Object.keys(pkg.dependencies)) {
    const link = join(dir, 'node_modules', dep);
    await mkdir(dirname(link), { recursive: true }); // a scoped name needs its @scope folder
    await symlink(join(ROOT, 'node_modules', dep), link, 'dir');
  }
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('mcp without the SDK: one line naming gemini-key-doctor-mcp, exit 2', () => {
  // stdin closed and a timeout: a server that started anyway (an SDK bundled in) must not hang here.
  const result = spawnSync(process.execPath, [join(dir, CLI_BIN_IN_PACKAGE), 'mcp'], {
    cwd: dir,
    input: '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  assert.equal(result.status, 2, result.stderr);
  assert.equal(result.stdout, '');
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /npm install gemini-key-doctor-mcp/);
});

test('the other commands do not need the SDK', async () => {
  const { stdout } = await run(
    process.execPath,
    [
      join(dir, CLI_BIN_IN_PACKAGE),
      'explain',
      '--json',
      '--',
      '400 API key not valid. Please pass a valid API key.',
    ],
    { cwd: dir },
  );
  assert.equal((JSON.parse(stdout) as { cause: string }).cause, 'key_invalid');
});
