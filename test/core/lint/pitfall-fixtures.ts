import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileSnapshot, ProjectSnapshot } from '../../../src/core/project-snapshot.js';
import { fakeAuthKey, fakeStandardKey } from '../../support/fake-keys.js';

/**
 * The pitfalls of reference/key-resolution.md §9 as data (test/fixtures/pitfalls/NN-name.json):
 * an environment, files (text, `null` for a folder, `{ "utf16le": text }`), and what the doctor
 * must say. Key tokens ({{AUTH_KEY}}…) become fresh canary keys, so fixtures hold no key.
 */
export interface PitfallFixture {
  pitfall: number;
  title: string;
  file: string;
  cwd: string;
  home: string;
  env: Record<string, string>;
  files: Record<string, string | null | { utf16le: string }>;
  expect?: {
    cause?: string | null;
    check?: string;
    status?: string;
    clients?: string[];
    evidence?: Record<string, string>;
    detail?: string;
  }[];
  expectResolution?: {
    client: string;
    source?: string | null;
    backend?: string;
    baseUrl?: string;
    note?: string;
    keyIs?: string;
  }[];
  expectNoFinding?: string[];
}

export const PITFALL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'pitfalls');

export function loadPitfallFixtures(): PitfallFixture[] {
  return readdirSync(PITFALL_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({
      ...(JSON.parse(readFileSync(join(PITFALL_DIR, name), 'utf8')) as PitfallFixture),
      file: name,
    }));
}

/** Fresh canary keys for one fixture, by token name. */
export function canaryKeys(): Record<string, string> {
  const auth = fakeAuthKey();
  return {
    AUTH_KEY: auth,
    AUTH_KEY_2: fakeAuthKey(),
    STANDARD_KEY: fakeStandardKey(),
    AUTH_KEY_ZWSP: `${auth.slice(0, 12)}\u200b${auth.slice(12)}`,
    AUTH_KEY_HEAD: auth.slice(0, 20),
    AUTH_KEY_TAIL: auth.slice(20),
  };
}

function fill(text: string, keys: Record<string, string>): string {
  return text.replace(/\{\{([A-Z0-9_]+)\}\}/g, (_, name: string) => keys[name] ?? `{{${name}}}`);
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 + i * 2] = code & 0xff;
    out[3 + i * 2] = code >> 8;
  }
  return out;
}

export function snapshotOfFixture(fixture: PitfallFixture, keys: Record<string, string>): ProjectSnapshot {
  const files = new Map<string, FileSnapshot>();
  for (const [path, content] of Object.entries(fixture.files)) {
    if (content === null) files.set(path, { kind: 'directory' });
    else if (typeof content === 'string')
      files.set(path, { kind: 'file', bytes: new TextEncoder().encode(fill(content, keys)) });
    else files.set(path, { kind: 'file', bytes: utf16le(fill(content.utf16le, keys)) });
  }
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(fixture.env)) env[name] = fill(value, keys);
  return { env, cwd: fixture.cwd, home: fixture.home, files, platform: 'linux' };
}
