import type { CheckStatus, Finding } from '../core/finding.js';
import { causeFacts } from './describe-cause.js';
import { isEnvLoader } from './env-loaders.js';
import type { ReportKey } from './report.js';

const WORSE: Record<CheckStatus, number> = { fail: 3, warn: 2, skip: 1, pass: 0 };

/**
 * Links each symptom to the root cause that explains it, from the catalog's `symptoms` of each
 * cause: a `.env` that is not loaded explains "no key was sent"; a stale key that wins a conflict
 * explains that key's rejection (when another key of the conflict works). A root takes the status
 * of its worst symptom, so the cause fails where the symptom fails. Returns new findings whose
 * `explainedBy` is an index into the same array.
 */
export function linkRootCauses(
  findings: readonly Finding[],
  probed: ReadonlyMap<string, NonNullable<ReportKey['live']>>,
): Finding[] {
  const linked = findings.map((f) => ({ ...f }));
  for (const [index, symptom] of linked.entries()) {
    if (symptom.status === 'pass' || symptom.status === 'skip' || symptom.cause === null) continue;
    const root = linked.findIndex((r, i) => i !== index && explains(r, symptom, probed));
    if (root < 0) continue;
    symptom.explainedBy = root;
    const cause = linked[root]!;
    if (WORSE[symptom.status] > WORSE[cause.status]) cause.status = symptom.status;
  }
  return linked;
}

function explains(
  root: Finding,
  symptom: Finding,
  probed: ReadonlyMap<string, NonNullable<ReportKey['live']>>,
): boolean {
  if (root.status === 'pass' || root.status === 'skip' || root.explainedBy !== undefined) return false;
  const facts = causeFacts(root.cause);
  if (!facts?.symptoms?.includes(symptom.cause!)) return false;
  if (root.keys && symptom.keys) {
    if (!symptom.keys.some((k) => root.keys!.includes(k))) return false;
    if (root.keys.length === 1) return true;
    // A rejected key is a symptom of a conflict only when another key of the conflict works.
    return root.keys.some((k) => !symptom.keys!.includes(k) && probed.get(k) === 'live');
  }
  // A loader (dotenv, node --env-file) that misses a file starves every client reading its variables.
  if (root.clients?.every(isEnvLoader)) return true;
  if (root.clients && symptom.clients) return symptom.clients.some((c) => root.clients!.includes(c));
  return true;
}
