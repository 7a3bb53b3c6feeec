import { CATALOG } from '../catalog/catalog.js';
import type { CauseId } from '../catalog/cause-id.js';
import { renderCause } from '../catalog/render-cause.js';
import { fillTemplate } from '../catalog/template.js';
import type { CauseEntry, Evidence, Severity } from '../catalog/types.js';

export interface CauseText {
  title: string;
  detail: string;
  fix: string[];
  severity: Severity;
  links: { title: string; url: string }[];
}

export interface DescribeOptions {
  /** The live probes already told which key is stale: drop the steps that ask the user to find out. */
  settledByProbes?: boolean;
}

/**
 * The catalog's words for a cause, filled with the evidence, without the steps that only make sense
 * outside a doctor run (the catalog marks them). Total: never throws.
 */
export function describeCause(id: CauseId, evidence: Evidence, options: DescribeOptions = {}): CauseText {
  try {
    const entry = CATALOG[id];
    const text = renderCause(id, evidence);
    const drop = new Set<number>([
      ...(entry.outsideDoctorSteps ?? []),
      ...(options.settledByProbes ? (entry.settledByProbeSteps ?? []) : []),
    ]);
    // Rendering drops a step that fills to nothing; indices only hold when none was dropped.
    if (text.fix.length !== entry.fix.length) return text;
    return { ...text, fix: text.fix.filter((_, index) => !drop.has(index)) };
  } catch {
    return { title: id, detail: '', fix: [], severity: 'fail', links: [] };
  }
}

/** The catalog's facts about a cause that steer the doctor (not its prose). */
export function causeFacts(id: CauseId | null): CauseEntry | undefined {
  return id === null ? undefined : CATALOG[id];
}

/**
 * The rendered steps of a cause that a doctor run leaves out (and, once the probes settled which key
 * is stale, the steps asking to find out): compared by their rendered text, never by wording.
 */
export function stepsLeftOut(id: CauseId, evidence: Evidence, options: DescribeOptions = {}): Set<string> {
  try {
    const all = renderCause(id, evidence).fix;
    const kept = new Set(describeCause(id, evidence, options).fix);
    return new Set(all.filter((step) => !kept.has(step)));
  } catch {
    return new Set();
  }
}

/** The cause as the second half of a verdict sentence: the catalog's headline, else its title. */
export function headlineOf(id: CauseId, evidence: Evidence): string {
  try {
    const entry = CATALOG[id];
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(evidence)) if (typeof value === 'string') values[name] = value;
    return fillTemplate(entry.headline ?? entry.title, values);
  } catch {
    return id;
  }
}

/** The rendered fix step the catalog marks as showing client code, if the cause has one. */
export function clientCodeStepOf(id: CauseId, evidence: Evidence): string | undefined {
  try {
    const index = CATALOG[id].clientCodeStep;
    const all = renderCause(id, evidence).fix;
    return index === undefined || all.length !== CATALOG[id].fix.length ? undefined : all[index];
  } catch {
    return undefined;
  }
}
