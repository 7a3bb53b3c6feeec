import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run } from '../../src/cli/run.js';
import { leakAuthKey, leakStandardKey } from '../scan/_repo.js';
import { assertNoLeak, KEY_DISGUISES } from '../support/leak-check.js';
import { listenOnLoopback } from '../support/loopback.js';

/**
 * The leak suite (issue 10, "what must be shown"): every command and format, a canary key planted
 * in every position input can carry, under every encoding of item 1. No output may hold any
 * 12-character run of the canary.
 */
let mode: 'echo' | 'redirect' = 'echo';
let base = '';
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  const sent = String(req.headers['x-goog-api-key'] ?? req.headers.authorization ?? '');
  if (mode === 'redirect') {
    res.writeHead(302, { location: `http://127.0.0.1:1/v1beta/models?key=${encodeURIComponent(sent)}` });
    res.end();
    return;
  }
  // A hostile server repeats the key it was sent, and the URL, in its error message.
  res.writeHead(400, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      error: { code: 400, message: `API key not valid: ${sent} at ${req.url}`, status: 'INVALID_ARGUMENT' },
    }),
  );
});
before(async () => {
  base = await listenOnLoopback(server);
});
after(() => {
  server.closeAllConnections();
  server.close();
});

type Case = { name: string; argv: string[]; env?: Record<string, string>; stdin?: string; cwd?: string };

function cases(planted: string, dir: string): Case[] {
  const project = join(dir, 'project');
  const named = join(dir, 'named');
  mkdirSync(project, { recursive: true });
  mkdirSync(named, { recursive: true });
  writeFileSync(join(project, '.env'), `GEMINI_API_KEY=${planted}\n`);
  writeFileSync(join(project, 'index.js'), `const apiKey = "${planted}";\n`);
  const safeName = planted.replace(/[/\0]/g, '_');
  writeFileSync(join(named, `${safeName}.txt`), 'nothing here\n');
  let folder = '';
  try {
    folder = join(dir, safeName.slice(0, 200));
    mkdirSync(folder, { recursive: true });
  } catch {
    folder = project;
  }
  const formats = [[], ['--json'], ['--verbose'], ['--html']];
  const timeout = ['--timeout', '1500'];
  return [
    ...formats.map((f) => ({
      name: `doctor env ${f}`,
      argv: [...f, ...timeout, '--base-url', base],
      env: { GEMINI_API_KEY: planted },
    })),
    ...formats.map((f) => ({ name: `doctor .env ${f}`, argv: ['--offline', ...f], cwd: project })),
    ...formats.map((f) => ({ name: `doctor cwd name ${f}`, argv: ['--offline', ...f], cwd: folder })),
    {
      name: 'doctor base URL path',
      argv: ['--json', ...timeout],
      env: { GEMINI_API_KEY: leakStandardKey(), GOOGLE_GEMINI_BASE_URL: `${base}/${planted}` },
    },
    {
      name: 'doctor base URL query',
      argv: ['--json', ...timeout],
      env: { GEMINI_API_KEY: leakStandardKey(), GOOGLE_GEMINI_BASE_URL: `${base}/?key=${planted}` },
    },
    { name: 'doctor --model', argv: ['--model', planted, '--offline'] },
    {
      name: 'doctor --key-stdin',
      argv: ['--key-stdin', '--json', ...timeout, '--base-url', base],
      stdin: planted,
    },
    {
      name: 'ask env',
      argv: ['ask', 'hi', ...timeout, '--base-url', base],
      env: { GEMINI_API_KEY: planted },
    },
    {
      name: 'ask --json',
      argv: ['ask', 'hi', '--json', ...timeout, '--base-url', base],
      env: { GEMINI_API_KEY: planted },
    },
    { name: 'ask --model', argv: ['ask', 'hi', '--model', planted] },
    { name: 'explain arg', argv: ['explain', `API key not valid: ${planted}`] },
    {
      name: 'explain --json stdin',
      argv: ['explain', '--json', '-'],
      stdin: `{"error":{"message":"bad key ${planted}"}}`,
    },
    ...['text', 'json', 'sarif'].map((format) => ({
      name: `scan contents ${format}`,
      argv: ['scan', '--format', format, '--verbose'],
      cwd: project,
    })),
    ...['text', 'json', 'sarif'].map((format) => ({
      name: `scan file name ${format}`,
      argv: ['scan', '--format', format, '--verbose'],
      cwd: named,
    })),
    {
      name: 'scan --verify env base URL',
      argv: ['scan', '--verify', '--json'],
      cwd: project,
      env: { GOOGLE_GEMINI_BASE_URL: `${base}/?key=${planted}` },
    },
    {
      name: 'scan --baseline path',
      argv: ['scan', '--baseline', join(dir, planted.replace(/\//g, '_'))],
      cwd: project,
    },
    {
      name: 'emulate --config path',
      argv: ['emulate', '--config', join(dir, 'missing', planted.replace(/\//g, '_'))],
    },
  ];
}

describe('leak suite: every command, every position, every encoding', () => {
  for (const [disguiseName, disguise] of Object.entries(KEY_DISGUISES)) {
    it(`${disguiseName}`, async () => {
      for (const canary of [leakStandardKey(), leakAuthKey()]) {
        const dir = mkdtempSync(join(tmpdir(), 'gkd-leaks-'));
        try {
          for (const serverMode of ['echo', 'redirect'] as const) {
            mode = serverMode;
            for (const c of cases(disguise(canary), dir)) {
              if (serverMode === 'redirect' && !/base/.test(c.argv.join(' ') + JSON.stringify(c.env ?? {})))
                continue;
              const r = await run(
                c.argv,
                { HOME: dir, NO_COLOR: '1', METADATA_SERVER_DETECTION: 'none', ...c.env },
                {
                  cwd: c.cwd ?? dir,
                  ...(c.stdin !== undefined ? { readStdin: async () => c.stdin ?? '' } : {}),
                },
              );
              try {
                assertNoLeak(canary, r.stdout, r.stderr);
              } catch (error) {
                throw new Error(`${c.name} (${serverMode}): ${(error as Error).message}`);
              }
            }
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    });
  }
});
