import type { IncomingMessage } from 'node:http';
import { fingerprintOf, keyKindOf } from '../core/key-material.js';
import { countCredentials, isWellFormedKey, type SentCredentials } from './credentials.js';
import {
  accessTokenTypeUnsupported,
  apiKeyInvalid,
  type FailureAnswer,
  missingAuthorizationHeader,
  multipleCredentials,
  type RequestEcho,
  unregisteredCaller,
  vertexApiKeysNotSupported,
  vertexBlockedForAuthKey,
  vertexCredentialsMissing,
  vertexUnauthenticated,
} from './error-answers.js';
import { findMagicKey, magicKeySequence } from './magic-keys.js';
import type { Route } from './routes.js';
import { parseScenarioSpec, type ScenarioSequence, SequenceCursor } from './scenario-sequence.js';
import type { ScenarioId } from './scenarios.js';

/**
 * Authentication, as Google does it before any key is looked up (where the credential travels, how
 * many there are, whether the key is well-formed), then which scenario the key selects: the scenario
 * header, the user's own keys, a magic key, else API_KEY_INVALID like any unknown key.
 */
export const SCENARIO_HEADER = 'x-emulator-scenario';

/** The key a route reads: Bearer on the OpenAI-compatible layer, `x-goog-api-key` or `?key=` elsewhere. */
export function keyOf(route: Route, sent: SentCredentials): string | undefined {
  return route.api === 'openai' ? sent.bearer : (sent.header ?? sent.query);
}

/** Google's own checks on where the credential travels; undefined when the key may be looked up. */
export function transportCheck(
  route: Route,
  sent: SentCredentials,
  echo: RequestEcho,
): FailureAnswer | undefined {
  const count = countCredentials(sent);
  if (route.api === 'vertex') {
    if (count === 0) return vertexUnauthenticated();
    const key = sent.header ?? sent.query;
    if (!key) return accessTokenTypeUnsupported(echo);
    if (!route.express) return vertexApiKeysNotSupported();
    return keyKindOf(key) === 'auth' ? vertexBlockedForAuthKey(echo) : vertexCredentialsMissing();
  }
  if (count > 1) return multipleCredentials();
  if (route.api === 'openai') {
    // reference/auth-keys-2026.md §2: this layer wants Authorization: Bearer only.
    if (!sent.bearer) return missingAuthorizationHeader();
    return isWellFormedKey(sent.bearer) ? undefined : apiKeyInvalid();
  }
  if (count === 0) return unregisteredCaller();
  // An API key (or anything that is not an OAuth token we could check) as Bearer on a native route.
  if (sent.bearer) return accessTokenTypeUnsupported(echo);
  const key = (sent.header ?? sent.query)!;
  return isWellFormedKey(key) ? undefined : apiKeyInvalid();
}

/** Which scenario each key (or scenario header) selects, with sequences advancing per key. */
export class KeyScenarios {
  private readonly cursor = new SequenceCursor();
  private readonly byKey = new Map<string, ScenarioSequence>();
  private readonly byFingerprint = new Map<string, ScenarioSequence>();

  /** Your own keys (or `fp:<8 hex>` fingerprints) → scenario spec; throws on a bad spec. */
  constructor(keys: Readonly<Record<string, string>>) {
    for (const [name, spec] of Object.entries(keys)) {
      const parsed = parseScenarioSpec(spec);
      if (!parsed.ok) throw new Error(`emulator keys: ${parsed.error}`);
      const fp = /^fp:([0-9a-f]{8})$/i.exec(name);
      if (fp) this.byFingerprint.set(fp[1]!.toLowerCase(), parsed.steps);
      else this.byKey.set(name, parsed.steps);
    }
  }

  choose(req: IncomingMessage, key: string): ScenarioId {
    const spec = scenarioHeader(req);
    if (spec) {
      const parsed = parseScenarioSpec(spec);
      if (parsed.ok) return this.cursor.next(`header:${spec}:${fingerprintOf(key)}`, parsed.steps);
    }
    const mine = this.byKey.get(key) ?? this.byFingerprint.get(fingerprintOf(key));
    if (mine) return this.cursor.next(`key:${fingerprintOf(key)}`, mine);
    const magic = magicKeySequence(key);
    if (magic && findMagicKey(key)) return this.cursor.next(`key:${fingerprintOf(key)}`, magic);
    return 'key_invalid';
  }

  /** Restarts every sequence. */
  reset(): void {
    this.cursor.reset();
  }
}

function scenarioHeader(req: IncomingMessage): string | undefined {
  const header = req.headers[SCENARIO_HEADER];
  return Array.isArray(header) ? header[0] : header;
}

/** A mistyped scenario header must not silently fall back to the key's own behaviour. */
export function scenarioHeaderError(req: IncomingMessage): string | undefined {
  const spec = scenarioHeader(req);
  if (spec === undefined) return undefined;
  const parsed = parseScenarioSpec(spec);
  return parsed.ok ? undefined : `Invalid ${SCENARIO_HEADER} header: ${parsed.error.slice(0, 200)}.`;
}
