import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import type { DoctorReport } from '../../src/doctor/report.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { DOCTOR_SETUPS, layOut } from '../support/doctor-setups.js';

const MARKS = { ok: '✓', warn: '!', fail: '✗', unverified: '?' } as const;

/**
 * The text report reads in five seconds: the verdict is the line after the one-line header, a
 * failing run fits in 30 lines and an all-OK run in 15, symptoms sit indented under their cause,
 * and a run that proved nothing never says "no issues found".
 */
describe('the text report: verdict first, within its line budget (emulator)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  after(() => emulator.close());

  for (const setup of DOCTOR_SETUPS) {
    test(setup.name, async () => {
      const where = await layOut(setup);
      try {
        const env = { ...setup.env, HOME: where.home, METADATA_SERVER_DETECTION: 'none' };
        const args = ['--base-url', emulator.url, '--timeout', '1500'];
        const text = await run([...args, '--no-color'], env, { cwd: where.cwd });
        const json = JSON.parse(
          (await run([...args, '--json'], env, { cwd: where.cwd })).stdout,
        ) as DoctorReport;
        const lines = text.stdout.trimEnd().split('\n');
        assert.match(lines[0]!, /^Gemini key doctor · /);
        assert.equal(lines[1], `${MARKS[json.verdict.status]} ${json.verdict.summary}`);
        const budget = json.verdict.status === 'ok' ? 15 : 30;
        assert.ok(lines.length <= budget, `${lines.length} lines > ${budget}:\n${text.stdout}`);
        for (const cause of setup.folded ?? []) {
          const title = json.findings.find((f) => f.cause === cause)!.title;
          assert.ok(
            lines.some((l) => l.startsWith('    ↳ ') && l.includes(title)),
            `${cause} not indented under its cause`,
          );
          assert.ok(!lines.some((l) => l.startsWith(`✗ ${title}`)), `${cause} shown as a second failure`);
        }
        if (json.verdict.status !== 'ok') assert.doesNotMatch(text.stdout, /no issues found/);
        for (const [name, value] of Object.entries(setup.env))
          if (value.length >= 12)
            assert.ok(!text.stdout.includes(value.trim().slice(4, 16)), `${name} leaked`);
      } finally {
        await where.cleanup();
      }
    });
  }

  test('on a terminal, a progress line on stderr while probing, erased after; never in --json', async () => {
    const setup = DOCTOR_SETUPS[0]!;
    const where = await layOut(setup);
    try {
      const env = { ...setup.env, HOME: where.home };
      const args = ['--base-url', emulator.url];
      const tty = await run(args, env, { cwd: where.cwd, isTTY: true });
      assert.equal(tty.stderr, 'probing 1 key…\r\u001b[K');
      const json = await run([...args, '--json'], env, { cwd: where.cwd, isTTY: true });
      assert.equal(JSON.parse(json.stdout).verdict.status, 'ok');
      const piped = await run(args, env, { cwd: where.cwd });
      assert.equal(piped.stderr, '');
    } finally {
      await where.cleanup();
    }
  });

  test('-v shows every client and the details of passing checks; without it, only the project’s clients', async () => {
    const setup = DOCTOR_SETUPS.find((s) => s.name.startsWith('the wrong variable'))!;
    const where = await layOut(setup);
    try {
      const env = { ...setup.env, HOME: where.home };
      const args = ['--base-url', emulator.url, '--no-color'];
      const short = (await run(args, env, { cwd: where.cwd })).stdout;
      const verbose = await run([...args, '-v'], env, { cwd: where.cwd });
      assert.equal(verbose.exitCode, 1);
      assert.ok(!short.includes('gemini-cli'), 'a client the project does not use is listed');
      assert.ok(verbose.stdout.includes('gemini-cli'));
      assert.ok(verbose.stdout.split('\n').length > short.split('\n').length);
    } finally {
      await where.cleanup();
    }
  });
});
