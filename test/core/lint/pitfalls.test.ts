import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintEnvironment } from '../../../src/core/lint/lint-environment.js';
import { lintKey } from '../../../src/core/lint/lint-key.js';
import { collectKeyCandidates } from '../../../src/core/resolution/collect-key-candidates.js';
import { resolveClients } from '../../../src/core/resolution/resolve-clients.js';
import { canaryKeys, loadPitfallFixtures, snapshotOfFixture } from './pitfall-fixtures.js';

const fixtures = loadPitfallFixtures();

describe('every pitfall of key-resolution.md §9 is named offline', () => {
  it('has one fixture per pitfall, 1 to 28', () => {
    assert.deepEqual(
      fixtures.map((f) => f.pitfall),
      Array.from({ length: 28 }, (_, i) => i + 1),
    );
  });

  for (const fixture of fixtures) {
    it(`pitfall ${fixture.pitfall}: ${fixture.title}`, () => {
      const keys = canaryKeys();
      const snapshot = snapshotOfFixture(fixture, keys);
      const resolutions = resolveClients(snapshot);
      const candidates = collectKeyCandidates(snapshot, resolutions);
      const findings = [
        ...candidates.flatMap(lintKey),
        ...lintEnvironment(snapshot, resolutions, candidates),
      ];
      const summary = findings
        .map((f) => `${f.status} ${f.check} ${f.cause} [${f.clients ?? ''}] ${f.detail}`)
        .join('\n');

      for (const want of fixture.expect ?? []) {
        const match = findings.find(
          (f) =>
            (want.cause === undefined || f.cause === want.cause) &&
            (want.check === undefined || f.check === want.check) &&
            (want.status === undefined || f.status === want.status) &&
            (want.clients ?? []).every((c) => f.clients?.includes(c)) &&
            Object.entries(want.evidence ?? {}).every(([k, v]) => f.evidence[k] === v) &&
            (want.detail === undefined || new RegExp(want.detail).test(f.detail)),
        );
        assert.ok(match, `${fixture.file}: no finding like ${JSON.stringify(want)}\n${summary}`);
      }

      for (const want of fixture.expectResolution ?? []) {
        const r = resolutions.find((x) => x.client === want.client);
        assert.ok(r, want.client);
        const where = `${fixture.file} ${want.client}: ${JSON.stringify({ source: r.source, backend: r.backend, baseUrl: r.baseUrl, notes: r.notes })}`;
        if (want.source !== undefined) assert.equal(r.source, want.source, where);
        if (want.backend !== undefined) assert.equal(r.backend, want.backend, where);
        if (want.baseUrl !== undefined)
          assert.equal(r.baseUrl, want.baseUrl.replace(/\{\{[A-Z_0-9]+\}\}/g, ''), where);
        if (want.note !== undefined)
          assert.ok(
            r.notes.some((n) => n.includes(want.note as string)),
            where,
          );
        if (want.keyIs !== undefined) assert.equal(r.key?.reveal(), keys[want.keyIs], where);
      }

      const json = JSON.stringify({ findings, resolutions, candidates });
      for (const absent of fixture.expectNoFinding ?? []) {
        assert.ok(
          !JSON.stringify(findings).includes(absent),
          `${fixture.file}: "${absent}" should not be reported\n${summary}`,
        );
      }
      // Canary: no key (nor a long run of one) reaches a finding, a resolution or a candidate as JSON.
      for (const key of [keys['AUTH_KEY'], keys['AUTH_KEY_2'], keys['STANDARD_KEY']] as string[]) {
        assert.ok(!json.includes(key), `${fixture.file}: a key leaked into the output`);
        assert.ok(!json.includes(key.slice(4, 24)), `${fixture.file}: part of a key leaked into the output`);
      }
    });
  }
});
