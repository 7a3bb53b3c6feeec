import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { run } from '../../src/cli/run.js';
import type { DoctorReport } from '../../src/doctor/report.js';
import { magicKeyFor } from '../../src/emulator/magic-keys.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { explain } from '../../src/explain/explain.js';
import { type DoctorSetup, layOut } from '../support/doctor-setups.js';

const exec = promisify(execFile);

/**
 * "Reproduce by hand" reproduces: the printed command, run by bash from the project folder with
 * only what the user's shell would have, gets the same answer, classified as the same cause. A key
 * that lives only in a .env file used to be sent as an empty $GEMINI_API_KEY ("unregistered callers").
 */
const CASES: DoctorSetup[] = [
  {
    name: 'the key only in ./.env',
    env: {},
    files: { '.env': `GEMINI_API_KEY=${magicKeyFor('key_invalid')}\n` },
    verdict: { status: 'fail', cause: ['key_invalid'] },
  },
  {
    name: 'the key only in ~/.gemini/.env (gemini-cli)',
    env: {},
    files: { '~/.gemini/.env': `GEMINI_API_KEY="${magicKeyFor('service_disabled')}"\n` },
    verdict: { status: 'fail', cause: ['service_disabled'] },
  },
  {
    name: 'the key in the shell',
    env: { GEMINI_API_KEY: magicKeyFor('key_leaked')! },
    verdict: { status: 'fail', cause: ['key_leaked'] },
  },
];

describe('"reproduce by hand" gets the same cause (bash + curl against the emulator)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  after(() => emulator.close());

  for (const setup of CASES) {
    test(setup.name, async () => {
      const where = await layOut(setup);
      try {
        const shellEnv = {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          HOME: where.home,
          SHELL: '/bin/bash',
        };
        const r = await run(
          ['--json', '--base-url', emulator.url],
          { ...shellEnv, ...setup.env },
          { cwd: where.cwd },
        );
        const report = JSON.parse(r.stdout) as DoctorReport;
        const probe = report.findings.find((f) => f.check === 'probe.models' && f.status === 'fail');
        assert.ok(probe, 'no failing probe');
        const root = report.findings[probe.explainedBy ?? report.findings.indexOf(probe)]!;
        const step = root.fix.find((s) => s.startsWith('Reproduce by hand'));
        assert.ok(step, root.fix.join('\n'));
        assert.equal(root.fix.at(-1), step, 'reproduce is the last step');
        const command = step.slice(step.indexOf('`') + 1, step.lastIndexOf('`'));
        const { stdout } = await exec('bash', ['-c', command], {
          cwd: where.cwd,
          env: { ...shellEnv, ...setup.env },
        });
        assert.equal(explain(stdout).cause, probe.cause, stdout.slice(0, 300));
      } finally {
        await where.cleanup();
      }
    });
  }
});
