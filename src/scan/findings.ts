import type { RawHit } from '../core/key-detect/detect.js';
import { SecretKey } from '../core/secret-key.js';
import { SCAN_RULES } from './rules.js';
import type { ScanFinding, ScanRuleId, ScanSource } from './types.js';

/** Where a hit was seen, beyond the file: history adds the commit. */
export interface HitPlace {
  file: string;
  source: ScanSource;
  commit?: string;
  commitDate?: string;
  /** `stash@{1}`: the stash entry that holds it. */
  stash?: string;
}

/**
 * Turns a detector hit into a finding, and remembers the key (by fingerprint) in `keys` for
 * --verify. The finding itself holds only the masked form and the fingerprint.
 */
export function keyFinding(hit: RawHit, place: HitPlace, keys: Map<string, SecretKey>): ScanFinding {
  const secret = new SecretKey(hit.key);
  if (!keys.has(secret.fingerprint)) keys.set(secret.fingerprint, secret);
  const { rule, kind, severity, title } = ruleFor(hit, place);
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
    ...(place.stash !== undefined ? { stash: place.stash } : {}),
    baselined: false,
    failing: severity !== 'note',
  };
}

/** Rule, kind and title of a key hit; the severity is the rule's (rules.ts), written nowhere else. */
function ruleFor(hit: RawHit, place: HitPlace): Pick<ScanFinding, 'rule' | 'kind' | 'severity' | 'title'> {
  const what =
    hit.keyKind === 'standard' ? 'Gemini API key (standard, AIza…)' : 'Gemini API key (auth, AQ.…)';
  const where = place.stash
    ? ` in ${place.stash}`
    : place.source === 'history'
      ? ' added in git history'
      : '';
  const pick = (rule: ScanRuleId, kind: ScanFinding['kind'], title: string) => ({
    rule,
    kind,
    severity: SCAN_RULES[rule].severity,
    title,
  });
  if (hit.testKey) return pick('test-key', 'test-key', `Documented test key${where}`);
  if (place.source === 'ignored') {
    return pick(
      'docker-context-key',
      'key',
      `${what} in a git-ignored file that a Docker build would copy into the image`,
    );
  }
  if (hit.context.firebase) {
    return pick(
      'firebase-config-key',
      'firebase-key',
      `Firebase config API key${where}: public by design, but it can call Gemini if unrestricted`,
    );
  }
  return pick(
    hit.keyKind === 'standard' ? 'gemini-standard-key' : 'gemini-auth-key',
    'key',
    `${what}${where}`,
  );
}
