import type { Finding } from '../../core/finding.js';
import type { KeyCandidate } from '../../core/project-snapshot.js';
import type { DoctorCheck } from './check.js';

/** Each key's material, offline: placeholder, whitespace, quotes, wrong credential kind… */
export const keyLintCheck: DoctorCheck = {
  id: 'key.lint',
  dependsOn: ['key.candidates'],
  run(state): Finding[] {
    return state.candidates.flatMap((candidate) => {
      const lint = state.core.lintKey(candidate);
      return lint.length > 0 ? lint : [wellFormedFinding(candidate)];
    });
  },
};

function wellFormedFinding(candidate: KeyCandidate): Finding {
  const kind =
    candidate.key.kind === 'auth'
      ? 'an auth key'
      : candidate.key.kind === 'standard'
        ? 'a standard key'
        : 'a key';
  return {
    check: 'key.lint',
    status: 'pass',
    cause: null,
    title: `${candidate.key.masked} (${candidate.sources[0]}) is well-formed: ${kind}`,
    detail: `${candidate.key.length} characters, fingerprint ${candidate.key.fingerprint}; used by ${candidate.usedBy.join(', ') || 'no modelled client'}.`,
    fix: [],
    evidence: { maskedKey: candidate.key.masked, keyKind: candidate.key.kind },
    keys: [candidate.key.fingerprint],
  };
}
