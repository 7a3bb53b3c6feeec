import { BODY_DROPPING_SURFACES } from '../core/error-parse/status-only-surfaces.js';

/** What `explain` says when only an HTTP status reached it: who dropped the body, and how to see it. */
export interface MissingBody {
  /** The client or library known to print only the status, when the text shows which. */
  surface?: string;
  /** Why that surface drops the body. */
  why?: string;
  /** A step that shows Google's own answer; never contains a key (the curl line reads the variable). */
  nextStep: string;
}

const NATIVE_CURL =
  'curl -sS https://generativelanguage.googleapis.com/v1beta/models -H "x-goog-api-key: $GEMINI_API_KEY"';
const OPENAI_CURL =
  'curl -sS https://generativelanguage.googleapis.com/v1beta/openai/models -H "Authorization: Bearer $GEMINI_API_KEY"';

export function missingBody(surfaceName: unknown, endpoint: unknown): MissingBody {
  const surface = BODY_DROPPING_SURFACES.find((s) => s.name === surfaceName);
  const curl = endpoint === 'openai-compatible' ? OPENAI_CURL : NATIVE_CURL;
  const who =
    surface === undefined
      ? 'Only the HTTP status reached you'
      : `${surface.name} printed only the HTTP status`;
  const nextStep = `${who}, so the cause above is the most common one for that status, not a reading of Google's answer. To see the answer itself, run \`gemini-key-doctor\` in your project, or: ${curl}`;
  return surface === undefined ? { nextStep } : { surface: surface.name, why: surface.why, nextStep };
}
