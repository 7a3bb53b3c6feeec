import type { Finding } from '../core/finding.js';
import type { KeyCandidate } from '../core/project-snapshot.js';
import { EXPECTED_VARIABLE } from '../core/resolution/key-variables.js';
import type { DoctorState } from './checks/check.js';
import { clientCode } from './client-code.js';
import { causeFacts, clientCodeStepOf, stepsLeftOut } from './describe-cause.js';
import { IDE_NOTE, persistVariableStep, variableOfSource } from './platform-fixes.js';
import { fileOfSource } from './reproduce.js';

/** Causes where the variable itself is the problem: persisting it again would recreate it. */
const VARIABLE_IS_THE_PROBLEM = new Set(['env_conflict', 'env_shadowed']);

/**
 * Fix steps for the diagnosis as a whole, not appended per finding: a symptom folded under its root
 * cause has no steps of its own; a root cause keeps the catalog's steps that fit a doctor run, shows
 * the detected client's code, says where a new key value goes (in the file the key lives in, or in
 * the shell for the variable the project's client reads, never the variable that is the problem),
 * and ends with the command that reproduces it by hand.
 */
export function assembleFixes(findings: readonly Finding[], state: DoctorState): Finding[] {
  return findings.map((f) => {
    if (f.status === 'pass' || f.status === 'skip') return f;
    if (f.explainedBy !== undefined) return { ...f, fix: [] };
    if (f.cause === null) return f;
    const leftOut = stepsLeftOut(f.cause, f.evidence);
    const codeStep = clientCodeStepOf(f.cause, f.evidence);
    const code =
      typeof f.evidence.client === 'string' ? clientCode(f.evidence.client, variableIn(f)) : undefined;
    const fix = f.fix
      .filter((step) => !leftOut.has(step))
      .map((step) => (step === codeStep && code ? `Or pass the key explicitly in code: \`${code}\`.` : step));
    // A root without a probe of its own reproduces the failing probe folded under it.
    const reproduce = [f, ...(f.explains ?? []).map((i) => findings[i]!)]
      .map((x) => x.evidence['reproduce'])
      .filter((x): x is string => typeof x === 'string')
      .slice(0, 1);
    return { ...f, fix: [...fix, ...whereTheNewValueGoes(f, state), ...reproduce] };
  });
}

function whereTheNewValueGoes(f: Finding, state: DoctorState): string[] {
  const facts = causeFacts(f.cause);
  if (!facts?.fixIsNewKeyValue || VARIABLE_IS_THE_PROBLEM.has(f.cause ?? '')) return [];
  const candidate = state.candidates.find((c) => f.keys?.includes(c.key.fingerprint));
  const file = fileOfSource(candidate?.sources.find((s) => s.startsWith('file:')));
  const variable = variableToSet(f, candidate, state);
  if (file !== undefined) {
    // A rename (env_wrong_name) already says what to change in the file.
    return facts.category === 'environment'
      ? []
      : [`Put the new key in ${file} as ${variable}=…; it stays there, nothing to export.`];
  }
  const persist = persistVariableStep(state.shell, variable);
  return f.cause === 'key_missing' ? [persist, IDE_NOTE] : [persist];
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

/** The variable that holds the key now (what code reading it should name). */
function variableIn(f: Finding): string {
  return typeof f.evidence.variable === 'string' ? variableOfSource(f.evidence.variable) : 'GEMINI_API_KEY';
}
