import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CATALOG } from '../../src/catalog/catalog.js';
import type { Finding } from '../../src/core/finding.js';
import type { DoctorCheck, DoctorState } from '../../src/doctor/checks/check.js';
import { DOCTOR_CHECKS } from '../../src/doctor/checks/doctor-checks.js';
import { runChecks } from '../../src/doctor/checks/run-checks.js';

const pass = (check: string): Finding => ({
  check,
  status: 'pass',
  cause: null,
  title: check,
  detail: '',
  fix: [],
  evidence: {},
});

describe('the check runner', () => {
  test('a check runs after its dependencies; findings keep the list order; a crash is a finding', async () => {
    const order: string[] = [];
    const checks: DoctorCheck[] = [
      {
        id: 'b',
        dependsOn: ['a'],
        run: () => {
          order.push('b');
          return [pass('b')];
        },
      },
      {
        id: 'a',
        dependsOn: [],
        run: async () => {
          await new Promise((r) => setTimeout(r, 20));
          order.push('a');
          return [pass('a')];
        },
      },
      {
        id: 'c',
        dependsOn: ['a'],
        run: () => {
          throw new Error('boom');
        },
      },
    ];
    const findings = await runChecks(checks, {} as DoctorState);
    assert.deepEqual(order, ['a', 'b']);
    assert.deepEqual(
      findings.map((f) => [f.check, f.status]),
      [
        ['b', 'pass'],
        ['a', 'pass'],
        ['c', 'warn'],
      ],
    );
    assert.match(findings[2]!.title, /could not run/);
  });

  test('a dependency on an unknown check is refused', async () => {
    await assert.rejects(runChecks([{ id: 'x', dependsOn: ['nope'], run: () => [] }], {} as DoctorState));
  });

  test("the doctor's declared checks have unique ids and known dependencies, listed after them", () => {
    const seen = new Set<string>();
    for (const check of DOCTOR_CHECKS) {
      assert.ok(!seen.has(check.id), check.id);
      for (const dep of check.dependsOn) assert.ok(seen.has(dep), `${check.id} needs ${dep} first`);
      seen.add(check.id);
    }
  });
});

describe("the catalog's facts the doctor uses", () => {
  test('step indices point at steps; symptoms are causes; only key causes need a key value', () => {
    for (const entry of Object.values(CATALOG)) {
      for (const i of [...(entry.outsideDoctorSteps ?? []), ...(entry.settledByProbeSteps ?? [])])
        assert.ok(i >= 0 && i < entry.fix.length, `${entry.id} step ${i}`);
      for (const s of entry.symptoms ?? []) assert.ok(s in CATALOG, `${entry.id} → ${s}`);
      if (entry.category === 'network') assert.equal(entry.aboutTheKey, false, entry.id);
      if (entry.fixIsNewKeyValue)
        assert.ok(['key', 'server', 'environment'].includes(entry.category), entry.id);
    }
  });
});
