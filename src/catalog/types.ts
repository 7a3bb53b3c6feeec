import type { CauseId } from './cause-id.js';

export type CauseCategory = 'key' | 'environment' | 'server' | 'network' | 'fallback';

/** How bad a cause is when it is found: `fail` means the key cannot work as set up. */
export type Severity = 'fail' | 'warn' | 'info';

/**
 * Values a fix step may mention, filled from what the error or the environment showed.
 * Every field is optional: a template must read well when a value is missing.
 * Never holds a key: only masked forms and fingerprints.
 */
export interface Evidence {
  httpStatus?: number;
  rpcStatus?: string;
  reason?: string;
  domain?: string;
  message?: string;
  service?: string;
  /** Google Cloud project number or id, e.g. from `metadata.consumer` "projects/123". */
  project?: string;
  activationUrl?: string;
  quotaId?: string;
  quotaMetric?: string;
  quotaValue?: string;
  retryDelay?: string;
  model?: string;
  location?: string;
  method?: string;
  helpLinks?: string[];
  /** Masked key (`AIza…Xy9Z`) where one was seen. */
  maskedKey?: string;
  keyKind?: 'standard' | 'auth' | 'ephemeral' | 'unknown';
  /** Environment variable or file involved. */
  variable?: string;
  /** A second variable involved (env_conflict: the one that loses or wins against `variable`). */
  otherVariable?: string;
  /** The variable a client would have read instead (env_wrong_name). */
  expectedVariable?: string;
  /** A non-secret setting value, e.g. `GOOGLE_GENAI_USE_VERTEXAI=1`'s "1". Never a key. */
  value?: string;
  /** The client concerned, e.g. "@google/genai" or "gemini-cli". */
  client?: string;
  /** What a non-Gemini credential looks like, e.g. "an OpenAI API key (sk-…)". */
  credentialKind?: string;
  file?: string;
  baseUrl?: string;
  endpoint?: string;
  [extra: string]: unknown;
}

export interface CauseLink {
  title: string;
  url: string;
}

export interface CauseEntry {
  id: CauseId;
  category: CauseCategory;
  severity: Severity;
  /** One line, names the problem. */
  title: string;
  /** Two or three sentences a stressed developer understands. May use {placeholders}. */
  explanation: string;
  /** Ordered steps; each may use {placeholders} filled from Evidence. */
  fix: string[];
  links: CauseLink[];
  /** HTTP status the server typically answers with, where this is a server cause. */
  http?: number;
  /**
   * A server answer with this cause means the key (or its project) was refused: the key as sent
   * cannot work. False for network trouble, malformed requests, missing models, server faults and
   * for causes about where the key lives rather than what it is.
   */
  aboutTheKey: boolean;
  /** The fix is a new or different key value, so saying where and how to set one helps. */
  fixIsNewKeyValue: boolean;
  /** An answer with this cause still proves the server accepted the key (a 429 counts against it). */
  keyAccepted?: true;
  /**
   * Causes this one produces downstream, which a report folds under it: a `.env` that is not loaded
   * explains "no key was sent"; a stale variable that wins explains its key being rejected.
   */
  symptoms?: readonly CauseId[];
  /**
   * The cause as the second half of a verdict sentence ("Your key works; {headline}."), in the
   * user's terms; may use {placeholders}. Without it a report uses the title.
   */
  headline?: string;
  /** Index of the fix step that shows client code: a report puts the detected client's code there. */
  clientCodeStep?: number;
  /**
   * A note about what is coming (plan a migration), not a problem today: a report ranks it after
   * every problem and shows it in one line unless asked for details.
   */
  advisory?: true;
  /** Indices of fix steps that tell the user to run the doctor: dropped inside a doctor run. */
  outsideDoctorSteps?: readonly number[];
  /** Indices of fix steps that ask the user to find out which key is stale: dropped once probes tell. */
  settledByProbeSteps?: readonly number[];
}
