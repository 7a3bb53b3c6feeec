import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CATALOG, getCause } from '../../src/catalog/catalog.js';
import { CAUSE_IDS } from '../../src/catalog/cause-id.js';
import { PLACEHOLDER_DEFAULTS, placeholderNames } from '../../src/catalog/template.js';

/** Official Google hosts the fixes may link to. */
const OFFICIAL_HOSTS = new Set([
  'ai.google.dev',
  'aistudio.google.com',
  'cloud.google.com',
  'console.cloud.google.com',
]);
/** Documented exceptions: Node's own documentation for Node's TLS, proxy and .env settings. */
const EXCEPTION_HOSTS = new Set(['nodejs.org']);

const entries = Object.values(CATALOG);

describe('cause catalog', () => {
  it('has exactly one entry per cause id, filed under its own id', () => {
    assert.deepEqual(Object.keys(CATALOG).sort(), [...CAUSE_IDS].sort());
    for (const id of CAUSE_IDS) {
      assert.equal(CATALOG[id].id, id);
      assert.equal(getCause(id), CATALOG[id]);
    }
  });

  it('gives every cause a title, an explanation, fix steps and links', () => {
    for (const entry of entries) {
      assert.ok(entry.title.trim().length > 0, entry.id);
      assert.ok(!entry.title.includes('\n'), `${entry.id}: the title is one line`);
      assert.ok(entry.explanation.trim().length >= 40, `${entry.id}: explanation too short`);
      assert.ok(entry.fix.length >= 1, entry.id);
      for (const step of entry.fix) assert.ok(step.trim().length > 0, entry.id);
      assert.ok(entry.links.length >= 1, entry.id);
    }
  });

  it('files each cause under the category its id list places it in', () => {
    const expected: Record<string, string> = {
      key_missing: 'key',
      key_standard_retired: 'key',
      env_conflict: 'environment',
      base_url_override: 'environment',
      key_invalid: 'server',
      server_error: 'server',
      network_dns: 'network',
      network_intercepted: 'network',
      unknown: 'fallback',
    };
    for (const [id, category] of Object.entries(expected)) {
      assert.equal(CATALOG[id as keyof typeof CATALOG].category, category, id);
    }
    for (const entry of entries) {
      if (entry.id.startsWith('network_')) assert.equal(entry.category, 'network', entry.id);
      if (entry.id.startsWith('dotenv_') || entry.id.startsWith('env_')) {
        assert.equal(entry.category, 'environment', entry.id);
      }
    }
  });

  it('gives a typical HTTP status to server causes, and a plausible one where given', () => {
    for (const entry of entries) {
      if (entry.category === 'server') assert.ok(entry.http !== undefined, `${entry.id} has no http`);
      if (entry.http !== undefined) assert.ok(entry.http >= 400 && entry.http <= 599, entry.id);
      if (entry.category === 'network' || entry.category === 'environment') {
        assert.equal(
          entry.http,
          undefined,
          `${entry.id}: no HTTP status for a cause that never reached Google`,
        );
      }
    }
  });

  it('links only to https pages on official Google hosts (or the documented exceptions)', () => {
    for (const entry of entries) {
      for (const link of entry.links) {
        const url = new URL(link.url);
        assert.equal(url.protocol, 'https:', `${entry.id}: ${link.url}`);
        assert.ok(
          OFFICIAL_HOSTS.has(url.hostname) || EXCEPTION_HOSTS.has(url.hostname),
          `${entry.id}: ${link.url} is not an official page`,
        );
        assert.ok(link.title.trim().length > 0, `${entry.id}: link without a title`);
      }
    }
  });

  it('mentions in its text only https URLs on Google hosts', () => {
    for (const entry of entries) {
      const text = [entry.title, entry.explanation, ...entry.fix].join('\n');
      for (const match of text.matchAll(/https?:\/\/[^\s)`'"]+/g)) {
        const url = new URL(match[0].replace(/[.,;:]+$/, ''));
        assert.equal(url.protocol, 'https:', `${entry.id}: ${match[0]}`);
        const googleHost =
          /(^|\.)(google\.com|googleapis\.com)$/.test(url.hostname) || url.hostname === 'ai.studio';
        assert.ok(googleHost, `${entry.id}: ${match[0]}`);
      }
    }
  });

  it('uses only placeholders that have default wording or an inline fallback', () => {
    for (const entry of entries) {
      for (const template of [entry.title, entry.explanation, ...entry.fix]) {
        for (const name of placeholderNames(template)) {
          assert.ok(name in PLACEHOLDER_DEFAULTS, `${entry.id}: unknown placeholder {${name}}`);
        }
      }
    }
  });

  it('keeps the 2026 key facts right', () => {
    const text = (id: keyof typeof CATALOG) =>
      [CATALOG[id].title, CATALOG[id].explanation, ...CATALOG[id].fix].join('\n');
    assert.match(text('key_standard_retired'), /28 May 2026/);
    assert.match(text('key_standard_retired'), /19 June 2026/);
    assert.equal(CATALOG.key_standard_retired.severity, 'warn', 'a standard key is a warning, not a failure');
    assert.match(text('auth_key_rejected'), /not an OAuth problem/);
    assert.match(text('auth_key_rejected'), /IAM role/);
    assert.match(text('multiple_credentials'), /only one|exactly one/);
    assert.match(text('key_leaked'), /gemini-key-doctor scan --history/);
    assert.match(text('key_leaked'), /for good/);
    assert.match(text('bad_request'), /not a key problem/);
    assert.match(text('auth_key_service_account'), /no IAM role/);
  });

  it('stays cheap to import: plain data and relative imports only (explain has a cold-start budget)', async () => {
    const root = join(import.meta.dirname, '../../src/catalog');
    const files = (await readdir(root, { recursive: true })).filter(
      (name) => name.endsWith('.ts') && name !== 'matchers.ts',
    );
    for (const file of files) {
      const source = await readFile(join(root, file), 'utf8');
      for (const match of source.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)) {
        assert.ok(match[1]?.startsWith('.'), `src/catalog/${file} imports ${match[1]}`);
      }
    }
  });
});
