import type { CauseId } from '../catalog/cause-id.js';
import { maskKeysInText } from '../core/key-material.js';
import type { SecretKey } from '../core/secret-key.js';
import type { ScanFinding, ScanVerification } from './types.js';

/** What --verify needs of a live probe: the doctor's `probeKey`, passed in by the caller. */
export type KeyProbe = (
  key: SecretKey,
  options: { baseUrl?: string; timeoutMs?: number; model?: string },
) => Promise<{
  verdict: ScanVerification['verdict'];
  cause: CauseId | null;
  httpStatus?: number;
  detail: string;
}>;

export interface VerifyOptions {
  /** The live probe (the CLI passes the doctor's); scan itself never talks to the network. */
  probe: KeyProbe;
  baseUrl?: string;
  timeoutMs?: number;
  model?: string;
  /** Probes in flight at once (default 4). */
  concurrency?: number;
}

/**
 * --verify: probes each distinct key once (never test keys), a few at a time, through the
 * probe it is given (the doctor's), and attaches the verdict to every finding of that key.
 */
export async function verifyFindings(
  findings: ScanFinding[],
  keys: ReadonlyMap<string, SecretKey>,
  options: VerifyOptions,
): Promise<void> {
  const wanted = new Set(
    findings.filter((f) => f.fingerprint !== undefined && f.kind !== 'test-key').map((f) => f.fingerprint!),
  );
  const queue = [...wanted];
  const verdicts = new Map<string, ScanVerification>();
  const worker = async () => {
    for (let fingerprint = queue.shift(); fingerprint !== undefined; fingerprint = queue.shift()) {
      const key = keys.get(fingerprint);
      if (!key) continue;
      try {
        const outcome = await options.probe(key, {
          ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
          ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
          ...(options.model !== undefined ? { model: options.model } : {}),
        });
        verdicts.set(fingerprint, {
          verdict: outcome.verdict,
          cause: outcome.cause,
          ...(outcome.httpStatus !== undefined ? { httpStatus: outcome.httpStatus } : {}),
          detail: outcome.detail,
        });
      } catch (error) {
        verdicts.set(fingerprint, {
          verdict: 'unknown',
          cause: 'unknown',
          detail: maskKeysInText(`probe failed: ${error instanceof Error ? error.message : String(error)}`),
        });
      }
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 4, queue.length));
  await Promise.all(Array.from({ length: concurrency }, worker));
  for (const finding of findings) {
    const verdict = finding.fingerprint !== undefined ? verdicts.get(finding.fingerprint) : undefined;
    if (!verdict) continue;
    finding.verification = verdict;
    // Triage by verification, not suppression: a Firebase key that Google proves cannot reach
    // Gemini (API not enabled, or the key restricted away from it) is public by design again.
    if (
      finding.kind === 'firebase-key' &&
      verdict.verdict === 'rejected' &&
      GEMINI_OUT_OF_REACH.has(verdict.cause)
    ) {
      finding.failing = false;
    }
  }
}

const GEMINI_OUT_OF_REACH = new Set<CauseId | null>([
  'service_disabled',
  'api_blocked_by_key_restriction',
  'referrer_blocked',
  'ip_blocked',
  'app_blocked',
]);
