import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CATALOG } from '../../src/catalog/catalog.js';
import { SCENARIO_IDS, SCENARIOS } from '../../src/emulator/scenarios.js';

// The catalog's typical HTTP status of a cause is the status the emulator answers for that cause's own
// scenario (the one named after it); both follow reference/auth-keys-2026.md §3 and the real pastes.
it("every cause's typical HTTP status agrees with the emulator's answer for it", () => {
  let compared = 0;
  for (const id of SCENARIO_IDS) {
    const scenario = SCENARIOS[id];
    if (scenario.cause !== id) continue;
    const typical = CATALOG[scenario.cause].http;
    assert.ok(typical !== undefined, `${id}: the catalog gives no typical status`);
    assert.equal(typical, scenario.http, `${id}: catalog ${typical}, emulator ${scenario.http}`);
    compared++;
  }
  assert.ok(compared >= 28, `${compared} compared`);
});

it('every server cause with a typical status has an emulator scenario answering it', () => {
  for (const entry of Object.values(CATALOG)) {
    if (entry.category !== 'server' || entry.http === undefined) continue;
    const statuses = SCENARIO_IDS.filter((id) => SCENARIOS[id].cause === entry.id).map(
      (id) => SCENARIOS[id].http,
    );
    assert.ok(statuses.includes(entry.http), `${entry.id}: ${entry.http} not among ${statuses}`);
  }
});
