import type { EnvMap } from './env-map.js';
import type { SecretKey } from './secret-key.js';

/**
 * Everything the doctor's pure core needs to know about the user's machine, gathered once by
 * the I/O edge (src/io): the environment, and the contents of the files the loaders would read.
 * Given the same snapshot, the core gives the same findings.
 */
export type FileSnapshot =
  | { kind: 'file'; bytes: Uint8Array }
  | { kind: 'directory' }
  | { kind: 'missing' }
  | { kind: 'unreadable'; reason: string };

export interface ProjectSnapshot {
  env: EnvMap;
  /** Absolute working folder the clients would run in. */
  cwd: string;
  /** Absolute home folder (gemini-cli reads ~/.gemini/.env and ~/.env). */
  home: string;
  /** Absolute path → what is there. Paths the core asked for and the edge could not read are `missing`/`unreadable`. */
  files: ReadonlyMap<string, FileSnapshot>;
  platform: NodeJS.Platform;
}

/** The clients whose key resolution we model (reference/key-resolution.md). */
export const CLIENT_IDS = [
  '@google/genai',
  'google-genai',
  'gemini-cli',
  '@ai-sdk/google',
  '@langchain/google-genai',
  'node --env-file',
  'dotenv',
] as const;
export type ClientId = (typeof CLIENT_IDS)[number];

/** Where a key value came from, as shown to the user: `env:GOOGLE_API_KEY`, `file:.env:GEMINI_API_KEY`. */
export type KeySource = string;

/** What one client would do with this snapshot. */
export interface ClientResolution {
  client: ClientId;
  /** The key the client would send, or null when it would find none. */
  key: SecretKey | null;
  /** The variable/file it came from (null when no key). */
  source: KeySource | null;
  /** Absolute base URL the client would send to (after overrides). */
  baseUrl: string;
  backend: 'gemini-api' | 'vertex';
  /** Native routes send `x-goog-api-key`; OpenAI-compatible ones `Authorization: Bearer`. */
  endpointStyle: 'native' | 'openai';
  /** Short notes on why (e.g. "GOOGLE_API_KEY beats GEMINI_API_KEY"). */
  notes: string[];
  /**
   * Whether the project's manifests (package.json, requirements.txt, pyproject.toml) depend on this
   * client; absent when there is no manifest to tell.
   */
  usedInProject?: boolean;
}

/** One distinct key value found anywhere, with every place it was seen and every client that sends it. */
export interface KeyCandidate {
  key: SecretKey;
  sources: KeySource[];
  usedBy: ClientId[];
}
