import type { CauseId } from '../catalog/cause-id.js';
import { renderCause } from '../catalog/render-cause.js';
import type { Evidence, Severity } from '../catalog/types.js';

export interface CauseText {
  title: string;
  detail: string;
  fix: string[];
  severity: Severity;
  links: { title: string; url: string }[];
}

/** The catalog's words for a cause, filled with the evidence. Total: never throws. */
export function describeCause(id: CauseId, evidence: Evidence): CauseText {
  try {
    const text = renderCause(id, evidence);
    // Inside the doctor, "run the doctor" is no advice.
    return {
      ...text,
      fix: text.fix.filter((step) => !/^Run `gemini-key-doctor` in your project/.test(step)),
    };
  } catch {
    return { title: id, detail: '', fix: [], severity: 'fail', links: [] };
  }
}
