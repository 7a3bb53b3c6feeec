import { mayMatch } from '../required-literal.js';
import type { EndpointHints, QuotaViolation } from './parsed-error.js';
import { isRpcStatus, rpcStatusFromGrpcCode } from './rpc-status.js';

/**
 * Field-level evidence read straight off the (escape-flattened, masked) text with bounded
 * patterns, so that damaged pastes — lost quotes, truncation, protobuf text, prose — still
 * yield the status, reason and metadata. Every quantifier is bounded or over a disjoint class,
 * so no pattern can backtrack catastrophically.
 */
export interface TextFields {
  httpStatus?: number;
  rpcStatus?: string;
  reason?: string;
  domain?: string;
  message?: string;
  metadata: Record<string, string>;
  quotaViolations: QuotaViolation[];
  retryDelay?: string;
  helpLinks: string[];
  model?: string;
  endpoint: EndpointHints;
  networkCode?: string;
  isHtml: boolean;
}

const Q = `["'\`]?`;

/** Where an HTTP status shows up in prose, most specific first. Group 1 is the status. */
const HTTP_STATUS_PATTERNS: RegExp[] = [
  new RegExp(
    `${Q}(?:code|status|statusCode|status_code|http_status)${Q}\\s{0,3}[:=]\\s{0,3}${Q}([45]\\d\\d)\\b`,
  ),
  /\[([45]\d\d)(?: [A-Za-z][A-Za-z ]{0,40})?\]/,
  /\b([45]\d\d) (?:[A-Z][A-Z_]{4,40})\b/,
  // the standard reason phrase next to the code ("Client error '400 Bad Request' for url …")
  /\b([45]\d\d) (?:Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed|Request Timeout|Payload Too Large|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)\b/i,
  /\bHTTP\/\d(?:\.\d)? ([45]\d\d)\b/,
  // .NET HttpClient: "Response status code does not indicate success: 400 (Bad Request)."
  /does not indicate success:\s{0,3}([45]\d\d)\b/i,
  /\bHTTP ([45]\d\d)\b/,
  // "api error (429)", "failed (status 403)"
  /\b(?:error|status|code|failed)\s{0,3}\((?:status\s{0,3})?([45]\d\d)\)/i,
  /(?:\b(?:status(?: code)?(?: of| is| was)?|code|returned|failed with(?: status)?(?: code)?|api error|response)|error|exception)\s{0,3}[:=]?\s{0,3}([45]\d\d)\b/i,
  /(?:^|\n)\s{0,8}([45]\d\d)\b[:.\s]/,
];

/** Exception class names that carry a fixed status (google.api_core, openai, litellm, langchain). */
const EXCEPTION_STATUS: Array<[RegExp, number]> = [
  [/\b(?:InvalidArgument|BadRequest(?:Error)?)\b/, 400],
  [/\b(?:Unauthenticated|Unauthorized|AuthenticationError)\b/, 401],
  [/\b(?:PermissionDenied(?:Error)?|Forbidden)\b/, 403],
  [/\b(?:NotFound(?:Error)?)\b/, 404],
  [/\b(?:ResourceExhausted|TooManyRequests|RateLimitError)\b/, 429],
  [/\b(?:InternalServerError)\b/, 500],
  [/\b(?:BadGateway)\b/, 502],
  [/\b(?:ServiceUnavailable(?:Error)?)\b/, 503],
  [/\b(?:GatewayTimeout)\b/, 504],
];

const METADATA_KEYS = [
  'service',
  'consumer',
  'activationUrl',
  'serviceTitle',
  'containerInfo',
  'method',
  'methodName',
  'apiName',
  'httpReferrer',
  'callerIp',
  'androidPackageName',
  'iosBundleId',
  'quota_metric',
  'quota_id',
  'quota_location',
  'quota_limit',
  'quota_limit_value',
  'quota_unit',
  'consumer_project',
];

/** One pattern per metadata key, compiled when first run (a key absent from the text never is). */
const METADATA_PATTERNS = METADATA_KEYS.map(
  (key) => [key, new RegExp(`["'\`]${key}["'\`]?\\s{0,3}[:=]\\s{0,3}["']([^"'\\n]{1,400})`)] as const,
);

const REASON = new RegExp(`${Q}reason${Q}\\s{0,3}[:=]\\s{0,3}${Q}([A-Z][A-Z0-9_]{2,80})\\b`);
const DOMAIN = new RegExp(`${Q}domain${Q}\\s{0,3}[:=]\\s{0,3}["']([\\w.-]{3,100})`);

/**
 * The text, read through patterns that run only when the text they require is there (compiling a
 * pattern costs more than looking for its literals; see core/required-literal.ts).
 */
interface GatedText {
  text: string;
  exec(re: RegExp): RegExpExecArray | null;
  test(re: RegExp): boolean;
  matchAll(re: RegExp): Iterable<RegExpExecArray>;
  search(re: RegExp): number;
}

function gated(text: string): GatedText {
  const lowered = text.toLowerCase();
  return {
    text,
    exec: (re) => (mayMatch(re, lowered) ? re.exec(text) : null),
    test: (re) => mayMatch(re, lowered) && re.test(text),
    matchAll: (re) => (mayMatch(re, lowered) ? text.matchAll(re) : []),
    search: (re) => (mayMatch(re, lowered) ? text.search(re) : -1),
  };
}

const NETWORK_CODE =
  /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|ECONNABORTED|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|UND_ERR_SOCKET|CERT_HAS_EXPIRED|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|ERR_TLS_CERT_ALTNAME_INVALID|ERR_SSL_[A-Z_]{1,60}|EPROTO)\b/;

export function extractFields(text: string): TextFields {
  const t = gated(text);
  const out: TextFields = {
    metadata: {},
    quotaViolations: [],
    helpLinks: [],
    endpoint: endpointHints(t),
    isHtml: t.test(/<!doctype html|<html[\s>]|<body[\s>]|<\/(?:title|head|center|h1)>/i),
  };

  const rpc = rpcStatusIn(t);
  if (rpc !== undefined) out.rpcStatus = rpc;
  const http = httpStatusIn(t);
  if (http !== undefined) out.httpStatus = http;

  const reason = t.exec(REASON);
  if (reason) out.reason = reason[1]!;
  const domain = t.exec(DOMAIN);
  if (domain && domain[1] !== 'global') out.domain = domain[1]!;

  const message = messageIn(t);
  if (message !== undefined) out.message = message;

  for (const [key, pattern] of METADATA_PATTERNS) {
    const m = text.includes(key) ? pattern.exec(text) : null;
    if (m) out.metadata[key] = m[1]!.trim();
  }
  // protobuf text format (google.api_core / LangChain): key: "service" value: "generativelanguage…"
  for (const m of t.matchAll(/key:\s{0,3}"(\w{1,40})"\s{0,20}value:\s{0,3}"([^"\n]{1,400})"/g)) {
    out.metadata[m[1]!] ??= m[2]!;
  }

  readQuota(t, out);

  const retry =
    t.exec(
      /retry_?delay["']?\s{0,3}[:=]?\s{0,3}\{?\s{0,20}(?:seconds:\s{0,3})?["']?(\d{1,7}(?:\.\d{1,12})?s?)/i,
    ) ??
    t.exec(/(?:please )?retry in (\d{1,7}(?:\.\d{1,12})?\s?(?:s|ms|seconds?))\b/i) ??
    t.exec(/\bretry-after:\s{0,3}(\d{1,7})/i);
  if (retry) out.retryDelay = /^\d+(\.\d+)?$/.test(retry[1]!) ? `${retry[1]}s` : retry[1]!.replace(/\s/g, '');

  for (const m of t.matchAll(/["']url["']\s{0,3}:\s{0,3}["'](https?:\/\/[^"'\s]{1,300})/g)) {
    out.helpLinks.push(m[1]!);
  }

  const model = modelIn(t);
  if (model !== undefined) out.model = model;
  const net = t.exec(NETWORK_CODE);
  if (net) out.networkCode = net[1]!;
  return out;
}

const RPC_STATUS_PATTERNS = [
  new RegExp(`${Q}status${Q}\\s{0,3}[:=]\\s{0,3}${Q}([A-Z][A-Z_]{4,40})\\b`, 'g'),
  /\b[45]\d\d ([A-Z][A-Z_]{4,40})\b/g,
  /\(Status: ([A-Z][A-Z_]{4,40})\)/g,
  /\bgot status: ([A-Z][A-Z_]{4,40})\b/g,
];

function rpcStatusIn(t: GatedText): string | undefined {
  for (const re of RPC_STATUS_PATTERNS) {
    for (const m of t.matchAll(re)) {
      if (isRpcStatus(m[1]!)) return m[1]!;
    }
  }
  const grpc = t.exec(/grpc_status:\s{0,3}(\d{1,2})\b/) ?? t.exec(/StatusCode\.([A-Z_]{4,40})\b/);
  if (grpc) {
    const name = /^\d+$/.test(grpc[1]!) ? rpcStatusFromGrpcCode(Number(grpc[1])) : grpc[1]!;
    if (name !== undefined && isRpcStatus(name)) return name;
  }
  for (const m of t.text.matchAll(/\b([A-Z][A-Z_]{4,40})\b/g)) {
    // a bare RPC name in prose ("... UNAVAILABLE ...") is weaker evidence, but evidence
    if (isRpcStatus(m[1]!) && m[1] !== 'UNKNOWN' && m[1] !== 'INTERNAL') return m[1]!;
  }
  return undefined;
}

function httpStatusIn(t: GatedText): number | undefined {
  for (const re of HTTP_STATUS_PATTERNS) {
    const m = t.exec(re);
    if (m) return Number(m[1]);
  }
  for (const [re, status] of EXCEPTION_STATUS) if (t.test(re)) return status;
  return undefined;
}

function messageIn(t: GatedText): string | undefined {
  // the innermost-looking message wins: the last `message` whose value is not itself JSON
  let found: string | undefined;
  for (const m of t.matchAll(/["']message["']\s{0,3}:\s{0,3}(["'])([^\n]{1,2000}?)\1\s{0,3}(?:[,}\n]|$)/g)) {
    const value = m[2]!.trim();
    if (value !== '' && !value.startsWith('{') && !value.startsWith('[')) found = value;
  }
  if (found !== undefined) return found;
  const grpc = t.exec(/grpc_message:\s{0,3}"([^"\n]{1,1000})"/);
  if (grpc) return grpc[1]!;
  // damaged: an unterminated message value runs to the end of its line
  const loose = t.exec(/["']message["']\s{0,3}:\s{0,3}["']([^"'\n{[][^\n]{0,1000})/);
  return loose ? loose[1]!.replace(/["',]+\s*$/, '').trim() : undefined;
}

const QUOTA_FIELDS: ReadonlyArray<readonly [RegExp, keyof QuotaViolation]> = [
  [/["']?quotaId["']?\s{0,3}:\s{0,3}["']([\w-]{1,200})/, 'quotaId'],
  [/["']?quotaMetric["']?\s{0,3}:\s{0,3}["']([\w./-]{1,200})/, 'quotaMetric'],
  [/["']?quotaValue["']?\s{0,3}:\s{0,3}["']?(\d{1,12})/, 'quotaValue'],
];

function readQuota(t: GatedText, out: TextFields): void {
  for (const m of t.matchAll(
    /Quota exceeded for metric: ([\w./-]{1,200}), limit: (\d{1,12})(?:, model: ([\w.-]{1,100}))?/g,
  )) {
    const v: QuotaViolation = { quotaMetric: m[1]!, quotaValue: m[2]! };
    if (m[3] !== undefined) v.model = m[3];
    out.quotaViolations.push(v);
  }
  const legacy = t.exec(/Quota exceeded for quota metric '([^'\n]{1,200})' and limit '([^'\n]{1,200})'/);
  if (legacy) out.quotaViolations.push({ quotaMetric: legacy[1]!, quotaId: legacy[2]! });
  const structured: QuotaViolation = {};
  for (const [re, field] of QUOTA_FIELDS) {
    const m = t.exec(re);
    if (m) structured[field] = m[1]!;
  }
  if (Object.keys(structured).length > 0) out.quotaViolations.push(structured);
}

function modelIn(t: GatedText): string | undefined {
  const m =
    t.exec(/\bmodels\/([a-z][\w.-]{1,100})/i) ??
    t.exec(
      /["']?model["']?\s{0,3}[:=]\s{0,3}["']?((?:gemini|gemma|imagen|veo|learnlm|text-embedding|embedding)[\w.-]{0,100})/i,
    ) ??
    t.exec(/\b((?:gemini|gemma)-\d[\w.-]{0,80})/i);
  return m ? m[1]!.replace(/[.-]+$/, '') : undefined;
}

function endpointHints(t: GatedText): EndpointHints {
  const hints: EndpointHints = {};
  if (t.test(/\/openai\/|chat\/completions|openai[- ]compatib/i)) hints.style = 'openai';
  else if (
    t.test(
      /:(?:stream)?generateContent|:countTokens|:embedContent|:batchEmbedContents|GenerativeService|\/v1(?:beta|alpha)?\/models/i,
    )
  )
    hints.style = 'native';
  const vertex = t.search(/aiplatform\.googleapis\.com|\/locations\/[\w-]+\/publishers\//);
  const gemini = t.search(/generativelanguage\.googleapis\.com/);
  if (vertex !== -1 && (gemini === -1 || vertex < gemini)) hints.backend = 'vertex';
  else if (gemini !== -1) hints.backend = 'gemini-api';
  if (t.test(/authorization["']?\s{0,3}[:=]\s{0,3}["']?bearer|\bbearer\s+(?:AIza|AQ\.)|\bopenai\b/i))
    hints.bearer = true;
  if (t.test(/x-goog-api-key|[?&]key=/i)) hints.apiKeyHeader = true;
  return hints;
}
