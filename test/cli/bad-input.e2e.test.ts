import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BUILT_CLI } from '../support/built-cli.js';
import { fakeStandardKey } from '../support/fake-keys.js';

/**
 * The built binary against bad input: every case ends (the child is killed if it hangs, which
 * fails the test), with exit 2 and one line for usage mistakes, never a stack trace, and the
 * user's files exactly as they were.
 */
const bin = BUILT_CLI;
const HANG_LIMIT_MS = 20_000;

interface Ended {
  code: number | null;
  stdout: string;
  stderr: string;
  killed: boolean;
}

function cli(
  args: string[],
  options: { cwd: string; stdin?: string | Buffer; env?: Record<string, string> },
) {
  return new Promise<Ended>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env['PATH'] ?? '', HOME: options.cwd, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, HANG_LIMIT_MS);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.on('error', () => {});
    child.stdin.end(options.stdin ?? '');
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, killed });
    });
  });
}

function assertClean(r: Ended, label: string): void {
  assert.ok(!r.killed, `${label}: hung`);
  assert.doesNotMatch(r.stderr, /^\s+at .+:\d+:\d+\)?$/m, `${label}: stack trace\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /Warning|Error: /, `${label}: runtime noise\n${r.stderr}`);
}

function assertUsage(r: Ended, label: string, pattern: RegExp): void {
  assertClean(r, label);
  assert.equal(r.code, 2, `${label}: ${r.stdout}${r.stderr}`);
  assert.match(r.stderr.split('\n')[0] ?? '', pattern, label);
}

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'gkd-bad-input-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

async function project(name: string, setup: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir);
  await setup(dir);
  return dir;
}

describe('the built CLI on bad input', { skip: !existsSync(bin) }, () => {
  test('malformed .env files: a finding, never a crash, a hang or a change to the file', async () => {
    const cases: Record<string, (env: string) => Promise<void>> = {
      binary: (env) => writeFile(env, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256))),
      'UTF-16': (env) =>
        writeFile(env, Buffer.from(`\ufeffGEMINI_API_KEY=${fakeStandardKey()}\n`, 'utf16le')),
      '5 MB': (env) => writeFile(env, Buffer.alloc(5 * 1024 * 1024, 'a')),
      FIFO: async (env) => {
        execFileSync('mkfifo', [env]);
      },
      'symlink loop': (env) => symlink(env, env),
      directory: (env) => mkdir(env),
    };
    for (const [name, make] of Object.entries(cases)) {
      const dir = await project(`env-${name.replace(/\W/g, '')}`, (d) => make(join(d, '.env')));
      const before = await stat(join(dir, '.env')).catch(() => undefined);
      const r = await cli(['--offline'], { cwd: dir });
      assertClean(r, name);
      assert.equal(r.code, 1, `${name}: ${r.stderr}`);
      assert.match(r.stdout, /\.env/, name);
      const after = await stat(join(dir, '.env')).catch(() => undefined);
      assert.equal(after?.mtimeMs, before?.mtimeMs, `${name}: .env was touched`);
    }
  });

  test('--cwd, --timeout, --model, --base-url and --html mistakes are one-line usage errors', async () => {
    const dir = await project('options', async () => {});
    await writeFile(join(dir, 'file'), 'x');
    const usage: [string[], RegExp][] = [
      [['--cwd', join(dir, 'nope')], /--cwd: .* is not a folder/],
      [['--cwd', join(dir, 'file')], /--cwd: .* is not a folder/],
      [['--timeout', '0'], /--timeout/],
      [['--timeout', '99999999999'], /--timeout/],
      [['--timeout', 'soon'], /--timeout/],
      [['--model', 'a b'], /--model/],
      [['--base-url', 'file:///etc/passwd'], /--base-url/],
      [['--base-url', 'not a url'], /--base-url/],
      [['--offline', '--html', join(dir, 'no', 'such', 'dir', 'r.html')], /--html: cannot write/],
      [['--offline', '--html', dir], /--html: .* is a folder/],
      [['--key-stdin', '--offline'], /--key-stdin: standard input was empty/],
    ];
    for (const [args, pattern] of usage) assertUsage(await cli(args, { cwd: dir }), args.join(' '), pattern);
  });

  test('a 10 MB --key-stdin is refused in one line, never echoed or probed', async () => {
    const dir = await project('big-stdin', async () => {});
    const r = await cli(['--key-stdin', '--offline', '--json'], {
      cwd: dir,
      stdin: Buffer.alloc(10 * 1024 * 1024, 'a'),
    });
    assertUsage(r, 'big stdin', /--key-stdin: standard input holds \d+ characters/);
    assert.equal(r.stdout, '', 'nothing is reported for a value that is not a key');
    assert.ok(r.stderr.length < 300, 'the value was not echoed');
  });

  test('an endless standard input ends with a usage error, not a hang', async () => {
    const dir = await project('endless-stdin', async () => {});
    for (const args of [
      ['--key-stdin', '--offline'],
      ['explain', '-'],
      ['ask', 'hi', '--key-stdin'],
    ]) {
      const child = cli(args, { cwd: dir, stdin: Buffer.alloc(20 * 1024 * 1024) });
      assertUsage(await child, args.join(' '), /standard input is larger than/);
    }
  });

  test('ask without any key: the key_missing finding, exit 1', async () => {
    const dir = await project('ask', async () => {});
    const r = await cli(['ask', 'hi'], { cwd: dir });
    assertClean(r, 'ask');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /\[key_missing\]/);
  });

  test('emulate: port in use or out of range, bad host, missing --exec command', async () => {
    const dir = await project('emulate', async () => {});
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = String((busy.address() as { port: number }).port);
    try {
      assertUsage(await cli(['emulate', '--port', port], { cwd: dir }), 'port in use', /in use/);
    } finally {
      busy.close();
    }
    assertUsage(await cli(['emulate', '--port', '70000'], { cwd: dir }), 'port range', /--port/);
    assertUsage(await cli(['emulate', '--host', 'not a host!'], { cwd: dir }), 'host', /failed/);
    const missing = await cli(['emulate', '--exec', '--', join(dir, 'no-such-command')], { cwd: dir });
    assertClean(missing, 'exec');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot run/);
  });

  test('the doctor only reads: a project folder is byte-for-byte the same afterwards', async () => {
    const key = fakeStandardKey();
    const dir = await project('readonly', async (d) => {
      await writeFile(join(d, '.env'), `GEMINI_API_KEY="${key}"\n`);
      await mkdir(join(d, '.gemini'));
      await writeFile(join(d, '.gemini', '.env'), 'GOOGLE_API_KEY=\n');
      await writeFile(join(d, 'index.js'), `const k = '${key}';\n`);
    });
    const snapshot = async () =>
      JSON.stringify(
        await Promise.all(
          ['.env', '.gemini/.env', 'index.js'].map(async (f) => [
            f,
            await readFile(join(dir, f), 'utf8'),
            (await stat(join(dir, f))).mtimeMs,
          ]),
        ),
      );
    const before = await snapshot();
    const r = await cli(['--offline', '--verbose'], { cwd: dir });
    assertClean(r, 'readonly');
    assert.ok(!(r.stdout + r.stderr).includes(key.slice(4)), 'key printed');
    assert.equal(await snapshot(), before);
  });
});
