import type { CauseId } from '../catalog/cause-id.js';
import type { Evidence } from '../catalog/types.js';

/**
 * A Gemini call that failed, already diagnosed: the catalog cause (`causeId`), the evidence it
 * rests on (status, reason, retry delay…; never the key), and how many attempts were made.
 * The message is safe to print: it names the cause and the server's own message, keys masked.
 */
export class GeminiRequestError extends Error {
  override readonly name = 'GeminiRequestError';
  readonly causeId: CauseId;
  readonly evidence: Evidence;
  readonly httpStatus: number | undefined;
  readonly attempts: number;

  constructor(causeId: CauseId, message: string, evidence: Evidence, attempts: number) {
    super(message);
    this.causeId = causeId;
    this.evidence = evidence;
    this.httpStatus = evidence.httpStatus;
    this.attempts = attempts;
  }
}
