import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GoogleGenAI } from '@google/genai';
import type { ClientId } from '../../../src/core/project-snapshot.js';
import { collectKeyCandidates } from '../../../src/core/resolution/collect-key-candidates.js';
import { resolveClients } from '../../../src/core/resolution/resolve-clients.js';
import { fakeAuthKey, fakeStandardKey } from '../../support/fake-keys.js';
import { snapshotOf } from './snapshot-builder.js';

const APP = '/home/dev/app';
const HOME = '/home/dev';

function resolve(options: Parameters<typeof snapshotOf>[0]) {
  const snapshot = snapshotOf(options);
  const all = resolveClients(snapshot);
  const of = (client: ClientId) => {
    const r = all.find((x) => x.client === client);
    assert.ok(r, client);
    return r;
  };
  return { snapshot, all, of };
}

describe('resolveClients: which key each client sends', () => {
  const std = fakeStandardKey();
  const auth = fakeAuthKey();

  it('@google/genai and google-genai prefer GOOGLE_API_KEY; gemini-cli reads GEMINI_API_KEY; LangChain GOOGLE_API_KEY; the AI SDK only its own name', () => {
    const { of } = resolve({ env: { GOOGLE_API_KEY: std, GEMINI_API_KEY: auth } });
    assert.equal(of('@google/genai').key?.reveal(), std);
    assert.equal(of('@google/genai').source, 'env:GOOGLE_API_KEY');
    assert.ok(
      of('@google/genai').notes.includes(
        'Both GOOGLE_API_KEY and GEMINI_API_KEY are set. Using GOOGLE_API_KEY.',
      ),
    );
    assert.equal(of('google-genai').key?.reveal(), std);
    assert.equal(of('gemini-cli').key?.reveal(), auth);
    assert.equal(of('gemini-cli').source, 'env:GEMINI_API_KEY');
    assert.equal(of('@langchain/google-genai').key?.reveal(), std);
    assert.equal(of('@ai-sdk/google').key, null);
  });

  it('empty strings: JS SDK falls through, the AI SDK sends "" (no key), Python lets a blank GOOGLE_API_KEY win', () => {
    const { of } = resolve({
      env: { GOOGLE_API_KEY: '   ', GEMINI_API_KEY: auth, GOOGLE_GENERATIVE_AI_API_KEY: '' },
    });
    assert.equal(of('@google/genai').key?.reveal(), auth);
    assert.equal(of('google-genai').key, null);
    assert.ok(of('google-genai').notes.some((n) => n.includes('only whitespace')));
    assert.equal(of('@ai-sdk/google').key, null);
    assert.ok(of('@ai-sdk/google').notes.some((n) => n.includes('set but empty')));
  });

  it('the JS SDK trims env values; the AI SDK and LangChain send through fetch, which trims too (issue 9)', () => {
    // The key-resolution conformance matrix checks this against the real clients ("env: padded values").
    const { of } = resolve({
      env: { GOOGLE_API_KEY: `${auth}\n`, GOOGLE_GENERATIVE_AI_API_KEY: ` ${auth}` },
    });
    assert.equal(of('@google/genai').key?.reveal(), auth);
    assert.equal(of('@langchain/google-genai').key?.reveal(), auth);
    assert.equal(of('@ai-sdk/google').key?.reveal(), auth);
  });

  it('LangChain: 2.3.0+ reads GEMINI_API_KEY too, 2.2.x never; the installed version beats the range', () => {
    const pkg = (range: string) => JSON.stringify({ dependencies: { '@langchain/google-genai': range } });
    const installed = (version: string) => JSON.stringify({ name: '@langchain/google-genai', version });
    const newer = resolve({
      env: { GEMINI_API_KEY: auth },
      files: { [`${APP}/package.json`]: pkg('^2.3.2') },
    });
    assert.equal(newer.of('@langchain/google-genai').key?.reveal(), auth);
    assert.match(newer.of('@langchain/google-genai').notes[0]!, /2\.3\.2 \(range; ≥ 2\.3\.0 rules\)/);
    const older = resolve({
      env: { GEMINI_API_KEY: auth },
      files: { [`${APP}/package.json`]: pkg('^2.2.0') },
    });
    assert.equal(older.of('@langchain/google-genai').key, null);
    const pinnedOld = resolve({
      env: { GEMINI_API_KEY: auth },
      files: {
        [`${APP}/package.json`]: pkg('^2.3.2'),
        [`${APP}/node_modules/@langchain/google-genai/package.json`]: installed('2.2.0'),
      },
    });
    assert.equal(pinnedOld.of('@langchain/google-genai').key, null);
    assert.match(
      pinnedOld.of('@langchain/google-genai').notes[0]!,
      /2\.2\.0 \(installed; 0\.2\.18 – 2\.2\.x rules\)/,
    );
  });

  it('dotenv and node --env-file never override a set variable, even an empty one', () => {
    const { of } = resolve({
      env: { GEMINI_API_KEY: '' },
      files: { [`${APP}/.env`]: `GEMINI_API_KEY=${auth}\nGOOGLE_API_KEY=${std}\n` },
    });
    assert.equal(of('dotenv').key?.reveal(), std);
    assert.equal(of('dotenv').source, 'file:.env:GOOGLE_API_KEY');
    assert.equal(of('node --env-file').source, 'file:.env:GOOGLE_API_KEY');
    assert.equal(of('gemini-cli').key, null);
  });

  it('gemini-cli: first file of the walk-up search only, .gemini/.env first when trusted, then home', () => {
    const files = {
      [`${APP}/.gemini/.env`]: `GEMINI_API_KEY=${auth}\n`,
      [`${HOME}/.env`]: `GEMINI_API_KEY=${std}\n`,
    };
    const trusted = resolve({ env: { GEMINI_CLI_TRUST_WORKSPACE: 'true' }, files });
    assert.equal(trusted.of('gemini-cli').source, 'file:.gemini/.env:GEMINI_API_KEY');
    const untrusted = resolve({ files });
    assert.equal(untrusted.of('gemini-cli').source, 'file:~/.env:GEMINI_API_KEY');
  });

  it('gemini-cli trust from trustedFolders.json (TRUST_PARENT) and settings that turn folder trust off', () => {
    const files = { [`${APP}/.gemini/.env`]: `GEMINI_API_KEY=${auth}\n` };
    const parent = resolve({
      files: {
        ...files,
        [`${HOME}/.gemini/trustedFolders.json`]: JSON.stringify({ [`${APP}/x`]: 'TRUST_PARENT' }),
      },
    });
    assert.equal(parent.of('gemini-cli').key?.reveal(), auth);
    const off = resolve({
      files: {
        ...files,
        [`${HOME}/.gemini/settings.json`]: '{"security":{"folderTrust":{"enabled":false}}}',
      },
    });
    assert.equal(off.of('gemini-cli').key?.reveal(), auth);
    const denied = resolve({
      files: { ...files, [`${HOME}/.gemini/trustedFolders.json`]: JSON.stringify({ [APP]: 'DO_NOT_TRUST' }) },
    });
    assert.equal(denied.of('gemini-cli').key, null);
  });

  it('gemini-cli untrusted: only whitelisted variables load, sanitised', () => {
    const { of } = resolve({
      files: { [`${APP}/.env`]: `GEMINI_API_KEY="${auth} "\nGOOGLE_GEMINI_BASE_URL=https://relay.example\n` },
    });
    assert.equal(of('gemini-cli').key?.reveal(), auth);
    assert.equal(of('gemini-cli').baseUrl, 'https://generativelanguage.googleapis.com/');
  });

  it('gemini-cli honours GEMINI_CLI_HOME and advanced.ignoreLocalEnv', () => {
    const moved = resolve({
      env: { GEMINI_CLI_HOME: '/opt/cli', GEMINI_CLI_TRUST_WORKSPACE: 'true' },
      files: { '/opt/cli/.gemini/.env': `GEMINI_API_KEY=${auth}\n` },
    });
    assert.equal(moved.of('gemini-cli').source, 'file:/opt/cli/.gemini/.env:GEMINI_API_KEY');
    const ignoring = resolve({
      env: { GEMINI_CLI_TRUST_WORKSPACE: 'true' },
      files: {
        [`${APP}/.env`]: `GEMINI_API_KEY=${std}\n`,
        [`${HOME}/.env`]: `GEMINI_API_KEY=${auth}\n`,
        [`${HOME}/.gemini/settings.json`]: '{"advanced":{"ignoreLocalEnv":true}}',
      },
    });
    assert.equal(ignoring.of('gemini-cli').source, 'file:~/.env:GEMINI_API_KEY');
  });

  it('gemini-cli auth type: exact "true" selects Vertex (express with GOOGLE_API_KEY); GOOGLE_GEMINI_BASE_URL selects gateway', () => {
    const vertex = resolve({
      env: { GOOGLE_GENAI_USE_VERTEXAI: 'true', GOOGLE_API_KEY: auth, GEMINI_API_KEY: std },
    });
    assert.equal(vertex.of('gemini-cli').backend, 'vertex');
    assert.equal(vertex.of('gemini-cli').key?.reveal(), auth);
    assert.equal(vertex.of('gemini-cli').baseUrl, 'https://aiplatform.googleapis.com/');
    const caps = resolve({ env: { GOOGLE_GENAI_USE_VERTEXAI: 'True', GEMINI_API_KEY: std } });
    assert.equal(caps.of('gemini-cli').backend, 'gemini-api');
    assert.equal(caps.of('@google/genai').backend, 'vertex');
    const gateway = resolve({
      env: { GOOGLE_GEMINI_BASE_URL: 'http://localhost:8080', GEMINI_API_KEY: auth },
    });
    assert.equal(gateway.of('gemini-cli').baseUrl, 'http://localhost:8080');
    // In the user's words, not gemini-cli's "gateway" auth type (issue 8).
    assert.ok(gateway.of('gemini-cli').notes.some((n) => n.includes('GOOGLE_GEMINI_BASE_URL server')));
    assert.ok(!gateway.of('gemini-cli').notes.some((n) => /auth type/.test(n)));
  });

  it('Vertex base URLs follow the location; env project/location make the SDK drop the key', () => {
    const regional = resolve({
      env: {
        GOOGLE_GENAI_USE_VERTEXAI: 'true',
        GOOGLE_CLOUD_LOCATION: 'us-central1',
        GOOGLE_CLOUD_PROJECT: 'p',
      },
    });
    assert.equal(regional.of('@google/genai').baseUrl, 'https://us-central1-aiplatform.googleapis.com/');
    const rep = resolve({
      env: { GOOGLE_GENAI_USE_VERTEXAI: 'true', GOOGLE_CLOUD_LOCATION: 'eu', GEMINI_API_KEY: auth },
    });
    assert.equal(rep.of('@google/genai').key, null);
    assert.equal(rep.of('@google/genai').baseUrl, 'https://aiplatform.eu.rep.googleapis.com/');
  });

  it('records which clients the project depends on', () => {
    const { of } = resolve({
      files: {
        [`${APP}/package.json`]:
          '{"dependencies":{"@ai-sdk/google":"^2"},"scripts":{"dev":"node --env-file=.env x.js"}}',
        [`${HOME}/requirements.txt`]: 'google-genai==1.0\n',
      },
    });
    assert.equal(of('@ai-sdk/google').usedInProject, true);
    assert.equal(of('node --env-file').usedInProject, true);
    assert.equal(of('google-genai').usedInProject, true);
    assert.equal(of('@google/genai').usedInProject, false);
    assert.equal(resolve({}).of('@google/genai').usedInProject, undefined);
  });
});

describe('collectKeyCandidates', () => {
  it('groups by value with every source and client, and keeps keys no client sends', () => {
    const auth = fakeAuthKey();
    const other = fakeAuthKey();
    const snapshot = snapshotOf({
      env: { GEMINI_API_KEY: auth, GEMINI_KEY: other },
      files: {
        [`${APP}/.env`]: `GEMINI_API_KEY=${auth}\n`,
        [`${APP}/.env.production`]: `GEMINI_API_KEY=${other}\n`,
      },
    });
    const candidates = collectKeyCandidates(snapshot, resolveClients(snapshot));
    const main = candidates.find((c) => c.key.reveal() === auth);
    assert.ok(main);
    assert.deepEqual(main.sources.sort(), ['env:GEMINI_API_KEY', 'file:.env:GEMINI_API_KEY']);
    assert.ok(main.usedBy.includes('gemini-cli') && main.usedBy.includes('@google/genai'));
    const stray = candidates.find((c) => c.key.reveal() === other);
    assert.deepEqual(stray?.usedBy, []);
    assert.deepEqual(stray?.sources.sort(), ['env:GEMINI_KEY', 'file:.env.production:GEMINI_API_KEY']);
    assert.equal(candidates[0], main);
  });
});

describe('conformance with the installed @google/genai', () => {
  const cases: Record<string, string>[] = [
    { GOOGLE_API_KEY: fakeStandardKey(), GEMINI_API_KEY: fakeAuthKey() },
    { GOOGLE_API_KEY: '  ', GEMINI_API_KEY: ` ${fakeAuthKey()}\n` },
    { GEMINI_API_KEY: fakeAuthKey(), GOOGLE_GENAI_USE_VERTEXAI: 'TRUE' },
    { GEMINI_API_KEY: fakeAuthKey(), GOOGLE_GENAI_USE_VERTEXAI: '1' },
    { GEMINI_API_KEY: fakeAuthKey(), GOOGLE_GENAI_USE_VERTEXAI: 'true', GOOGLE_CLOUD_PROJECT: 'p' },
    {
      GEMINI_API_KEY: fakeAuthKey(),
      GOOGLE_GENAI_USE_ENTERPRISE: 'false',
      GOOGLE_GENAI_USE_VERTEXAI: 'true',
    },
  ];
  const NAMES = [
    'GOOGLE_API_KEY',
    'GEMINI_API_KEY',
    'GOOGLE_GENAI_USE_VERTEXAI',
    'GOOGLE_GENAI_USE_ENTERPRISE',
    'GOOGLE_CLOUD_PROJECT',
    'GOOGLE_CLOUD_LOCATION',
    'GOOGLE_GEMINI_BASE_URL',
    'GOOGLE_VERTEX_BASE_URL',
  ];

  for (const [i, env] of cases.entries()) {
    it(`case ${i + 1}: same key and backend as new GoogleGenAI()`, (t) => {
      const saved = Object.fromEntries(NAMES.map((n) => [n, process.env[n]]));
      t.mock.method(console, 'warn', () => {});
      t.mock.method(console, 'debug', () => {});
      try {
        for (const n of NAMES) delete process.env[n];
        Object.assign(process.env, env);
        const sdk = new GoogleGenAI({}) as unknown as { apiKey?: string; vertexai?: boolean };
        const ours = resolveClients(snapshotOf({ env })).find((r) => r.client === '@google/genai');
        assert.equal(ours?.key?.reveal() ?? undefined, sdk.apiKey || undefined);
        assert.equal(ours?.backend === 'vertex', Boolean(sdk.vertexai));
      } finally {
        for (const n of NAMES) {
          if (saved[n] === undefined) delete process.env[n];
          else process.env[n] = saved[n];
        }
      }
    });
  }
});

describe('Windows', () => {
  it('variable names are case-insensitive, as process.env is there', () => {
    const auth = fakeAuthKey();
    const snapshot = snapshotOf({
      env: { gemini_api_key: auth },
      cwd: 'C:\\Users\\dev\\app',
      home: 'C:\\Users\\dev',
      platform: 'win32',
      files: { 'C:\\Users\\dev\\app\\.env': 'GEMINI_API_KEY=x\n' },
    });
    const cli = resolveClients(snapshot).find((r) => r.client === 'gemini-cli');
    assert.equal(cli?.key?.reveal(), auth);
    assert.equal(cli?.source, 'env:gemini_api_key');
  });
});

describe('dotenv options from the environment', () => {
  it('DOTENV_CONFIG_OVERRIDE=true lets .env replace set variables (dotenv only, not Node)', () => {
    const auth = fakeAuthKey();
    const snapshot = snapshotOf({
      env: { GEMINI_API_KEY: '', DOTENV_CONFIG_OVERRIDE: 'true' },
      files: { [`${APP}/.env`]: `GEMINI_API_KEY=${auth}\n` },
    });
    const all = resolveClients(snapshot);
    assert.equal(all.find((r) => r.client === 'dotenv')?.key?.reveal(), auth);
    assert.equal(all.find((r) => r.client === 'node --env-file')?.key, null);
  });
});
