import type { Evidence } from '../../catalog/types.js';
import type { Finding } from '../finding.js';
import { AUTH_KEY_TYPICAL_LENGTH, keyKindOf, STANDARD_KEY_LENGTH } from '../key-material.js';
import type { KeyCandidate } from '../project-snapshot.js';
import { causeFinding, plainFinding } from './cause-finding.js';
import { characterName, codePointLabel, isAsciiWhitespace } from './character-names.js';
import { sourceEvidence } from './key-source.js';
import { otherCredentialKind } from './other-credentials.js';
import { isPlaceholder } from './placeholders.js';

const KEY_TAIL = /^[A-Za-z0-9_-]+$/;
/** Shorter than this, an `AQ.` value is cut short (samples are 53; reference auth-keys-2026.md §5 lenient rule). */
const AUTH_KEY_MIN_LENGTH = 43;
const STRAIGHT_QUOTES = new Set([0x22, 0x27, 0x60]);
const SMART_QUOTES = new Set([0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0xab, 0xbb]);

/** A flagged character: where (1-based position, 0-based index as in Node's ByteString error), and which. */
export interface CharacterSighting {
  position: number;
  index: number;
  codePoint: string;
  name: string;
}

/**
 * Offline checks on one key value: what it is (placeholder, another credential), what stuck to it
 * (quotes, whitespace, invisible characters, with positions), and whether what remains has the
 * shape of a 2026 key. Never puts key characters in a finding: only kinds, lengths, positions.
 */
export function lintKey(candidate: KeyCandidate): Finding[] {
  try {
    const findings = lintKeyValue(candidate);
    // A key no modelled client sends (a stray name, .env.production) cannot break anything now.
    if (candidate.usedBy.length > 0) return findings;
    return findings.map((f) => (f.status === 'fail' ? { ...f, status: 'warn' } : f));
  } catch (error) {
    const name = error instanceof Error ? error.name : 'error';
    return [
      causeFinding(
        'key.format',
        'unknown',
        { message: `internal error in the key checks (${name})` },
        { status: 'warn', keys: [candidate.key.fingerprint] },
      ),
    ];
  }
}

function lintKeyValue(candidate: KeyCandidate): Finding[] {
  const value = candidate.key.reveal();
  const base: Evidence = {
    maskedKey: candidate.key.masked,
    keyKind: candidate.key.kind,
    ...sourceEvidence(candidate.sources),
  };
  const keys = [candidate.key.fingerprint];
  const clients = candidate.usedBy;
  const finding: KeyFinding = (cause, evidence, detail, status) =>
    causeFinding(
      'key.format',
      cause,
      { ...base, ...evidence },
      {
        keys,
        clients,
        ...(detail === undefined ? {} : { detail }),
        ...(status === undefined ? {} : { status }),
      },
    );

  const notAKey = notAKeyFinding(value, finding);
  if (notAKey !== null) return [notAKey];
  const findings = characterFindings(value, finding);
  const core = coreOf(value);
  const shape = shapeProblem(core);
  if (shape !== null)
    findings.push(
      causeFinding(
        'key.format',
        'key_malformed',
        { ...base, length: core.length, reason: shape.reason },
        { keys, clients, detail: shape.detail, ...(shape.status ? { status: shape.status } : {}) },
      ),
    );

  // The clean twin of a padded value (sent by the trimming clients) carries this warning; don't repeat it.
  if (keyKindOf(core) === 'standard' && core === value) findings.push(finding('key_standard_retired', {}));
  if (findings.length === 0) {
    const kind = keyKindOf(core) === 'auth' ? 'an auth key (AQ.…)' : 'a key';
    findings.push(
      plainFinding(
        'key.format',
        'pass',
        `${candidate.key.masked} has the shape of ${kind}, ${core.length} characters`,
        'No quotes, blanks or invisible characters; the characters and length match a Gemini API key.',
        base,
        { keys, clients },
      ),
    );
  }
  return findings;
}

/** A key.format finding about this value, with its evidence merged over the value's own. */
type KeyFinding = (
  cause: Parameters<typeof causeFinding>[1],
  evidence: Evidence,
  detail?: string,
  status?: 'warn' | 'fail',
) => Finding;

/** A value that is not a key at all: empty, a placeholder, another credential, a masked copy. */
function notAKeyFinding(value: string, finding: KeyFinding): Finding | null {
  if (value.trim() === '') return finding('key_missing', {}, 'The value is empty or only blanks.');
  const bare = stripQuotes(value.trim());
  if (isPlaceholder(bare)) return finding('key_placeholder', { length: value.length });
  const credential = otherCredentialKind(bare);
  if (credential !== null) return finding('key_wrong_credential', { credentialKind: credential });
  if (bare.includes('...') || bare.includes('\u2026'))
    return finding(
      'key_malformed',
      { length: value.length, reason: 'masked_copy' },
      'It contains "..." or "…": this looks like the shortened form a console or a log shows, not the full key.',
    );
  return null;
}

/** Quotes, blanks and invisible characters in the value, each reported by code point and position. */
function characterFindings(value: string, finding: KeyFinding): Finding[] {
  const findings: Finding[] = [];
  const quotes = quoteSightings(value);
  if (quotes.total > 0)
    findings.push(finding('key_quoted', sightingsEvidence(quotes), describeSightings(quotes)));
  const blanks = whitespaceSightings(value);
  if (blanks.total > 0) {
    // Inner blanks break every client. Blanks at the ends do not break the Node clients: even
    // those that pass the value on untrimmed (@ai-sdk/google) send it through fetch, which
    // trims header values (test/doctor/whitespace-real-client.test.ts), so the catalog's warning.
    const status = hasInnerBlank(value) ? 'fail' : 'warn';
    findings.push(finding('key_whitespace', sightingsEvidence(blanks), describeSightings(blanks), status));
  }
  const invisible = invisibleSightings(value);
  if (invisible.total > 0)
    findings.push(finding('key_invisible_chars', sightingsEvidence(invisible), describeSightings(invisible)));
  return findings;
}

/** The value with what lint reports separately removed: quotes, blanks, invisible characters. */
function coreOf(value: string): string {
  let out = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (STRAIGHT_QUOTES.has(cp) || SMART_QUOTES.has(cp) || isAsciiWhitespace(cp)) continue;
    if (cp > 0x7e || cp < 0x20) continue;
    out += ch;
  }
  return out;
}

function stripQuotes(value: string): string {
  return value.replace(/^["'`\u2018\u2019\u201c\u201d]+|["'`\u2018\u2019\u201c\u201d]+$/g, '');
}

/**
 * Flagged characters are listed up to this many, then counted: a value of a million odd
 * characters gave a million evidence entries (116 MB of JSON) before this cap.
 */
export const MAX_SIGHTINGS_LISTED = 20;

/** The first MAX_SIGHTINGS_LISTED flagged characters, and how many there are in all. */
interface Sightings {
  listed: CharacterSighting[];
  total: number;
}

function sightingsWhere(value: string, test: (codePoint: number) => boolean): Sightings {
  const listed: CharacterSighting[] = [];
  let total = 0;
  for (let i = 0; i < value.length; i++) {
    const cp = value.codePointAt(i) ?? 0;
    if (test(cp)) {
      total++;
      if (listed.length < MAX_SIGHTINGS_LISTED)
        listed.push({ position: i + 1, index: i, codePoint: codePointLabel(cp), name: characterName(cp) });
    }
    if (cp > 0xffff) i++;
  }
  return { listed, total };
}

function sightingsEvidence(sightings: Sightings): Evidence {
  const more = sightings.total - sightings.listed.length;
  return { characters: sightings.listed, ...(more > 0 ? { moreCharacters: more } : {}) };
}

/** A blank with key text on both sides (not just around the value). */
function hasInnerBlank(value: string): boolean {
  const first = [...value].findIndex((ch) => !isAsciiWhitespace(ch.codePointAt(0) ?? 0));
  if (first === -1) return false;
  let last = value.length - 1;
  while (last > first && isAsciiWhitespace(value.charCodeAt(last))) last--;
  for (let i = first; i < last; i++) if (isAsciiWhitespace(value.charCodeAt(i))) return true;
  return false;
}

function quoteSightings(value: string): Sightings {
  return sightingsWhere(value, (cp) => STRAIGHT_QUOTES.has(cp) || SMART_QUOTES.has(cp));
}

function whitespaceSightings(value: string): Sightings {
  return sightingsWhere(value, isAsciiWhitespace);
}

function invisibleSightings(value: string): Sightings {
  return sightingsWhere(
    value,
    (cp) => !SMART_QUOTES.has(cp) && !isAsciiWhitespace(cp) && (cp < 0x20 || cp > 0x7e),
  );
}

/** "U+200B ZERO WIDTH SPACE at position 12 (of 54)": names and positions only, never key characters. */
function describeSightings(sightings: Sightings): string {
  const shown = sightings.listed.slice(0, 6).map((s) => `${s.codePoint} ${s.name} at position ${s.position}`);
  const more = sightings.total > 6 ? `, and ${sightings.total - 6} more` : '';
  return `Found: ${shown.join('; ')}${more}.`;
}

interface ShapeProblem {
  reason: string;
  detail: string;
  status?: 'warn';
}

/** Checks what is left once quotes, blanks and invisible characters are set aside. */
function shapeProblem(core: string): ShapeProblem | null {
  const kind = keyKindOf(core);
  if (kind === 'standard') {
    const tail = core.slice(4);
    if (tail.includes('AIza'))
      return {
        reason: 'doubled',
        detail: `It contains "AIza" twice (${core.length} characters): the key was pasted twice.`,
      };
    if (!KEY_TAIL.test(tail))
      return {
        reason: 'characters',
        detail: 'It contains characters a key never has (only letters, digits, "-" and "_" follow "AIza").',
      };
    if (core.length < STANDARD_KEY_LENGTH)
      return {
        reason: 'truncated',
        detail: `It has ${core.length} characters; standard keys have exactly ${STANDARD_KEY_LENGTH}: it was cut short.`,
      };
    if (core.length > STANDARD_KEY_LENGTH)
      return {
        reason: 'too_long',
        detail: `It has ${core.length} characters; standard keys have exactly ${STANDARD_KEY_LENGTH}: something was appended.`,
      };
    return null;
  }
  if (kind === 'auth') {
    const tail = core.slice(3);
    if (tail.includes('AQ.'))
      return {
        reason: 'doubled',
        detail: `It contains "AQ." twice (${core.length} characters): the key was pasted twice.`,
      };
    if (!KEY_TAIL.test(tail))
      return {
        reason: 'characters',
        detail: 'It contains characters a key never has (only letters, digits, "-" and "_" follow "AQ.").',
      };
    if (core.length < AUTH_KEY_MIN_LENGTH)
      return {
        reason: 'truncated',
        detail: `It has ${core.length} characters; auth keys have about ${AUTH_KEY_TYPICAL_LENGTH}: it was probably cut short.`,
      };
    if (core.length !== AUTH_KEY_TYPICAL_LENGTH) {
      return {
        reason: 'unusual_length',
        status: 'warn',
        detail: `It has ${core.length} characters; every auth key seen so far has ${AUTH_KEY_TYPICAL_LENGTH}. That is a heuristic, not a rule: check the copy if the key is rejected.`,
      };
    }
    return null;
  }
  if (kind === 'ephemeral') return null;
  if (/^(alza|aiza|a1za)/i.test(core) && !core.startsWith('AIza')) {
    return {
      reason: 'prefix',
      detail:
        'It starts like "AIza" with a letter changed (a lower-case L for the capital I, or a changed case): copy the key again instead of typing it.',
    };
  }
  if (/^(AQ[^.]|aq\.)/.test(core) && KEY_TAIL.test(core.slice(3))) {
    return {
      reason: 'prefix',
      detail:
        'It starts like an auth key but the "AQ." prefix is damaged (the dot is missing or the case changed).',
    };
  }
  if (core.startsWith('IQ.'))
    return {
      reason: 'prefix',
      detail:
        'It starts with "IQ.": this prefix has been reported but never shown to work with the Gemini API.',
    };
  return {
    reason: 'unknown_shape',
    detail: `It starts with neither "AQ." nor "AIza" (${core.length} characters).`,
  };
}
