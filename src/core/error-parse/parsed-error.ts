import type { KeyKind } from '../key-material.js';

/** One `google.rpc.QuotaFailure` violation (or its prose equivalent). */
export interface QuotaViolation {
  quotaMetric?: string;
  quotaId?: string;
  quotaValue?: string;
  model?: string;
  location?: string;
}

/** Which API a text shows the request went to. */
export interface EndpointHints {
  /** `/v1beta/openai/…`, `chat/completions`: the OpenAI-compatible endpoint; `:generateContent`: native. */
  style?: 'native' | 'openai';
  /** `aiplatform.googleapis.com` → vertex; `generativelanguage.googleapis.com` → gemini-api. */
  backend?: 'gemini-api' | 'vertex';
  /** The key travelled as `Authorization: Bearer` (or an OpenAI client sent it). */
  bearer?: boolean;
  /** The key travelled as `x-goog-api-key` or `?key=`. */
  apiKeyHeader?: boolean;
}

/**
 * Everything recovered from an error text or object. Never holds a key: strings are masked
 * (`maskKeysInText`) before they are stored, and the key itself is reduced to its kind and masked form.
 */
export interface ParsedError {
  httpStatus?: number;
  /** `google.rpc.Code` name, e.g. PERMISSION_DENIED (from `status`, a gRPC code, or a prose prefix). */
  rpcStatus?: string;
  reason?: string;
  domain?: string;
  /** ErrorInfo metadata (service, consumer, activationUrl, …), flattened to strings. */
  metadata: Record<string, string>;
  /** The most specific error message found (masked). */
  message?: string;
  quotaViolations: QuotaViolation[];
  retryDelay?: string;
  helpLinks: string[];
  model?: string;
  endpoint: EndpointHints;
  keyKind?: KeyKind;
  maskedKey?: string;
  /** Node/undici error code (ENOTFOUND, ECONNRESET, CERT_…), when the failure never reached Google. */
  networkCode?: string;
  /** A client or HTTP library known to print only the status and drop Google's body (`BODY_DROPPING_SURFACES` id). */
  bodyDroppedBy?: string;
  /** The environment variable a "no key" message names as the place for the key. */
  keyVariable?: string;
  /** The text looks like an HTML page, not an API error body. */
  isHtml: boolean;
  /** Normalised, escape-flattened, whitespace-collapsed, masked text: what message patterns run on. */
  text: string;
}
