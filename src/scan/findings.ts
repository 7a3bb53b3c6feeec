import type { RawHit } from '../core/key-detect/detect.js';
import { SecretKey } from '../core/secret-key.js';
import type { ScanFinding, ScanRuleId, ScanSource } from './types.js';

/** Where a hit was seen, beyond the file: history adds the commit. */
export interface HitPlace {
  file: string;
  source: ScanSource;
  commit?: string;
  commitDate?: string;
}

/**
 * Turns a detector hit into a finding, and remembers the key (by fingerprint) in `keys` for
 * --verify. The finding itself holds only the masked form and the fingerprint.
 */
export function keyFinding(hit: RawHit, place: HitPlace, keys: Map<string, SecretKey>): ScanFinding {
  const secret = new SecretKey(hit.key);
  if (!keys.has(secret.fingerprint)) keys.set(secret.fingerprint, secret);
  const { rule, kind, severity, title } = classify(hit, place.source);
  return {
    rule,
    kind,
    severity,
    title,
    file: place.file,
    line: hit.line,
    column: hit.column,
    keyKind: hit.keyKind,
    masked: secret.masked,
    fingerprint: secret.fingerprint,
    ...(hit.context.variable !== undefined ? { variable: hit.context.variable } : {}),
    source: place.source,
    ...(place.commit !== undefined ? { commit: place.commit } : {}),
    ...(place.commitDate !== undefined ? { commitDate: place.commitDate } : {}),
    baselined: false,
    failing: severity !== 'note',
  };
}

function classify(
  hit: RawHit,
  source: ScanSource,
): Pick<ScanFinding, 'rule' | 'kind' | 'severity' | 'title'> {
  const what =
    hit.keyKind === 'standard' ? 'Gemini API key (standard, AIza…)' : 'Gemini API key (auth, AQ.…)';
  const where = source === 'history' ? ' added in git history' : '';
  if (hit.testKey) {
    return { rule: 'test-key', kind: 'test-key', severity: 'note', title: `Documented test key${where}` };
  }
  if (source === 'ignored') {
    return {
      rule: 'docker-context-key',
      kind: 'key',
      severity: 'error',
      title: `${what} in a git-ignored file that a Docker build would copy into the image`,
    };
  }
  if (hit.context.firebase) {
    return {
      rule: 'firebase-config-key',
      kind: 'firebase-key',
      severity: 'warning',
      title: `Firebase config API key${where}: public by design, but it can call Gemini if unrestricted`,
    };
  }
  const rule: ScanRuleId = hit.keyKind === 'standard' ? 'gemini-standard-key' : 'gemini-auth-key';
  return { rule, kind: 'key', severity: 'error', title: `${what}${where}` };
}
