import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { SecretKey } from '../../src/core/secret-key.js';
import { diagnose } from '../../src/doctor/diagnose.js';
import { probeKey } from '../../src/doctor/probe-key.js';
import { renderReport } from '../../src/doctor/render/render-report.js';
import { magicKeyFor, workingMagicKey } from '../../src/emulator/magic-keys.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';

let dir: string;
let emulator: RunningEmulator;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkd-live-'));
  emulator = await startEmulator({ port: 0 });
});
after(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

interface JsonReport {
  ok: boolean;
  keys: { fingerprint: string; live?: string }[];
  findings: {
    check: string;
    status: string;
    cause: string | null;
    fix: string[];
    evidence: Record<string, unknown>;
  }[];
  probe: { baseUrl: string; baseUrlSource: string };
}

async function doctorJson(
  args: string[],
  env: Record<string, string>,
): Promise<{ exitCode: number; report: JsonReport }> {
  const r = await run(['--json', '--cwd', dir, ...args], { HOME: dir, ...env });
  return { exitCode: r.exitCode, report: JSON.parse(r.stdout) as JsonReport };
}

describe('live probes against the emulator', () => {
  test('a working key passes listing, countTokens and --generate; exit 0', async () => {
    const { exitCode, report } = await doctorJson(['--base-url', emulator.url, '--generate'], {
      GEMINI_API_KEY: workingMagicKey('auth'),
    });
    assert.equal(exitCode, 0);
    const probes = report.findings.filter((f) => f.check.startsWith('probe.'));
    assert.deepEqual(
      probes.map((f) => [f.check, f.status]),
      [
        ['probe.models', 'pass'],
        ['probe.model', 'pass'],
        ['probe.generate', 'pass'],
      ],
    );
    assert.equal(report.keys[0]?.live, 'live');
  });

  test('listing works but the model does not: the models the key can use are suggested', async () => {
    const { exitCode, report } = await doctorJson(
      ['--base-url', emulator.url, '--model', 'gemini-0.1-nonexistent'],
      {
        GEMINI_API_KEY: workingMagicKey('auth'),
      },
    );
    assert.equal(exitCode, 1);
    const model = report.findings.find((f) => f.check === 'probe.model')!;
    assert.equal(model.cause, 'model_not_found');
    assert.match(model.fix[0] ?? '', /Models this key can use: gemini-/);
    assert.ok(Array.isArray(model.evidence['suggestedModels']));
  });

  test('GOOGLE_GEMINI_BASE_URL is honoured and reported', async () => {
    const { report } = await doctorJson([], {
      GEMINI_API_KEY: workingMagicKey('auth'),
      GOOGLE_GEMINI_BASE_URL: emulator.url,
    });
    assert.equal(report.probe.baseUrl, emulator.url);
    assert.equal(report.probe.baseUrlSource, 'env:GOOGLE_GEMINI_BASE_URL');
    assert.equal(report.findings.find((f) => f.check === 'probe.models')?.status, 'pass');
  });

  test('each distinct key is probed once, and every key gets its own verdict', async () => {
    const seen: string[] = [];
    const counting = await startEmulator({ port: 0, onRequest: (entry) => seen.push(JSON.stringify(entry)) });
    try {
      const good = workingMagicKey('auth');
      const bad = magicKeyFor('key_invalid')!;
      const { report } = await doctorJson(['--base-url', counting.url], {
        GOOGLE_API_KEY: bad,
        GEMINI_API_KEY: good,
      });
      assert.equal(report.keys.length, 2);
      assert.deepEqual(report.keys.map((k) => k.live).sort(), ['live', 'rejected']);
      // Two keys: one listing + one countTokens for the good one, one listing for the bad one at least.
      assert.ok(seen.length <= 4, `requests: ${seen.length}`);
      for (const line of seen) assert.ok(!line.includes(good) && !line.includes(bad));
    } finally {
      await counting.close();
    }
  });

  test('the canary never appears in online text, verbose, JSON or HTML output', async () => {
    const key = magicKeyFor('key_leaked')!;
    for (const args of [[], ['--verbose'], ['--json'], ['--html'], ['--generate', '--verbose']]) {
      const r = await run(['--cwd', dir, '--base-url', emulator.url, ...args], {
        HOME: dir,
        GEMINI_API_KEY: key,
      });
      assert.ok(!r.stdout.includes(key) && !r.stderr.includes(key), args.join(' '));
      assert.ok(!r.stdout.includes(key.slice(10, 30)), args.join(' '));
    }
  });

  test('library: diagnose() returns the report model, renderReport() escapes HTML', async () => {
    const report = await diagnose({
      env: { HOME: dir, GEMINI_API_KEY: workingMagicKey('auth') },
      cwd: dir,
      baseUrl: emulator.url,
      hygiene: false,
    });
    assert.equal(report.ok, true);
    report.findings.push({
      check: 'test.html',
      status: 'warn',
      cause: null,
      title: '<script>alert(1)</script>',
      detail: '"quoted" & <b>',
      fix: ['<img src=x onerror=alert(1)>'],
      evidence: {},
    });
    const html = renderReport(report, 'html');
    assert.ok(!html.includes('<script>alert') && !html.includes('<img src=x'));
    assert.ok(html.includes('&lt;script&gt;'));
  });

  test('probeKey: live, rejected, and the OpenAI-compatible route when asked', async () => {
    assert.equal(
      (await probeKey(new SecretKey(workingMagicKey('auth')), { baseUrl: emulator.url })).verdict,
      'live',
    );
    const rejected = await probeKey(new SecretKey(magicKeyFor('key_expired')!), { baseUrl: emulator.url });
    assert.equal(rejected.verdict, 'rejected');
    assert.equal(rejected.cause, 'key_expired');
  });
});

describe('the OpenAI-compatible route', () => {
  test('an OpenAI client pointed at Gemini: OPENAI_API_KEY is probed as Bearer on /v1beta/openai/models', async () => {
    const { exitCode, report } = await doctorJson(['--base-url', emulator.url], {
      OPENAI_API_KEY: workingMagicKey('auth'),
      OPENAI_BASE_URL: `${emulator.url}/v1beta/openai/`,
    });
    assert.equal(exitCode, 0);
    assert.equal(report.findings.find((f) => f.check === 'probe.openai')?.status, 'pass');
  });
});
