import type { CauseId } from '../catalog/cause-id.js';
import type { Evidence } from '../catalog/types.js';

/** pass ✓, warn !, fail ✗, skip (not run: a dependency failed or --offline). */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/**
 * One line of the doctor's checklist, and the `findings[]` entry of `--json` (DESIGN.md contract:
 * check, status, cause, title, detail, fix[], evidence). Never holds a key, only masked forms and
 * fingerprints.
 */
export interface Finding {
  /** Stable dotted id of the check that produced it: `key.lint`, `env.dotenv`, `probe.models`… */
  check: string;
  status: CheckStatus;
  /** The catalog cause when something is wrong (or notable); null for a plain pass. */
  cause: CauseId | null;
  title: string;
  detail: string;
  fix: string[];
  evidence: Evidence;
  /** Fingerprints of the keys this finding is about, where it is about keys. */
  keys?: string[];
  /** Client ids affected, where the finding is about some clients only. */
  clients?: string[];
  /**
   * Index (in the report's `findings`) of the root-cause finding that explains this one: a symptom
   * ("no key was sent") folded under its cause (".env is not loaded").
   */
  explainedBy?: number;
  /** Indices (in the report's `findings`) of the symptoms this finding explains. */
  explains?: number[];
}
