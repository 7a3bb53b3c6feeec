import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CAUSE_IDS } from '../../src/catalog/cause-id.js';
import { FLOWCHART_STEPS, flowchartStepOf } from '../../src/core/troubleshooting-flowchart.js';

describe('troubleshooting flowchart', () => {
  test('every cause but unknown sits on exactly one step, and each step holds some cause', () => {
    const used = new Set<string>();
    for (const id of CAUSE_IDS) {
      const step = flowchartStepOf(id);
      if (id === 'unknown') assert.equal(step, null);
      else {
        assert.ok(step, id);
        used.add(step);
      }
    }
    assert.deepEqual([...used].sort(), FLOWCHART_STEPS.map((s) => s.id).sort());
  });

  test('the guide’s order: a placeholder at format, leaked at blocked, disabled API, a DNS error, region', () => {
    assert.equal(flowchartStepOf('key_placeholder'), 'format');
    assert.equal(flowchartStepOf('key_leaked'), 'blocked');
    assert.equal(flowchartStepOf('service_disabled'), 'api');
    assert.equal(flowchartStepOf('network_dns'), 'rest');
    assert.equal(flowchartStepOf('location_unsupported'), 'region');
  });
});
