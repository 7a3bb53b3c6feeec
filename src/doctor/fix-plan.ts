import type { Finding } from '../core/finding.js';
import type { KeyCandidate } from '../core/project-snapshot.js';
import { EXPECTED_VARIABLE } from '../core/resolution/key-variables.js';
import type { DoctorState } from './checks/check.js';
import { stepsLeftOut } from './describe-cause.js';
import { IDE_NOTE, needsKeyValue, persistVariableStep, variableOfSource } from './platform-fixes.js';

/** Causes where the variable itself is the problem: persisting it again would recreate it. */
const VARIABLE_IS_THE_PROBLEM = new Set(['env_conflict', 'env_shadowed']);

/**
 * Fix steps for the diagnosis as a whole, not appended per finding: a symptom folded under its root
 * cause has no steps of its own; a root cause whose fix is a new key value says where that value
 * goes — in the file the key lives in, or in the shell for the variable the project's client
 * reads — and never to persist the variable that is the problem.
 */
export function assembleFixes(findings: readonly Finding[], state: DoctorState): Finding[] {
  return findings.map((f) => {
    if (f.status === 'pass' || f.status === 'skip') return f;
    if (f.explainedBy !== undefined) return { ...f, fix: [] };
    if (f.cause === null) return f;
    const leftOut = stepsLeftOut(f.cause, f.evidence);
    const fix = f.fix.filter((step) => !leftOut.has(step));
    if (!needsKeyValue(f.cause) || VARIABLE_IS_THE_PROBLEM.has(f.cause)) return { ...f, fix };
    return { ...f, fix: [...fix, ...whereTheNewValueGoes(f, state)] };
  });
}

function whereTheNewValueGoes(f: Finding, state: DoctorState): string[] {
  const candidate = state.candidates.find((c) => f.keys?.includes(c.key.fingerprint));
  const file = fileOf(candidate);
  const variable = variableToSet(f, candidate, state);
  if (file !== undefined)
    return [`Put the new value in ${file} as ${variable}=… (it stays there; nothing to export).`];
  return [persistVariableStep(state.shell, variable), IDE_NOTE];
}

/** The variable the project's client reads: the expected name for a wrong one, else where the key was. */
function variableToSet(f: Finding, candidate: KeyCandidate | undefined, state: DoctorState): string {
  if (typeof f.evidence.expectedVariable === 'string') return f.evidence.expectedVariable;
  const used = state.resolutions.filter((r) => r.usedInProject);
  if (f.cause === 'key_missing' && used.length > 0) {
    const client = used.find((r) => typeof f.evidence.client !== 'string' || r.client === f.evidence.client);
    if (client) return EXPECTED_VARIABLE[client.client];
  }
  if (typeof f.evidence.variable === 'string') return variableOfSource(f.evidence.variable);
  return variableOfSource(candidate?.sources[0]);
}

/** `file:/p/.env:GEMINI_API_KEY` → `/p/.env`; undefined for a key from the shell. */
function fileOf(candidate: KeyCandidate | undefined): string | undefined {
  const source = candidate?.sources.find((s) => s.startsWith('file:'));
  if (source === undefined) return undefined;
  const rest = source.slice('file:'.length);
  const colon = rest.lastIndexOf(':');
  return colon > 0 ? rest.slice(0, colon) : rest;
}
