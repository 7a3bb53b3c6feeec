import type { Evidence } from '../catalog/types.js';

/** The evidence fields a reader cares about, labelled, in reading order (as `explain` prints them). */
const EVIDENCE_LABELS: ReadonlyArray<[keyof Evidence, string]> = [
  ['httpStatus', 'HTTP status'],
  ['rpcStatus', 'status'],
  ['reason', 'reason'],
  ['message', 'message'],
  ['service', 'service'],
  ['project', 'project'],
  ['model', 'model'],
  ['quotaId', 'quota'],
  ['quotaMetric', 'quota metric'],
  ['quotaValue', 'quota limit'],
  ['retryDelay', 'retry after'],
  ['activationUrl', 'enable at'],
  ['keyKind', 'key kind'],
  ['maskedKey', 'key'],
  ['endpoint', 'endpoint'],
];

/** `[label, value]` pairs for the evidence that has a printable value. */
export function evidenceEntries(evidence: Evidence): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [key, label] of EVIDENCE_LABELS) {
    const value = evidence[key];
    if (typeof value === 'string' || typeof value === 'number')
      out.push([label, key === 'message' ? `"${value}"` : String(value)]);
  }
  return out;
}
