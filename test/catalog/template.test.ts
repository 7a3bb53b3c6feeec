import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fillTemplate, PLACEHOLDER_DEFAULTS, placeholderNames } from '../../src/catalog/template.js';

describe('fillTemplate', () => {
  it('inserts known values verbatim', () => {
    assert.equal(fillTemplate('Enable it in {project}.', { project: 'my-proj' }), 'Enable it in my-proj.');
  });

  it('uses the inline fallback, then the default wording, when a value is missing', () => {
    assert.equal(fillTemplate('Set {variable|GEMINI_API_KEY}.', {}), 'Set GEMINI_API_KEY.');
    assert.equal(fillTemplate('Open {project}.', {}), `Open ${PLACEHOLDER_DEFAULTS['project']}.`);
    assert.equal(fillTemplate('Open {noSuchName}.', {}), 'Open the value named in the error.');
  });

  it('drops an optional segment whose placeholder has no value, and keeps it otherwise', () => {
    const template = 'Enable the API[ in project {project}].';
    assert.equal(fillTemplate(template, {}), 'Enable the API.');
    assert.equal(fillTemplate(template, { project: '123' }), 'Enable the API in project 123.');
    assert.equal(fillTemplate('A[ {a} and {b}]!', { a: 'x' }), 'A!');
    assert.equal(fillTemplate('A[ {a} and {b}]!', { a: 'x', b: 'y' }), 'A x and y!');
  });

  it('keeps escaped braces and brackets as literal text', () => {
    assert.equal(fillTemplate('`f(\\{ a: 1 \\})` \\[x\\]', {}), '`f({ a: 1 })` [x]');
  });

  it('does not pick up inherited object properties as values', () => {
    assert.equal(fillTemplate('[{constructor}]x{toString|y}', {}), 'xy');
  });

  it('never parses inserted values again', () => {
    assert.equal(fillTemplate('{message}', { message: '{project} [x]' }), '{project} [x]');
  });

  it('renders malformed templates literally instead of throwing', () => {
    assert.equal(fillTemplate('open {project', {}), 'open {project');
    assert.equal(fillTemplate('open [segment {project}', { project: 'p' }), 'open [segment {project}');
    assert.equal(fillTemplate('trailing \\', {}), 'trailing \\');
  });

  it('is total over arbitrary templates and values', () => {
    fc.assert(
      fc.property(fc.string(), fc.dictionary(fc.string(), fc.string()), (template, values) => {
        assert.equal(typeof fillTemplate(template, values), 'string');
      }),
    );
  });

  it('lists the placeholders a template uses', () => {
    assert.deepEqual(placeholderNames('a {x} [b {y|z}] \\{w\\}'), ['x', 'y']);
  });
});
