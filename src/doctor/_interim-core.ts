import type { Finding } from '../core/finding.js';
import type { KeyCandidate } from '../core/project-snapshot.js';

/** Stand-ins for the core's lint (src/core/lint) until it lands: no findings. */
export function interimLintKey(_candidate: KeyCandidate): Finding[] {
  return [];
}

export function interimLintEnvironment(): Finding[] {
  return [];
}
