import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { MAGIC_KEYS, workingMagicKey } from '../../src/emulator/magic-keys.js';
import { fakeStandardKey } from '../support/fake-keys.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkd-emulate-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts `emulate ARGS` through run(), resolves the URL from the first stdout line, then stops it. */
async function serve(args: string[], use: (url: string) => Promise<void>) {
  const controller = new AbortController();
  let firstLine: (url: string) => void;
  const url = new Promise<string>((resolve) => {
    firstLine = resolve;
  });
  let out = '';
  const running = run(
    ['emulate', ...args],
    { HOME: dir },
    {
      signal: controller.signal,
      cwd: dir,
      onStdout: (s) => {
        out += s;
        if (out.includes('\n')) firstLine(out.split('\n')[0]!);
      },
    },
  );
  try {
    await use(await url);
  } finally {
    controller.abort();
  }
  return running;
}

describe('emulate --list', () => {
  test('--json prints the listing; working keys have cause null', async () => {
    const r = await run(['emulate', '--list', '--json'], {});
    assert.equal(r.exitCode, 0);
    const list = JSON.parse(r.stdout) as {
      key: string;
      cause: string | null;
      http: number;
      description: string;
    }[];
    assert.equal(list.length, MAGIC_KEYS.length);
    assert.ok(list.some((k) => k.cause === null));
  });

  test('text form: one line per key plus a heading', async () => {
    const r = await run(['emulate', '--list'], {});
    assert.equal(r.stdout.trim().split('\n').length, MAGIC_KEYS.length + 1);
    assert.ok(r.stdout.includes(workingMagicKey('auth')));
  });
});

describe('emulate serving', () => {
  test('the first stdout line is the base URL; it serves until the signal aborts', async () => {
    const result = await serve(['--port', '0'], async (url) => {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${url}/v1beta/models`, { headers: { 'x-goog-api-key': workingMagicKey() } });
      assert.equal(res.status, 200);
    });
    const r = await result;
    assert.equal(r.exitCode, 0);
    assert.match(r.stderr, /GET \/v1beta\/models AQ\.…\w+ → 200 ok/);
  });

  test('--config maps your own key; the key never appears in the log', async () => {
    const mine = fakeStandardKey();
    await writeFile(join(dir, 'emu.json'), JSON.stringify({ keys: { [mine]: 'billing' } }));
    const result = await serve(['--config', 'emu.json'], async (url) => {
      const res = await fetch(`${url}/v1beta/models?key=${mine}`);
      assert.equal(res.status, 429);
    });
    const r = await result;
    assert.ok(!(r.stdout + r.stderr).includes(mine), 'key printed');
    assert.match(r.stderr, /key=AIza…/);
  });

  test('a bad config file is one line on stderr and exit 2', async () => {
    await writeFile(join(dir, 'bad.json'), '{"latencyMs": "slow"}');
    const r = await run(['emulate', '--config', 'bad.json'], {}, { cwd: dir });
    assert.equal(r.exitCode, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /bad\.json: latencyMs: /);
    const missing = await run(['emulate', '--config', 'nope.json'], {}, { cwd: dir });
    assert.equal(missing.exitCode, 2);
    assert.match(missing.stderr, /nope\.json: cannot read \(no such file\)/);
  });

  test('a FIFO, a folder or a huge file as --config: one line, exit 2, no hang', {
    skip: process.platform === 'win32',
  }, async () => {
    execFileSync('mkfifo', [join(dir, 'fifo.json')]);
    await mkdir(join(dir, 'folder.json'));
    await writeFile(join(dir, 'huge.json'), Buffer.alloc(2 * 1024 * 1024, ' '));
    for (const [file, why] of [
      ['fifo.json', /not a regular file/],
      ['folder.json', /a folder/],
      ['huge.json', /larger than/],
    ] as const) {
      const r = await run(['emulate', '--config', file], {}, { cwd: dir });
      assert.equal(r.exitCode, 2, file);
      assert.match(r.stderr, why);
    }
  });

  test('bad flags are usage errors (exit 2)', async () => {
    for (const args of [['--port', '70000'], ['--latency', '-5'], ['stray'], ['--exec']]) {
      const r = await run(['emulate', ...args], {});
      assert.equal(r.exitCode, 2, args.join(' '));
    }
  });
});

describe('emulate --exec', () => {
  test('runs the command with GOOGLE_GEMINI_BASE_URL set and exits with its status', async () => {
    const script = [
      'const url = process.env.GOOGLE_GEMINI_BASE_URL;',
      "const res = await fetch(url + '/v1beta/models', { headers: { 'x-goog-api-key': process.env.GEMINI_API_KEY } });",
      "console.log('status', res.status);",
      'process.exit(7);',
    ].join('\n');
    const r = await run(
      ['emulate', '--exec', '--', process.execPath, '--input-type=module', '-e', script],
      { PATH: process.env['PATH'] },
      { cwd: dir },
    );
    assert.match(r.stdout, /^http:\/\/127\.0\.0\.1:\d+\n/);
    assert.match(r.stdout, /status 200/);
    assert.equal(r.exitCode, 7);
  });

  test('a command that cannot start is one line and exit 2', async () => {
    const r = await run(['emulate', '--exec', '--', 'gkd-no-such-command-xyz'], {
      PATH: process.env['PATH'],
    });
    assert.equal(r.exitCode, 2);
    assert.match(r.stderr, /cannot run 'gkd-no-such-command-xyz' \(ENOENT\)/);
  });
});
