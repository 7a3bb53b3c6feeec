import type { CauseId } from '../catalog/cause-id.js';
import type { Evidence, Severity } from '../catalog/types.js';
import { interimDescribe } from './_interim-describe.js';

export interface CauseText {
  title: string;
  detail: string;
  fix: string[];
  severity: Severity;
}

/** The catalog's words for a cause, filled with the evidence. Total: never throws. */
export function describeCause(id: CauseId, evidence: Evidence): CauseText {
  try {
    return interimDescribe(id, evidence);
  } catch {
    return { title: id, detail: '', fix: [], severity: 'fail' };
  }
}
