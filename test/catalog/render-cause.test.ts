import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CAUSE_IDS, type CauseId } from '../../src/catalog/cause-id.js';
import { type RenderedCause, renderCause } from '../../src/catalog/render-cause.js';
import type { Evidence } from '../../src/catalog/types.js';

/** Evidence with every field a template may use, as the parser and the doctor would fill it. */
const FULL: Evidence = {
  httpStatus: 403,
  rpcStatus: 'PERMISSION_DENIED',
  reason: 'SERVICE_DISABLED',
  domain: 'googleapis.com',
  message: 'Generative Language API has not been used in project 123456 before or it is disabled.',
  service: 'generativelanguage.googleapis.com',
  project: 'projects/123456',
  activationUrl:
    'https://console.developers.google.com/apis/api/generativelanguage.googleapis.com/overview?project=123456',
  quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier',
  quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
  quotaValue: '250',
  retryDelay: '37s',
  model: 'gemini-3.5-flash',
  location: 'global',
  method: 'google.ai.generativelanguage.v1beta.GenerativeService.GenerateContent',
  maskedKey: 'AQ.…Xy9Z',
  keyKind: 'auth',
  variable: 'GEMINI_API_KEY',
  otherVariable: 'GOOGLE_API_KEY',
  expectedVariable: 'GOOGLE_GENERATIVE_AI_API_KEY',
  value: '1',
  client: '@ai-sdk/google',
  credentialKind: 'an OpenAI API key (sk-…)',
  file: 'apps/web/.env',
  baseUrl: 'https://relay.example.test',
  endpoint: 'https://generativelanguage.googleapis.com/v1beta/openai/chat/completions',
};

/** A `{name}` or `{name|words}` placeholder left unfilled. */
const LEFTOVER_PLACEHOLDER = /\{[A-Za-z]+(\|[^{}]*)?\}/;

function allText(rendered: RenderedCause): string[] {
  return [rendered.title, rendered.detail, ...rendered.fix];
}

function assertReadable(rendered: RenderedCause, label: string): void {
  assert.ok(rendered.title.length > 0 && rendered.detail.length > 0 && rendered.fix.length > 0, label);
  for (const text of allText(rendered)) {
    assert.doesNotMatch(text, LEFTOVER_PLACEHOLDER, `${label}: ${text}`);
    assert.ok(!text.includes('[') && !text.includes(']'), `${label}: segment marker left in "${text}"`);
    assert.doesNotMatch(
      text,
      / {2}| [.,;:](?!\w)|\.\.(?!\.)|(?<!\w)\(\s*\)/,
      `${label}: dangling punctuation in "${text}"`,
    );
    assert.equal(text, text.trim(), `${label}: stray whitespace in "${text}"`);
  }
}

describe('renderCause', () => {
  it('renders every cause readably with no evidence at all', () => {
    for (const id of CAUSE_IDS) assertReadable(renderCause(id), `${id} (empty)`);
    for (const id of CAUSE_IDS) assertReadable(renderCause(id, {}), `${id} ({})`);
  });

  it('renders every cause readably with full evidence', () => {
    for (const id of CAUSE_IDS) assertReadable(renderCause(id, FULL), `${id} (full)`);
  });

  it('renders every cause readably with each single piece of evidence', () => {
    for (const [name, value] of Object.entries(FULL)) {
      for (const id of CAUSE_IDS) assertReadable(renderCause(id, { [name]: value }), `${id} (${name})`);
    }
  });

  it('copies the catalog fields and links', () => {
    const rendered = renderCause('key_invalid');
    assert.equal(rendered.id, 'key_invalid');
    assert.equal(rendered.category, 'server');
    assert.equal(rendered.severity, 'fail');
    assert.ok(rendered.links.every((link) => link.url.startsWith('https://')));
  });

  it('puts the activation URL from the error into the service_disabled fix', () => {
    const rendered = renderCause('service_disabled', {
      activationUrl: FULL.activationUrl as string,
      project: '123456',
    });
    assert.ok(rendered.fix[0]?.includes(FULL.activationUrl as string), rendered.fix[0]);
    assert.ok(rendered.detail.includes('project 123456'), rendered.detail);
  });

  it('builds an enable link scoped to the project when the error gave no activation URL', () => {
    const rendered = renderCause('service_disabled', { project: 'projects/987' });
    assert.ok(
      rendered.fix[0]?.includes(
        'https://console.cloud.google.com/apis/library/generativelanguage.googleapis.com?project=987',
      ),
      rendered.fix[0],
    );
    const bare = renderCause('service_disabled');
    assert.ok(
      bare.fix[0]?.includes(
        'https://console.cloud.google.com/apis/library/generativelanguage.googleapis.com',
      ),
    );
  });

  it('puts the retry delay, quota and model where a quota fix needs them', () => {
    const rendered = renderCause('quota_exhausted', FULL);
    assert.ok(rendered.title.includes(FULL.quotaId as string));
    assert.ok(rendered.fix.some((step) => step.includes('37s')));
    assert.ok(rendered.detail.includes('gemini-3.5-flash'));
    assert.ok(renderCause('model_not_found', { model: 'gemini-pro' }).title.includes('gemini-pro'));
  });

  it('names the masked key, the variable and the file when known', () => {
    const rendered = renderCause('key_leaked', FULL);
    assert.ok(rendered.detail.includes('AQ.…Xy9Z'));
    assert.ok(rendered.fix.some((step) => step.includes('GEMINI_API_KEY') && step.includes('apps/web/.env')));
    assert.ok(rendered.fix.some((step) => step.includes('gemini-key-doctor scan --history')));
  });

  it('always shows the raw status and message for unknown', () => {
    const rendered = renderCause('unknown', {
      httpStatus: 418,
      rpcStatus: 'TEAPOT',
      message: 'I am a teapot',
    });
    assert.ok(rendered.detail.includes('418'));
    assert.ok(rendered.detail.includes('TEAPOT'));
    assert.ok(rendered.detail.includes('I am a teapot'));
    assert.ok(renderCause('unknown').detail.includes('Status: unknown'));
  });

  it('names the kind of key sent, and ignores kinds it does not know', () => {
    assert.match(
      renderCause('auth_key_rejected', { keyKind: 'standard' }).detail,
      /a standard key \(`AIza…`\)/,
    );
    for (const keyKind of ['unknown', 'constructor', '__proto__', 'toString']) {
      const detail = renderCause('auth_key_rejected', { keyKind } as Evidence).detail;
      assert.doesNotMatch(detail, /The key sent is|function/, keyKind);
    }
  });

  it('says a bad request is not a key problem', () => {
    assert.match(renderCause('bad_request').title, /not a key problem/);
  });

  it('inserts values verbatim, even ones that look like templates', () => {
    const rendered = renderCause('unknown', { message: 'bad field {contents} [0]' });
    assert.ok(rendered.detail.endsWith('bad field {contents} [0]'));
  });

  it('caps a huge value instead of copying megabytes into the text', () => {
    const rendered = renderCause('unknown', { message: 'x'.repeat(1_000_000) });
    assert.ok(rendered.detail.length < 5000);
  });

  it('returns fresh arrays, so callers cannot change the catalog', () => {
    const first = renderCause('key_invalid');
    first.fix.push('tampered');
    first.links.push({ title: 'x', url: 'https://example.com' });
    assert.ok(!renderCause('key_invalid').fix.includes('tampered'));
    assert.equal(renderCause('key_invalid').links.length, first.links.length - 1);
  });

  it('treats an id outside the catalog as unknown rather than throwing', () => {
    assert.equal(renderCause('no_such_cause' as CauseId).id, 'unknown');
  });

  it('never throws, whatever the evidence object holds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CAUSE_IDS), fc.anything(), (id, evidence) => {
        const rendered = renderCause(id, evidence as Evidence);
        assert.equal(typeof rendered.detail, 'string');
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves a placeholder for arbitrary string and number evidence', () => {
    const names = Object.keys(FULL);
    const value = fc.oneof(
      fc.string().filter((s) => !/[{}[\]]/.test(s)),
      fc.integer(),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...CAUSE_IDS),
        fc.dictionary(fc.constantFrom(...names), value),
        (id, ev) => {
          for (const text of allText(renderCause(id, ev as Evidence)))
            assert.doesNotMatch(text, LEFTOVER_PLACEHOLDER);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('survives a project name that is not well-formed Unicode', () => {
    assert.match(
      renderCause('service_disabled', { project: 'p\uD800' }).fix[0] ?? '',
      /\?project=p%EF%BF%BD/,
    );
  });

  it('survives hostile evidence: throwing getters, proxies, null', () => {
    const throwing = Object.defineProperty({}, 'project', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    for (const evidence of [throwing, proxy, null, undefined, 42, 'text', [1, 2]]) {
      for (const id of CAUSE_IDS) assertReadable(renderCause(id, evidence as Evidence), `${id} (hostile)`);
    }
  });
});
