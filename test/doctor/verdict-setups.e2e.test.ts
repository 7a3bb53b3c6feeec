import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import type { Finding } from '../../src/core/finding.js';
import type { DoctorReport } from '../../src/doctor/report.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { DOCTOR_SETUPS, layOut } from '../support/doctor-setups.js';

/**
 * The verdict and the ranking on everyday setups, through the whole CLI against the emulator: the
 * verdict names the root cause, symptoms are folded under it (not a second failure), the first
 * finding is the verdict's, and the exit code follows the verdict.
 */
describe('verdict and ranking on everyday setups (emulator)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  after(() => emulator.close());

  for (const setup of DOCTOR_SETUPS) {
    test(setup.name, async () => {
      const where = await layOut(setup);
      try {
        const r = await run(
          ['--json', '--base-url', emulator.url, '--timeout', '1500'],
          { ...setup.env, HOME: where.home, METADATA_SERVER_DETECTION: 'none' },
          { cwd: where.cwd },
        );
        const report = JSON.parse(r.stdout) as DoctorReport;
        const { verdict, findings } = report;
        assert.equal(verdict.status, setup.verdict.status, JSON.stringify(verdict));
        assert.ok(setup.verdict.cause.includes(verdict.cause), `cause ${verdict.cause}`);
        assert.ok(verdict.title.length > 0 && /\.$/.test(verdict.summary), verdict.summary);
        assert.equal(r.exitCode, verdict.status === 'fail' || verdict.status === 'unverified' ? 1 : 0);
        assert.equal(report.ok, r.exitCode === 0);
        if (verdict.cause !== null && verdict.status !== 'unverified') {
          // The verdict's cause is the first finding, a root; nothing above it.
          assert.equal(findings[0]?.cause, verdict.cause, findings.map((f) => f.cause).join(', '));
          assert.equal(findings[0]?.explainedBy, undefined);
        }
        for (const cause of setup.folded ?? []) {
          const symptom = findings.find((f) => f.cause === cause);
          assert.ok(symptom, `no ${cause} finding`);
          assert.equal(findings[symptom.explainedBy ?? -1]?.cause, verdict.cause, `${cause} is not folded`);
          assert.deepEqual(symptom.fix, [], 'a folded symptom has no steps of its own');
          assert.ok(findings[0]!.explains?.includes(findings.indexOf(symptom)));
        }
        // Failures that are not folded are roots; one finding per cause per key.
        const seen = new Set<string>();
        for (const f of findings.filter((x: Finding) => x.cause !== null)) {
          const id = `${f.cause}|${(f.keys ?? []).join(',')}|${f.check.startsWith('probe.') ? '' : f.check}`;
          if ((f.keys ?? []).length > 0) assert.ok(!seen.has(id), `twice: ${id}`);
          seen.add(id);
        }
        if (verdict.status === 'unverified') assert.doesNotMatch(r.stdout, /no issues found/);
      } finally {
        await where.cleanup();
      }
    });
  }
});
