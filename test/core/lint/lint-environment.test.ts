import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../src/core/finding.js';
import { lintEnvironment } from '../../../src/core/lint/lint-environment.js';
import { collectKeyCandidates } from '../../../src/core/resolution/collect-key-candidates.js';
import { resolveClients } from '../../../src/core/resolution/resolve-clients.js';
import { fakeAuthKey, fakeStandardKey } from '../../support/fake-keys.js';
import { snapshotOf } from '../resolution/snapshot-builder.js';

const APP = '/home/dev/app';

function lintOf(options: Parameters<typeof snapshotOf>[0]): Finding[] {
  const snapshot = snapshotOf(options);
  const resolutions = resolveClients(snapshot);
  const findings = lintEnvironment(snapshot, resolutions, collectKeyCandidates(snapshot, resolutions));
  const json = JSON.stringify(findings);
  for (const value of [...Object.values(options.env ?? {}), ...Object.values(options.files ?? {})]) {
    if (typeof value !== 'string') continue;
    for (const key of value.match(/(AQ\.|AIza)FAKE[A-Za-z0-9_-]+/g) ?? [])
      assert.ok(!json.includes(key.slice(4)), 'a key leaked');
  }
  return findings;
}
const find = (findings: Finding[], cause: string | null, check?: string) =>
  findings.find((f) => f.cause === cause && (check === undefined || f.check === check));

describe('lintEnvironment', () => {
  const auth = fakeAuthKey();

  it('a healthy setup gives no warning or failure', () => {
    const findings = lintOf({ env: { GEMINI_API_KEY: auth } });
    assert.deepEqual(
      findings.filter((f) => f.status !== 'pass'),
      [],
    );
  });

  it('key_missing when no client finds any key', () => {
    const f = find(lintOf({}), 'key_missing');
    assert.equal(f?.status, 'fail');
    assert.equal(f?.clients?.length, 7);
  });

  it('env_wrong_name: public bundler prefixes and case mistakes are explained', () => {
    const vite = find(
      lintOf({ files: { [`${APP}/.env`]: `VITE_GEMINI_API_KEY=${auth}\n` } }),
      'env_wrong_name',
    );
    assert.equal(vite?.status, 'fail');
    assert.equal(vite?.evidence.variable, 'VITE_GEMINI_API_KEY');
    assert.match(vite?.detail ?? '', /browser/);
    const lower = find(lintOf({ env: { gemini_api_key: auth } }), 'env_wrong_name');
    assert.match(lower?.detail ?? '', /case-sensitive/);
    assert.equal(
      find(
        lintOf({ env: { gemini_api_key: auth }, platform: 'win32', cwd: 'C:\\app', home: 'C:\\Users\\dev' }),
        'env_wrong_name',
      ),
      undefined,
    );
    const stray = find(lintOf({ env: { GEMINI_API_KEY: auth, API_KEY: fakeAuthKey() } }), 'env_wrong_name');
    assert.equal(stray?.status, 'warn', 'a stray name next to a working key is a warning');
  });

  it('proxy variables Node’s fetch ignores, unless NODE_USE_ENV_PROXY=1', () => {
    const f = find(
      lintOf({ env: { GEMINI_API_KEY: auth, https_proxy: 'http://user:secret@proxy:3128' } }),
      'proxy_ignored_by_node',
    );
    assert.equal(f?.status, 'warn');
    assert.ok(!JSON.stringify(f).includes('secret'));
    assert.ok(f?.clients?.includes('@google/genai') && !f.clients.includes('gemini-cli'));
    assert.equal(
      find(
        lintOf({ env: { GEMINI_API_KEY: auth, HTTPS_PROXY: 'http://p:1', NODE_USE_ENV_PROXY: '1' } }),
        'proxy_ignored_by_node',
      ),
      undefined,
    );
  });

  it('base URLs: a local emulator is info, an invalid URL a warning, a third party a warning', () => {
    const local = find(
      lintOf({ env: { GEMINI_API_KEY: auth, GOOGLE_GEMINI_BASE_URL: 'http://127.0.0.1:8080' } }),
      'base_url_override',
    );
    assert.equal(local?.status, 'pass');
    const bad = find(
      lintOf({ env: { GEMINI_API_KEY: auth, GOOGLE_GEMINI_BASE_URL: 'not a url' } }),
      'base_url_override',
    );
    assert.match(bad?.detail ?? '', /not a valid URL/);
    const plain = find(
      lintOf({ env: { GEMINI_API_KEY: auth, GOOGLE_GEMINI_BASE_URL: 'http://relay.example.com' } }),
      'base_url_override',
    );
    assert.equal(plain?.status, 'warn');
    assert.match(plain?.detail ?? '', /unencrypted/);
    assert.equal(
      find(
        lintOf({
          env: { GEMINI_API_KEY: auth, GOOGLE_GEMINI_BASE_URL: 'https://generativelanguage.googleapis.com' },
        }),
        'base_url_override',
      ),
      undefined,
    );
  });

  it('.env.local is not loaded by dotenv or Node, unless a framework loads it', () => {
    const files = { [`${APP}/.env.local`]: `GEMINI_API_KEY=${auth}\n` };
    const f = find(lintOf({ files }), 'dotenv_not_loaded');
    assert.equal(f?.evidence.file, '.env.local');
    assert.equal(
      find(
        lintOf({ files: { ...files, [`${APP}/package.json`]: '{"dependencies":{"next":"15"}}' } }),
        'dotenv_not_loaded',
      ),
      undefined,
    );
  });

  it('a file named env or .env.txt is not .env', () => {
    const f = find(
      lintOf({ files: { [`${APP}/.env.txt`]: `GEMINI_API_KEY=${auth}\n` } }),
      'dotenv_not_loaded',
    );
    assert.match(f?.detail ?? '', /exactly "\.env"/);
    assert.equal(f?.status, 'fail');
  });

  it('an unreadable .env is reported, with its reason', () => {
    const f = find(
      lintOf({
        env: { GEMINI_API_KEY: auth },
        files: { [`${APP}/.env`]: { unreadable: 'permission denied' } },
      }),
      'dotenv_not_loaded',
    );
    assert.match(f?.detail ?? '', /permission denied/);
  });

  it('a key defined twice in one file', () => {
    const f = lintOf({
      files: { [`${APP}/.env`]: `GEMINI_API_KEY=${auth}\nX=1\nGEMINI_API_KEY=${fakeAuthKey()}\n` },
    }).find((x) => /defined 2 times/.test(x.title));
    assert.match(f?.title ?? '', /lines 1, 3/);
  });

  it('the same key in development and production env files (by fingerprint)', () => {
    const f = find(
      lintOf({
        files: {
          [`${APP}/.env`]: `GEMINI_API_KEY=${auth}\n`,
          [`${APP}/.env.production`]: `GEMINI_API_KEY=${auth}\n`,
        },
      }),
      null,
      'hygiene.shared_key',
    );
    assert.equal(f?.status, 'warn');
    assert.equal(f?.keys?.length, 1);
    assert.equal(
      find(
        lintOf({
          files: {
            [`${APP}/.env`]: `GEMINI_API_KEY=${auth}\n`,
            [`${APP}/.env.production`]: `GEMINI_API_KEY=${fakeAuthKey()}\n`,
          },
        }),
        null,
        'hygiene.shared_key',
      ),
      undefined,
    );
  });

  it('a failure that only hurts clients the project does not use is a warning', () => {
    const files = {
      [`${APP}/.env`]: null,
      [`${APP}/package.json`]: '{"dependencies":{"@google/genai":"1"}}',
    };
    const f = find(lintOf({ env: { GEMINI_API_KEY: auth }, files }), 'dotenv_is_directory');
    assert.equal(f?.status, 'warn');
    const used = find(
      lintOf({
        env: { GEMINI_API_KEY: auth },
        files: { ...files, [`${APP}/package.json`]: '{"dependencies":{"dotenv":"17"}}' },
      }),
      'dotenv_is_directory',
    );
    assert.equal(used?.status, 'fail');
  });

  it('env_conflict: a value gemini-cli cleans is the same conflict, told once with the clients that send it', () => {
    const std = fakeStandardKey();
    // A zero-width space inside the .env value: gemini-cli (untrusted folder) strips it, dotenv keeps it.
    const dirty = `${auth.slice(0, 8)}\u200b${auth.slice(8)}`;
    const conflicts = lintOf({
      env: { GOOGLE_API_KEY: std },
      files: { [`${APP}/.env`]: `GEMINI_API_KEY="${dirty}"\n` },
    }).filter((f) => f.cause === 'env_conflict');
    assert.equal(conflicts.length, 1, JSON.stringify(conflicts.map((f) => f.detail)));
    assert.match(conflicts[0]?.detail ?? '', /gemini-cli sends the GEMINI_API_KEY one/);
  });

  it('env_conflict names which client sends which key, masked', () => {
    const std = fakeStandardKey();
    const f = find(lintOf({ env: { GOOGLE_API_KEY: std, GEMINI_API_KEY: auth } }), 'env_conflict');
    assert.match(f?.detail ?? '', /@google\/genai.*GOOGLE_API_KEY one \(AIza…/);
    assert.match(f?.detail ?? '', /gemini-cli sends the GEMINI_API_KEY one \(AQ\.…/);
    assert.equal(f?.keys?.length, 2);
    assert.equal(
      find(lintOf({ env: { GOOGLE_API_KEY: auth, GEMINI_API_KEY: auth } }), 'env_conflict'),
      undefined,
    );
  });
});

describe('generic names', () => {
  it('API_KEY belongs to us only when it holds a Google-shaped key', () => {
    const other = lintOf({
      env: { GEMINI_API_KEY: fakeAuthKey(), API_KEY: 'sk-proj-somethingelse1234567890' },
    });
    assert.equal(find(other, 'env_wrong_name'), undefined);
    const ours = lintOf({ env: { API_KEY: fakeAuthKey() } });
    assert.equal(find(ours, 'env_wrong_name')?.evidence.variable, 'API_KEY');
  });
});
