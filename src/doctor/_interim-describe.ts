import type { CauseId } from '../catalog/cause-id.js';
import type { Evidence, Severity } from '../catalog/types.js';

/** Stand-in for the catalog's renderCause until it lands: a readable title, no fix steps. */
export function interimDescribe(
  id: CauseId,
  _evidence: Evidence,
): { title: string; detail: string; fix: string[]; severity: Severity } {
  const title = id.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const severity: Severity = id === 'key_standard_retired' || id === 'base_url_override' ? 'warn' : 'fail';
  return { title, detail: '', fix: [], severity };
}
