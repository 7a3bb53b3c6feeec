import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseEnvFile } from '../../../src/core/dotenv/parse-env-file.js';
import { lintEnvironment } from '../../../src/core/lint/lint-environment.js';
import { lintKey } from '../../../src/core/lint/lint-key.js';
import type { FileSnapshot } from '../../../src/core/project-snapshot.js';
import { collectKeyCandidates } from '../../../src/core/resolution/collect-key-candidates.js';
import { resolveClients } from '../../../src/core/resolution/resolve-clients.js';

/** Bytes that look like .env files often enough to reach the interesting paths. */
const envLikeBytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'GEMINI_API_KEY',
          'GOOGLE_API_KEY',
          'export ',
          '=',
          ': ',
          '"',
          "'",
          '`',
          '#',
          '\r\n',
          '\n',
          ' ',
          '\uFEFF',
          '\u200B',
          '\u201C',
          'AQ.',
          'AIza',
          'GOOGLE_GENAI_USE_VERTEXAI=true',
          'GOOGLE_GEMINI_BASE_URL=',
          '\0',
        ),
        fc.string({ maxLength: 12 }),
      ),
      { maxLength: 40 },
    )
    .map((parts) => new TextEncoder().encode(parts.join(''))),
);

describe('no .env byte sequence makes the parsers or lint throw', () => {
  it('parseEnvFile is total', () => {
    fc.assert(
      fc.property(envLikeBytes, (bytes) => {
        const parsed = parseEnvFile(bytes);
        assert.ok(parsed.dotenv instanceof Map);
      }),
      { numRuns: 400 },
    );
  });

  it('resolution and lint are total on any .env, settings file and env values', () => {
    fc.assert(
      fc.property(
        envLikeBytes,
        envLikeBytes,
        fc.dictionary(
          fc.constantFrom(
            'GEMINI_API_KEY',
            'GOOGLE_API_KEY',
            'GOOGLE_GENAI_USE_VERTEXAI',
            'GOOGLE_GEMINI_BASE_URL',
            'HTTPS_PROXY',
            'GEMINI_KEY',
            'GEMINI_CLI_HOME',
          ),
          fc.string({ maxLength: 60 }),
        ),
        (dotEnv, settings, env) => {
          const files = new Map<string, FileSnapshot>([
            ['/w/app/.env', { kind: 'file', bytes: dotEnv }],
            ['/w/.env', { kind: 'directory' }],
            ['/h/.gemini/settings.json', { kind: 'file', bytes: settings }],
            ['/h/.gemini/trustedFolders.json', { kind: 'file', bytes: settings }],
            ['/w/app/package.json', { kind: 'file', bytes: settings }],
          ]);
          const snapshot = { env, cwd: '/w/app', home: '/h', files, platform: 'linux' as const };
          const resolutions = resolveClients(snapshot);
          const candidates = collectKeyCandidates(snapshot, resolutions);
          for (const candidate of candidates) lintKey(candidate);
          const findings = lintEnvironment(snapshot, resolutions, candidates);
          assert.ok(!findings.some((f) => f.cause === 'unknown'), 'a rule threw');
        },
      ),
      { numRuns: 300 },
    );
  });
});
