import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { fakeAuthKey, fakeStandardKey } from '../support/fake-keys.js';

/**
 * The pitfalls of reference/key-resolution.md §9, each as a project folder + environment, diagnosed
 * through the whole CLI (`run()`, offline): the doctor names the cause. The core unit-tests the
 * rules; this proves they reach the user. Not here: §9.7 (a key read before dotenv runs) and §9.12
 * (`httpOptions.headers` in code) need the program's source, not its setup.
 */
interface Pitfall {
  /** §9 item number(s) and what it is. */
  name: string;
  env: Record<string, string>;
  /** Relative path (from the project folder, `~/` for home) → content; a trailing `/` makes a folder. */
  files?: Record<string, string | Uint8Array>;
  /** Run in this sub-folder of the project. */
  subdir?: string;
  accept: string[];
}

const auth = fakeAuthKey();
const other = fakeAuthKey();
const standard = fakeStandardKey();

const PITFALLS: Pitfall[] = [
  {
    name: '1 GOOGLE_API_KEY and GEMINI_API_KEY differ',
    env: { GOOGLE_API_KEY: standard, GEMINI_API_KEY: auth },
    accept: ['env_conflict', 'env_shadowed'],
  },
  {
    name: '2 the key under the wrong name for the client (AI SDK project, GEMINI_API_KEY only)',
    env: { GEMINI_API_KEY: auth },
    files: { 'package.json': JSON.stringify({ dependencies: { '@ai-sdk/google': '^2.0.0' } }) },
    accept: ['env_wrong_name'],
  },
  {
    name: '2 the key under the wrong name for the client (LangChain project, GEMINI_API_KEY only)',
    env: { GEMINI_API_KEY: auth },
    files: { 'package.json': JSON.stringify({ dependencies: { '@langchain/google-genai': '^2.0.0' } }) },
    accept: ['env_wrong_name'],
  },
  {
    name: '3 an empty shell variable shadows .env',
    env: { GEMINI_API_KEY: '' },
    files: { '.env': `GEMINI_API_KEY=${auth}\n` },
    accept: ['env_shadowed'],
  },
  {
    name: '3 a different shell value shadows .env',
    env: { GEMINI_API_KEY: other },
    files: { '.env': `GEMINI_API_KEY=${auth}\n` },
    accept: ['env_shadowed', 'env_conflict'],
  },
  {
    name: '4 a project .env hides ~/.gemini/.env from gemini-cli',
    env: {},
    files: { '.env': 'PORT=3000\n', '~/.gemini/.env': `GEMINI_API_KEY=${auth}\n` },
    accept: ['dotenv_not_loaded', 'env_shadowed'],
  },
  {
    name: '5 ./.gemini/.env skipped in an untrusted folder',
    env: {},
    files: { '.gemini/.env': `GEMINI_API_KEY=${auth}\n` },
    accept: ['dotenv_not_loaded'],
  },
  {
    name: '6 dotenv reads ./.env only: run from a sub-folder',
    env: {},
    files: { '.env': `GEMINI_API_KEY=${auth}\n`, 'packages/app/': '' },
    subdir: 'packages/app',
    accept: ['dotenv_not_loaded'],
  },
  {
    name: '8 gemini-cli settings.json selects Vertex AI',
    env: { GEMINI_API_KEY: auth },
    files: {
      '~/.gemini/settings.json': JSON.stringify({ security: { auth: { selectedType: 'vertex-ai' } } }),
    },
    accept: ['vertex_mode_enabled', 'env_wrong_name'],
  },
  {
    name: '9 GOOGLE_GENAI_USE_VERTEXAI=true with an AI Studio key',
    env: { GEMINI_API_KEY: auth, GOOGLE_GENAI_USE_VERTEXAI: 'true' },
    accept: ['vertex_mode_enabled'],
  },
  {
    name: '10 GOOGLE_GENAI_USE_VERTEXAI=1 means Vertex to Python only',
    env: { GEMINI_API_KEY: auth, GOOGLE_GENAI_USE_VERTEXAI: '1' },
    accept: ['vertex_mode_enabled'],
  },
  {
    name: '11 a leftover GOOGLE_GEMINI_BASE_URL',
    env: { GEMINI_API_KEY: auth, GOOGLE_GEMINI_BASE_URL: 'https://relay.example.com' },
    accept: ['base_url_override'],
  },
  {
    name: '13 quotes that survive parsing (shell)',
    env: { GEMINI_API_KEY: `"${auth}"` },
    accept: ['key_quoted'],
  },
  { name: '13 smart quotes', env: { GEMINI_API_KEY: `“${auth}”` }, accept: ['key_quoted'] },
  {
    name: '13 an unmatched quote in .env',
    env: {},
    files: { '.env': `GEMINI_API_KEY="${auth}\n` },
    accept: ['key_quoted'],
  },
  {
    name: '14 whitespace inside quotes in .env',
    env: {},
    files: { '.env': `GEMINI_API_KEY=" ${auth} "\n` },
    accept: ['key_whitespace'],
  },
  {
    name: '15 a zero-width space in the value',
    env: { GEMINI_API_KEY: `${auth.slice(0, 20)}\u200b${auth.slice(20)}` },
    accept: ['key_invisible_chars'],
  },
  {
    name: '15 a non-breaking space at the end',
    env: { GEMINI_API_KEY: `${auth}\u00a0` },
    accept: ['key_invisible_chars', 'key_whitespace'],
  },
  {
    name: '17 a \\r left by sourcing a CRLF file',
    env: { GEMINI_API_KEY: `${auth}\r` },
    accept: ['key_whitespace', 'key_invisible_chars'],
  },
  {
    name: '18 a BOM before the key line (Node --env-file)',
    env: {},
    files: { '.env': new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(`GEMINI_API_KEY=${auth}\n`)]) },
    accept: ['dotenv_encoding'],
  },
  {
    name: '19 a UTF-16 .env (PowerShell 5 echo >)',
    env: {},
    files: { '.env': new Uint8Array([0xff, 0xfe, ...Buffer.from(`GEMINI_API_KEY=${auth}\r\n`, 'utf16le')]) },
    accept: ['dotenv_encoding'],
  },
  {
    name: '20 a placeholder value',
    env: { GEMINI_API_KEY: 'your-api-key-here' },
    accept: ['key_placeholder'],
  },
  { name: '20 the string "undefined"', env: { GEMINI_API_KEY: 'undefined' }, accept: ['key_placeholder'] },
  {
    name: '21 .env is a directory (a venv)',
    env: {},
    files: { '.env/': '' },
    accept: ['dotenv_is_directory'],
  },
  {
    name: '25 an OpenAI key in GEMINI_API_KEY',
    env: { GEMINI_API_KEY: `sk-proj-${'A1b2C3d4'.repeat(6)}` },
    accept: ['key_wrong_credential'],
  },
  {
    name: '25 a service-account JSON path',
    env: { GEMINI_API_KEY: '/home/me/keys/service-account.json' },
    accept: ['key_wrong_credential'],
  },
  {
    name: '26 a standard AIza key in 2026',
    env: { GEMINI_API_KEY: standard },
    accept: ['key_standard_retired'],
  },
  {
    name: 'HTTPS_PROXY set: Node 20 fetch ignores it',
    env: { GEMINI_API_KEY: auth, HTTPS_PROXY: 'http://proxy.corp:3128' },
    accept: ['proxy_ignored_by_node', 'network_proxy'],
  },
];

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'gkd-pitfalls-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('every §9 pitfall, end to end: the doctor names it', () => {
  PITFALLS.forEach((pitfall, index) => {
    test(`§9.${pitfall.name} → ${pitfall.accept.join(' | ')}`, async () => {
      const home = join(root, `case-${index}`, 'home');
      const project = join(root, `case-${index}`, 'project');
      await mkdir(home, { recursive: true });
      await mkdir(project, { recursive: true });
      for (const [path, content] of Object.entries(pitfall.files ?? {})) {
        const full = path.startsWith('~/') ? join(home, path.slice(2)) : join(project, path);
        if (path.endsWith('/')) {
          await mkdir(full, { recursive: true });
          continue;
        }
        await mkdir(dirname(full), { recursive: true });
        await writeFile(full, content);
      }
      const cwd = pitfall.subdir ? join(project, pitfall.subdir) : project;
      const r = await run(['--offline', '--json', '--cwd', cwd], { HOME: home, ...pitfall.env });
      const report = JSON.parse(r.stdout) as { findings: { cause: string | null; status: string }[] };
      const named = report.findings.filter((f) => f.cause !== null).map((f) => f.cause);
      assert.ok(
        named.some((c) => c !== null && pitfall.accept.includes(c)),
        `named ${named.join(', ') || 'nothing'}`,
      );
      for (const secret of [auth, other, standard])
        assert.ok(!r.stdout.includes(secret.slice(4)), 'key printed');
    });
  });
});
