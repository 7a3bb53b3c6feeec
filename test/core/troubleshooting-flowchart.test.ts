import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CAUSE_IDS } from '../../src/catalog/cause-id.js';
import {
  FLOWCHART_STEPS,
  flowchartStepOf,
  troubleshootingFlowchartSvg,
} from '../../src/core/troubleshooting-flowchart.js';

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

  test('the SVG marks one step for a cause and none for unknown', () => {
    const svg = troubleshootingFlowchartSvg('key_leaked');
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal(svg.match(/class="step marked"/g)?.length, 1);
    assert.match(svg, /class="step marked" data-step="blocked" aria-current="step"/);
    assert.equal(svg.match(/<g class="step/g)?.length, FLOWCHART_STEPS.length);
    const none = troubleshootingFlowchartSvg('unknown');
    assert.ok(!none.includes('class="step marked"') && !none.includes('aria-current'));
    assert.equal(troubleshootingFlowchartSvg(null), none);
    assert.ok(!/href|<script|url\(/i.test(svg), 'self-contained');
  });
});
