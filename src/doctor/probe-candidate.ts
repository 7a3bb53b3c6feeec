import type { Evidence } from '../catalog/types.js';
import type { Finding } from '../core/finding.js';
import { type ProbeKind, probeRequest } from '../core/gemini-endpoints.js';
import { maskKeysInText } from '../core/key-material.js';
import type { ClientResolution, KeyCandidate } from '../core/project-snapshot.js';
import type { ClassifiedAnswer } from './classify-answer.js';
import { describeCause } from './describe-cause.js';
import { consoleSteps, variableOfSource } from './platform-fixes.js';
import { callProbe } from './probe-key.js';
import type { ShellKind } from './report.js';
import { reproduceStep } from './reproduce.js';

export interface ProbeContext {
  baseUrl: string;
  model: string;
  generate: boolean;
  shell: ShellKind;
  timeoutMs?: number;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

const CHECK_OF: Record<ProbeKind, string> = {
  models: 'probe.models',
  model: 'probe.model',
  generate: 'probe.generate',
  openai: 'probe.openai',
};

/**
 * The live checks for one key, all started at once: model listing (does the key authenticate),
 * countTokens on the chosen model (can it use that model, no quota spent), optionally a one-token
 * generation (quota, billing, region), and the OpenAI-compatible route when a client uses it.
 * Findings come back in that fixed order.
 */
export async function probeCandidate(
  candidate: KeyCandidate,
  resolutions: readonly ClientResolution[],
  context: ProbeContext,
  openAiRoute = false,
): Promise<Finding[]> {
  const usesOpenAi =
    openAiRoute || resolutions.some((r) => r.endpointStyle === 'openai' && r.key?.equals(candidate.key));
  const kinds: ProbeKind[] = ['models', 'model'];
  if (context.generate) kinds.push('generate');
  if (usesOpenAi) kinds.push('openai');
  const options = {
    baseUrl: context.baseUrl,
    model: context.model,
    ...(context.timeoutMs !== undefined ? { timeoutMs: context.timeoutMs } : {}),
    ...(context.fetch ? { fetch: context.fetch } : {}),
    ...(context.signal ? { signal: context.signal } : {}),
  };
  const answers = await Promise.all(
    kinds.map((kind) =>
      callProbe(candidate.key, kind, options).catch(
        (error: unknown): ClassifiedAnswer => ({
          cause: 'unknown',
          evidence: {},
          detail: `the probe failed unexpectedly: ${error instanceof Error ? error.name : 'error'}`,
        }),
      ),
    ),
  );
  const listing = answers[0]!;
  const usable = listing.cause === null ? usableModels(listing.json) : [];
  return kinds.map((kind, index) => {
    const answer = answers[index]!;
    // When the listing failed, the other routes fail the same way: one line says it, the rest skip.
    if (kind !== 'models' && listing.cause !== null && listing.cause !== 'quota_exhausted') {
      return skipped(kind, candidate, `not checked, the model listing already failed`);
    }
    return findingFor(kind, answer, candidate, context, usable);
  });
}

function findingFor(
  kind: ProbeKind,
  answer: ClassifiedAnswer,
  candidate: KeyCandidate,
  context: ProbeContext,
  usable: string[],
): Finding {
  const key = candidate.key;
  const source = candidate.sources[0];
  const spec = probeRequest(kind, context.baseUrl, context.model);
  const evidence: Evidence = {
    ...answer.evidence,
    maskedKey: key.masked,
    variable: variableOfSource(source),
    // The path comes from the base URL, which may carry a key (`--base-url http://proxy/AIza…`).
    endpoint: maskKeysInText(`${spec.method} ${spec.url.pathname}`),
  };
  const base = { check: CHECK_OF[kind], keys: [key.fingerprint], clients: [...candidate.usedBy] };
  if (answer.cause === null) {
    return {
      ...base,
      status: 'pass',
      cause: null,
      title: passTitle(kind, key.masked, context, answer),
      detail: answer.detail,
      fix: [],
      evidence,
    };
  }
  const text = describeCause(answer.cause, evidence);
  const fix = [...text.fix];
  if (kind === 'model' || kind === 'generate') {
    if ((answer.cause === 'model_not_found' || answer.httpStatus === 404) && usable.length > 0) {
      evidence['suggestedModels'] = usable.slice(0, 5);
      fix.unshift(`Models this key can use: ${usable.slice(0, 5).join(', ')} (try --model ${usable[0]})`);
    }
  }
  fix.push(
    ...consoleSteps(
      answer.cause,
      typeof evidence.project === 'string' ? evidence.project : undefined,
      context.baseUrl,
    ),
  );
  if (
    answer.cause === 'network_tls' &&
    evidence['interceptedTls'] &&
    !fix.some((s) => s.includes('NODE_EXTRA_CA_CERTS'))
  ) {
    fix.unshift(
      'A proxy is inspecting TLS with its own certificate: export NODE_EXTRA_CA_CERTS=/path/to/your-company-root-ca.pem (ask IT for the file); never set NODE_TLS_REJECT_UNAUTHORIZED=0',
    );
  }
  // The plan puts it last, after the steps it assembles (fix-plan.ts).
  evidence['reproduce'] = reproduceStep(spec, reproducibleSource(candidate), context.shell);
  const severity = text.severity === 'fail' ? 'fail' : 'warn';
  return {
    ...base,
    status: severity,
    cause: answer.cause,
    title: `${text.title} — ${key.masked}${kind === 'models' ? '' : ` (${CHECK_OF[kind]})`}`,
    detail: [text.detail, `Server said: ${clip(answer.detail, 300)}`].filter(Boolean).join('\n'),
    fix,
    evidence,
  };
}

/** Where the key can be read again by hand: a shell variable if it is in one, else its file. */
function reproducibleSource(candidate: KeyCandidate): string | undefined {
  return candidate.sources.find((s) => s.startsWith('env:')) ?? candidate.sources[0];
}

function passTitle(kind: ProbeKind, masked: string, context: ProbeContext, answer: ClassifiedAnswer): string {
  switch (kind) {
    case 'models': {
      const count = modelCount(answer.json);
      return `The Gemini API accepts ${masked}${count !== undefined ? ` (${count} models listed)` : ''}`;
    }
    case 'model':
      return `${context.model} is available to ${masked} (countTokens)`;
    case 'generate':
      return `${context.model} generated a token for ${masked}`;
    case 'openai':
      return `The OpenAI-compatible endpoint accepts ${masked}`;
  }
}

const SKIPPED_TITLE: Record<ProbeKind, string> = {
  models: 'Model listing',
  model: 'The chosen model (countTokens)',
  generate: 'One-token generation',
  openai: 'The OpenAI-compatible endpoint',
};

function skipped(kind: ProbeKind, candidate: KeyCandidate, why: string): Finding {
  return {
    check: CHECK_OF[kind],
    status: 'skip',
    cause: null,
    title: `${SKIPPED_TITLE[kind]} for ${candidate.key.masked}: ${why}`,
    detail: why,
    fix: [],
    evidence: {},
    keys: [candidate.key.fingerprint],
  };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function modelCount(json: unknown): number | undefined {
  const models = (json as { models?: unknown } | undefined)?.models;
  return Array.isArray(models) ? models.length : undefined;
}

/** Model ids from a listing that can generate, Flash models first (cheap and widely available). */
export function usableModels(json: unknown): string[] {
  const models = (json as { models?: unknown } | undefined)?.models;
  if (!Array.isArray(models)) return [];
  const ids = models
    .filter((m): m is { name: string; supportedGenerationMethods?: unknown } => typeof m?.name === 'string')
    .filter(
      (m) =>
        !Array.isArray(m.supportedGenerationMethods) ||
        m.supportedGenerationMethods.includes('generateContent'),
    )
    .map((m) => m.name.replace(/^models\//, ''));
  return [...ids.filter((id) => id.includes('flash')), ...ids.filter((id) => !id.includes('flash'))];
}
