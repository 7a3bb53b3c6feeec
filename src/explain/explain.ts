import type { CauseId } from '../catalog/cause-id.js';
import { renderCause } from '../catalog/render-cause.js';
import type { CauseLink, Evidence } from '../catalog/types.js';
import { type ClassifyContext, type Confidence, classify } from '../core/classify.js';
import { maskStrings } from '../core/error-parse/mask-strings.js';
import { parseErrorText } from '../core/error-parse/parse-error.js';
import { type MissingBody, missingBody } from './missing-body.js';

/** `explain --json` (DESIGN.md contract: schemaVersion, cause, title, detail, fix, evidence; extended). */
export interface ExplainResult {
  schemaVersion: 1;
  cause: CauseId;
  title: string;
  detail: string;
  fix: string[];
  evidence: Evidence;
  /** Other causes the same text fits, most likely first. */
  alternatives: CauseId[];
  confidence: Confidence;
  links: CauseLink[];
  /** Present when the input held only a status (the body was dropped): who dropped it and how to see it. */
  missingBody?: MissingBody;
}

/**
 * Explains an error in plain words: accepts a pasted text, an `Error` (including @google/genai's
 * `ApiError`, recognised by shape, and wrappers carrying `cause`/`response`/`error`), or a parsed
 * body. Pure, offline and total: it never throws, and no key from the input survives in the result.
 */
export function explain(input: unknown, context: ClassifyContext = {}): ExplainResult {
  try {
    const diagnosis = classify(parseErrorText(input), context);
    const rendered = renderCause(diagnosis.cause, diagnosis.evidence);
    const result: ExplainResult = {
      schemaVersion: 1,
      cause: diagnosis.cause,
      title: rendered.title,
      detail: rendered.detail,
      fix: rendered.fix,
      evidence: diagnosis.evidence,
      alternatives: diagnosis.alternatives,
      confidence: diagnosis.confidence,
      links: rendered.links,
    };
    if (diagnosis.evidence['statusOnly'] === true) {
      result.missingBody = missingBody(diagnosis.evidence['bodyDroppedBy'], diagnosis.evidence.endpoint);
      result.fix = [result.missingBody.nextStep, ...result.fix];
    }
    return maskStrings(result);
  } catch {
    return fallback();
  }
}

function fallback(): ExplainResult {
  try {
    const rendered = renderCause('unknown');
    return {
      schemaVersion: 1,
      cause: 'unknown',
      title: rendered.title,
      detail: rendered.detail,
      fix: rendered.fix,
      evidence: {},
      alternatives: [],
      confidence: 'low',
      links: rendered.links,
    };
  } catch {
    const title = 'An error gemini-key-doctor does not recognise';
    return {
      schemaVersion: 1,
      cause: 'unknown',
      title,
      detail: '',
      fix: [],
      evidence: {},
      alternatives: [],
      confidence: 'low',
      links: [],
    };
  }
}
