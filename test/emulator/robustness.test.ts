import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { MAGIC_KEYS } from '../../src/emulator/magic-keys.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';

/**
 * Whatever arrives (odd paths, bad escapes, junk bodies, any credential mix, bad scenario
 * headers), the emulator answers with one of Google's shapes and never with its own internal error.
 */
let emulator: RunningEmulator;
before(async () => {
  emulator = await startEmulator();
});
after(async () => {
  await emulator.close();
});

const FAULTS = new Set(['connection_reset', 'hang', 'truncated_body', 'huge_body']);
const keys = MAGIC_KEYS.filter((k) => !MAGIC_KEYS.some((m) => m.key === k.key && FAULTS.has(m.scenario))).map(
  (k) => k.key,
);

function send(method: string, path: string, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(`${emulator.url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        text += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const segment = fc.oneof(
  fc.constantFrom(
    'v1beta',
    'v1',
    'models',
    'openai',
    'chat',
    'completions',
    'gemini-2.5-flash',
    '%E0%A4%A',
    '..',
  ),
  fc.string({ maxLength: 12 }).map((s) => encodeURIComponent(s)),
);
const verb = fc.constantFrom(
  '',
  ':generateContent',
  ':streamGenerateContent',
  ':countTokens',
  ':embedContent',
  ':x',
);

test('no request makes the emulator fail on its own', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
      fc.array(segment, { maxLength: 5 }),
      verb,
      fc.record(
        {
          'x-goog-api-key': fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 60 })),
          authorization: fc.oneof(
            fc.constantFrom(...keys).map((k) => `Bearer ${k}`),
            fc.string({ maxLength: 20 }),
          ),
          'x-emulator-scenario': fc.oneof(fc.constantFrom('ok', 'quota_exhausted*2,ok', 'nope'), fc.string()),
        },
        { requiredKeys: [] },
      ),
      fc.oneof(
        fc.constant(''),
        fc.constant('{"contents":[{"parts":[{"text":"x"}]}]}'),
        fc.string({ maxLength: 100 }),
      ),
      async (method, segments, tail, headers, body) => {
        const clean = Object.fromEntries(
          Object.entries(headers).filter(([, v]) => /^[\t\x20-\x7e]*$/.test(v) && v.trim() !== ''),
        ) as Record<string, string>;
        const path = `/${segments.join('/')}${tail}`;
        const r = await send(method, path, clean, method === 'POST' ? body : '');
        assert.notEqual(r.text, 'emulator internal error', `${method} ${path}`);
        assert.ok(
          [200, 400, 401, 403, 404, 429, 500, 502, 503].includes(r.status),
          `${r.status} for ${path}`,
        );
      },
    ),
    { numRuns: 300 },
  );
});
