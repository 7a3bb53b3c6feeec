import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CAUSE_IDS } from '../../src/catalog/cause-id.js';
import {
  KEY_PATH_STEPS,
  keyPathFlowchartSvg,
  keyPathStates,
  keyPathStepOf,
} from '../../src/core/key-path-flowchart.js';

describe("the key's path (the HTML report's flowchart)", () => {
  test('every cause but unknown stops at a step; .env and variable causes at the steps the guide lacks', () => {
    for (const id of CAUSE_IDS) {
      const step = keyPathStepOf(id);
      if (id === 'unknown') assert.equal(step, null);
      else
        assert.ok(
          KEY_PATH_STEPS.some((s) => s.id === step),
          id,
        );
    }
    assert.equal(keyPathStepOf('dotenv_not_loaded'), 'dotenv');
    assert.equal(keyPathStepOf('env_wrong_name'), 'variable');
    assert.equal(keyPathStepOf('key_quoted'), 'format');
    assert.equal(keyPathStepOf('key_leaked'), 'blocked');
    assert.equal(keyPathStepOf('location_unsupported'), 'region');
  });

  test('steps before the stop passed if a check ran, after it unreached; offline, the server steps were not checked', () => {
    const online = keyPathStates('service_disabled', ['env.key', 'key.format', 'probe.models']);
    assert.deepEqual(online, {
      variable: 'passed',
      dotenv: 'passed',
      format: 'passed',
      blocked: 'passed',
      api: 'stopped',
      rest: 'unreached',
      region: 'unreached',
    });
    const offline = keyPathStates(null, ['env.key', 'key.format']);
    assert.equal(offline.format, 'passed');
    assert.equal(offline.blocked, 'unchecked');
    assert.equal(offline.region, 'unchecked');
  });

  test('the SVG marks exactly the stop with aria-current="step", and none when all is well', () => {
    const svg = keyPathFlowchartSvg('key_leaked', ['env.key', 'key.format', 'probe.models']);
    assert.equal(svg.match(/aria-current="step"/g)?.length, 1);
    assert.match(svg, /<g class="step stopped" data-step="blocked" aria-current="step">/);
    assert.doesNotMatch(keyPathFlowchartSvg(null, ['probe.models']), /aria-current/);
    assert.doesNotMatch(svg, /href|url\(|<script/);
  });
});
