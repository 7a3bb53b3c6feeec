import { createHash } from 'node:crypto';
import type { CauseId } from '../catalog/cause-id.js';
import { AUTH_KEY_TYPICAL_LENGTH, STANDARD_KEY_LENGTH } from '../core/key-material.js';
import { parseScenarioSpec, type ScenarioSequence } from './scenario-sequence.js';
import { type Provenance, SCENARIOS, type ScenarioId } from './scenarios.js';

/**
 * Magic keys, like Stripe's test cards: each well-formed key selects one answer of the emulator.
 *
 * Convention (so people and our scanner see at a glance that a key is fake):
 * - standard shape: `AIzaSyEMU-` + a readable slug + `-` + filler, STANDARD_KEY_LENGTH (39) characters in all
 *   (`AIza` + 35 of [A-Za-z0-9_-]), e.g. `AIzaSyEMU-quota-exhausted-…`;
 * - auth shape: `AQ.EMU-` + a readable slug + `-` + filler, AUTH_KEY_TYPICAL_LENGTH (53) in all (`AQ.` + 50),
 *   e.g. `AQ.EMU-ok-…`.
 * The filler is the base64url SHA-256 of the slug, so every key is stable across versions and
 * still looks like key material to format checks (no `xxxx`/`____` runs a placeholder lint would
 * flag). `EMU-` right after the prefix is the marker: `isMagicKey` / `MAGIC_KEY_PATTERN`.
 * Only the emulator honours them; Google answers any of them with API_KEY_INVALID.
 */
export interface MagicKey {
  key: string;
  /** The cause a correct diagnosis names for this key's answer; null for keys that work. */
  cause: CauseId | null;
  /** HTTP status of the (first) answer; 0 when no HTTP answer comes (reset, hang). */
  http: number;
  description: string;
  /** What the key does, as a scenario spec (`quota_exhausted*2,ok` for sequences). */
  scenario: string;
  shape: 'standard' | 'auth';
  evidence: Provenance;
}

export const STANDARD_MAGIC_PREFIX = 'AIzaSyEMU-';
export const AUTH_MAGIC_PREFIX = 'AQ.EMU-';
/** Matches a magic key anywhere in text (for scanners' allow-lists). */
export const MAGIC_KEY_PATTERN = new RegExp(
  `(?:AIzaSyEMU-[A-Za-z0-9_-]{${STANDARD_KEY_LENGTH - STANDARD_MAGIC_PREFIX.length}}|AQ\\.EMU-[A-Za-z0-9_-]{${AUTH_KEY_TYPICAL_LENGTH - AUTH_MAGIC_PREFIX.length}})(?![A-Za-z0-9_-])`,
  'g',
);

export function isMagicKey(value: string): boolean {
  return MAGIC_KEYS_BY_VALUE.has(value);
}

function filler(slug: string): string {
  return createHash('sha256').update(`gemini-key-doctor emulator ${slug}`).digest('base64url');
}

function buildKey(shape: 'standard' | 'auth', slug: string): string {
  const head = `${shape === 'standard' ? STANDARD_MAGIC_PREFIX : AUTH_MAGIC_PREFIX}${slug}-`;
  const length = shape === 'standard' ? STANDARD_KEY_LENGTH : AUTH_KEY_TYPICAL_LENGTH;
  if (!/^[a-z0-9-]+$/.test(slug) || head.length > length - 2) {
    throw new Error(`magic key slug "${slug}" is too long or not [a-z0-9-]`);
  }
  return (head + filler(slug) + filler(`${slug}+`)).slice(0, length);
}

interface MagicKeySpec {
  shape: 'standard' | 'auth';
  slug: string;
  scenario: string;
  /** Overrides the scenario's own description (sequences). */
  description?: string;
}

const SPECS: readonly MagicKeySpec[] = [
  {
    shape: 'standard',
    slug: 'ok',
    scenario: 'ok',
    description: 'works (a standard key restricted to the Gemini API)',
  },
  { shape: 'auth', slug: 'ok', scenario: 'ok', description: 'works (an auth key)' },
  { shape: 'standard', slug: 'key-invalid', scenario: 'key_invalid' },
  { shape: 'standard', slug: 'key-expired', scenario: 'key_expired' },
  { shape: 'standard', slug: 'key-leaked', scenario: 'key_leaked' },
  { shape: 'standard', slug: 'standard-key-rejected', scenario: 'standard_key_rejected' },
  { shape: 'standard', slug: 'unrestricted', scenario: 'standard_key_unrestricted' },
  { shape: 'auth', slug: 'auth-key-rejected', scenario: 'auth_key_rejected' },
  { shape: 'auth', slug: 'unsupported-endpoint', scenario: 'auth_key_unsupported_endpoint' },
  { shape: 'auth', slug: 'service-account', scenario: 'auth_key_service_account' },
  { shape: 'auth', slug: 'multiple-credentials', scenario: 'multiple_credentials' },
  { shape: 'standard', slug: 'sent-as-bearer', scenario: 'key_sent_as_bearer' },
  { shape: 'standard', slug: 'service-disabled', scenario: 'service_disabled' },
  { shape: 'standard', slug: 'api-blocked', scenario: 'api_blocked_by_key_restriction' },
  { shape: 'standard', slug: 'referrer-blocked', scenario: 'referrer_blocked' },
  { shape: 'standard', slug: 'ip-blocked', scenario: 'ip_blocked' },
  { shape: 'standard', slug: 'app-blocked', scenario: 'app_blocked' },
  { shape: 'standard', slug: 'consumer-suspended', scenario: 'consumer_suspended' },
  { shape: 'standard', slug: 'consumer-invalid', scenario: 'consumer_invalid' },
  { shape: 'standard', slug: 'billing', scenario: 'billing' },
  { shape: 'standard', slug: 'location-unsupported', scenario: 'location_unsupported' },
  { shape: 'standard', slug: 'free-tier-region', scenario: 'free_tier_unavailable_region' },
  { shape: 'standard', slug: 'quota-exhausted', scenario: 'quota_exhausted' },
  { shape: 'standard', slug: 'free-tier-limit-zero', scenario: 'free_tier_limit_zero' },
  { shape: 'standard', slug: 'vertex-oauth', scenario: 'vertex_requires_oauth' },
  { shape: 'standard', slug: 'model-not-found', scenario: 'model_not_found' },
  { shape: 'standard', slug: 'permission-denied', scenario: 'permission_denied_other' },
  { shape: 'standard', slug: 'bad-request', scenario: 'bad_request' },
  { shape: 'standard', slug: 'server-error', scenario: 'server_error' },
  { shape: 'standard', slug: 'overloaded', scenario: 'server_overloaded' },
  { shape: 'standard', slug: 'key-dropped', scenario: 'key_missing' },
  { shape: 'standard', slug: 'proxy-html-502', scenario: 'proxy_html_502' },
  { shape: 'standard', slug: 'conn-reset', scenario: 'connection_reset' },
  { shape: 'standard', slug: 'hang', scenario: 'hang' },
  { shape: 'standard', slug: 'truncated-body', scenario: 'truncated_body' },
  { shape: 'standard', slug: 'huge-body', scenario: 'huge_body' },
  {
    shape: 'standard',
    slug: 'retry-429x2-then-ok',
    scenario: 'quota_exhausted*2,ok',
    description: '429 quota_exhausted twice, then works (per emulator; POST /_emulator/reset restarts it)',
  },
  {
    shape: 'auth',
    slug: 'retry-503-then-ok',
    scenario: 'server_overloaded,ok',
    description: '503 overloaded once, then works (per emulator; POST /_emulator/reset restarts it)',
  },
];

function toMagicKey(spec: MagicKeySpec): MagicKey {
  const parsed = parseScenarioSpec(spec.scenario);
  if (!parsed.ok) throw new Error(`magic key ${spec.slug}: ${parsed.error}`);
  const first = SCENARIOS[parsed.steps[0]!];
  return {
    key: buildKey(spec.shape, spec.slug),
    cause: first.cause,
    http: first.http,
    description: spec.description ?? first.description,
    scenario: spec.scenario,
    shape: spec.shape,
    evidence: first.evidence,
  };
}

export const MAGIC_KEYS: readonly MagicKey[] = Object.freeze(SPECS.map(toMagicKey));

const MAGIC_KEYS_BY_VALUE: ReadonlyMap<string, MagicKey> = new Map(MAGIC_KEYS.map((k) => [k.key, k]));
const SEQUENCES: ReadonlyMap<string, ScenarioSequence> = new Map(
  MAGIC_KEYS.map((k) => {
    const parsed = parseScenarioSpec(k.scenario);
    return [k.key, parsed.ok ? parsed.steps : []];
  }),
);

export function findMagicKey(value: string): MagicKey | undefined {
  return MAGIC_KEYS_BY_VALUE.get(value);
}

/** The scenario steps a magic key selects. */
export function magicKeySequence(value: string): ScenarioSequence | undefined {
  return SEQUENCES.get(value);
}

/** The first working magic key of a shape: handy in tests and demos. */
export function workingMagicKey(shape: 'standard' | 'auth' = 'auth'): string {
  return MAGIC_KEYS.find((k) => k.cause === null && k.shape === shape)!.key;
}

/** The magic key whose first answer is this scenario (and not a sequence). */
export function magicKeyFor(scenario: ScenarioId): string | undefined {
  return MAGIC_KEYS.find((k) => k.scenario === scenario)?.key;
}

/** `emulate --list --json`: the public listing shape `{ key, cause, http, description }`. */
export function magicKeyListing(): {
  key: string;
  cause: CauseId | null;
  http: number;
  description: string;
}[] {
  return MAGIC_KEYS.map(({ key, cause, http, description }) => ({ key, cause, http, description }));
}

export type { ScenarioId };
