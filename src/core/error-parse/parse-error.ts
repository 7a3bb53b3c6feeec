import {
  AUTH_KEY_IN_TEXT,
  type KeyKind,
  maskKey,
  maskKeysInText,
  STANDARD_KEY_IN_TEXT,
} from '../key-material.js';
import { extractFields } from './extract-fields.js';
import { inputToText } from './input-to-text.js';
import { type Loose, type LooseObject, parseLoose } from './lenient-json.js';
import { maskStrings } from './mask-strings.js';
import { collapseSpace, flattenEscapes, normalizeText } from './normalize-text.js';
import type { ParsedError, QuotaViolation } from './parsed-error.js';
import { isRpcStatus } from './rpc-status.js';
import { bodyDroppingSurfaceIn, keyVariableNamedIn } from './status-only-surfaces.js';

/** How many JSON-ish objects are read per text, and how deep JSON-inside-a-string is followed. */
const MAX_OBJECTS_PER_TEXT = 64;
const MAX_STRING_NESTING = 4;
const MAX_MESSAGE_CHARS = 600;

/** An error object found in the input, with how specific it is (deeper and richer is better). */
interface ErrorNode {
  node: LooseObject;
  score: number;
}

interface Collected {
  errors: ErrorNode[];
  errorInfos: LooseObject[];
  quotaFailures: LooseObject[];
  retryDelays: string[];
  helpLinks: string[];
}

/**
 * Recovers what an error says from any input (string, Error, SDK error, parsed body). Pure and
 * total: it never throws, reads at most the first MiB, and masks every key before storing text.
 */
export function parseErrorText(input: unknown): ParsedError {
  try {
    return parseUnsafe(input);
  } catch {
    return { metadata: {}, quotaViolations: [], helpLinks: [], endpoint: {}, isHtml: false, text: '' };
  }
}

function parseUnsafe(input: unknown): ParsedError {
  const normalized = normalizeText(inputToText(input));
  const flat = flattenEscapes(normalized);
  const key = detectKey(flat);
  const maskedNormalized = maskKeysInText(normalized);
  const maskedFlat = maskKeysInText(flat);

  const collected: Collected = {
    errors: [],
    errorInfos: [],
    quotaFailures: [],
    retryDelays: [],
    helpLinks: [],
  };
  collectFromText(maskedNormalized, 0, collected);
  const fields = extractFields(maskedFlat);

  collected.errors.sort((a, b) => b.score - a.score);
  const best = collected.errors[0]?.node;
  const pick = <T>(get: (node: LooseObject) => T | undefined): T | undefined => {
    for (const { node } of collected.errors) {
      const v = get(node);
      if (v !== undefined) return v;
    }
    return undefined;
  };

  const info = collected.errorInfos[collected.errorInfos.length - 1];
  const metadata: Record<string, string> = { ...fields.metadata };
  const infoMeta = info?.['metadata'];
  if (isObject(infoMeta)) {
    for (const [k, v] of Object.entries(infoMeta)) {
      if (typeof v === 'string' || typeof v === 'number') metadata[k] = String(v);
    }
  }

  const httpStatus = pick(httpStatusOf) ?? fields.httpStatus;
  const rpcStatus = pick(rpcStatusOf) ?? fields.rpcStatus;
  const reason = stringField(info, 'reason') ?? fields.reason;
  const domain = stringField(info, 'domain') ?? fields.domain;
  const bestMessage = best ? messageField(best) : undefined;
  const message = bestMessage ?? fields.message ?? proseMessage(maskedNormalized);

  const quotaViolations = collected.quotaFailures.flatMap(violationsOf);
  if (quotaViolations.length === 0) quotaViolations.push(...fields.quotaViolations);

  const helpLinks = unique([...collected.helpLinks, ...fields.helpLinks]).slice(0, 10);
  const retryDelay = collected.retryDelays[0] ?? fields.retryDelay;
  const model = fields.model ?? quotaViolations.find((v) => v.model)?.model;

  const parsed: ParsedError = {
    metadata,
    quotaViolations,
    helpLinks,
    endpoint: fields.endpoint,
    isHtml: fields.isHtml,
    text: collapseSpace(maskedFlat),
  };
  if (httpStatus !== undefined) parsed.httpStatus = httpStatus;
  if (rpcStatus !== undefined) parsed.rpcStatus = rpcStatus;
  if (reason !== undefined) parsed.reason = reason;
  if (domain !== undefined) parsed.domain = domain;
  if (message !== undefined) parsed.message = clip(collapseSpace(message));
  if (retryDelay !== undefined) parsed.retryDelay = retryDelay;
  if (model !== undefined) parsed.model = model;
  if (fields.networkCode !== undefined) parsed.networkCode = fields.networkCode;
  if (key.kind !== undefined) parsed.keyKind = key.kind;
  if (key.masked !== undefined) parsed.maskedKey = key.masked;
  const surface = bodyDroppingSurfaceIn(parsed.text);
  if (surface !== undefined) {
    parsed.bodyDroppedBy = surface.id;
    if (surface.endpointStyle !== undefined) parsed.endpoint.style ??= surface.endpointStyle;
  }
  const keyVariable = keyVariableNamedIn(parsed.text);
  if (keyVariable !== undefined) parsed.keyVariable = keyVariable;
  return maskStrings(parsed);
}

/**
 * Lead-ins that wrap a message in logs and SDK errors (`Error:`, `[400 Bad Request]`, `status code
 * 403:`…). The bullets and crosses (✕ ✗ × •) are written as \u escapes: the bundles stay ASCII
 * (scripts/build.mjs says why).
 */
const LEAD_IN =
  /^(?:[>\u2715\u2717\u00d7!*\u2022-]\s{0,3}|\[?API Error:\s{0,3}|\[[^\]\n]{0,60}\]:?\s{0,3}|(?:[\w.$]{0,80}(?:Error|Exception)|Error|error|ERROR)(?: in thread "[^"\n]{0,40}")?(?: [\w.$]{1,80})?:\s{0,3}|(?:status code|HTTP|API returned|Error code:?)\s{0,3}\d{3}:?\s{0,3}|\d{3}(?: [A-Z][A-Z_]{3,40})?\s{0,3}[.:]?\s{1,3})/;

/** For prose pastes with no `message` field: the first line that says something, without lead-ins. */
function proseMessage(text: string): string | undefined {
  for (const rawLine of text.split('\n', 40)) {
    let line = rawLine.trim();
    for (let i = 0; i < 6; i++) {
      const m = LEAD_IN.exec(line);
      if (!m || m[0].length === 0) break;
      line = line.slice(m[0].length).trim();
    }
    if (/[A-Za-z]{3}/.test(line) && !line.startsWith('{') && !line.startsWith('at ')) return line;
  }
  return undefined;
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function isObject(value: Loose | undefined): value is LooseObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(node: LooseObject | undefined, key: string): string | undefined {
  const v = node?.[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** Reads every `{…}` in a text, then follows JSON hidden inside string values (ApiError.message). */
function collectFromText(text: string, nesting: number, out: Collected): void {
  let from = 0;
  for (let count = 0; count < MAX_OBJECTS_PER_TEXT; count++) {
    const start = text.indexOf('{', from);
    if (start === -1) return;
    const { value, end } = parseLoose(text, start);
    walk(value, nesting, out, 0);
    from = end;
  }
}

function walk(value: Loose, nesting: number, out: Collected, depth: number): void {
  if (depth > 40) return;
  if (typeof value === 'string') {
    if (nesting < MAX_STRING_NESTING && value.length > 8 && value.includes('{')) {
      collectFromText(value, nesting + 1, out);
    }
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) walk(item, nesting, out, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  noteNode(value, nesting, depth, out);
  for (const child of Object.values(value)) walk(child, nesting, out, depth + 1);
}

function noteNode(node: LooseObject, nesting: number, depth: number, out: Collected): void {
  const type = stringField(node, '@type') ?? '';
  const reason = stringField(node, 'reason');
  if (type.endsWith('ErrorInfo') || (reason !== undefined && /^[A-Z][A-Z0-9_]{2,}$/.test(reason))) {
    out.errorInfos.push(node);
  }
  if (type.endsWith('QuotaFailure') || Array.isArray(node['violations'])) out.quotaFailures.push(node);
  const delay = stringField(node, 'retryDelay');
  if (delay !== undefined) out.retryDelays.push(delay);
  const links = node['links'];
  if (Array.isArray(links)) {
    for (const link of links) {
      const url = isObject(link) ? stringField(link, 'url') : undefined;
      if (url !== undefined && /^https?:\/\//.test(url)) out.helpLinks.push(url);
    }
  }
  const hasCode = httpStatusOf(node) !== undefined;
  const rpc = rpcStatusOf(node);
  const message = messageField(node);
  if (!hasCode && rpc === undefined && message === undefined) return;
  // `{ error: {…} }` wrappers score low so the inner error object wins
  let score = nesting * 10 + depth * 0.1;
  if (Array.isArray(node['details'])) score += 5;
  if (rpc !== undefined) score += 4;
  if (hasCode) score += 2;
  if (message !== undefined) score += message.trimStart().startsWith('{') ? 0 : 1;
  out.errors.push({ node, score });
}

function httpStatusOf(node: LooseObject): number | undefined {
  for (const key of ['code', 'status', 'statusCode', 'httpStatus']) {
    const v = node[key];
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{3}$/.test(v) ? Number(v) : undefined;
    if (n !== undefined && n >= 400 && n <= 599) return n;
  }
  return undefined;
}

function rpcStatusOf(node: LooseObject): string | undefined {
  const v = stringField(node, 'status');
  return v !== undefined && isRpcStatus(v) ? v : undefined;
}

function messageField(node: LooseObject): string | undefined {
  const m = stringField(node, 'message');
  if (m === undefined) return undefined;
  // a message that is itself a JSON body is a wrapper, not the message
  return /^\s*[[{]/.test(m) ? undefined : m;
}

function violationsOf(node: LooseObject): QuotaViolation[] {
  const list = node['violations'];
  if (!Array.isArray(list)) return [];
  const out: QuotaViolation[] = [];
  for (const item of list) {
    if (!isObject(item)) continue;
    const v: QuotaViolation = {};
    const metric = stringField(item, 'quotaMetric') ?? stringField(item, 'subject');
    const id = stringField(item, 'quotaId');
    const value = item['quotaValue'];
    if (metric !== undefined) v.quotaMetric = metric;
    if (id !== undefined) v.quotaId = id;
    if (typeof value === 'string' || typeof value === 'number') v.quotaValue = String(value);
    const dims = item['quotaDimensions'];
    if (isObject(dims)) {
      const model = stringField(dims, 'model');
      const location = stringField(dims, 'location');
      if (model !== undefined) v.model = model;
      if (location !== undefined) v.location = location;
    }
    out.push(v);
  }
  return out;
}

/** The key's kind and masked form; never the key. Redacted forms (`AIzaSy...`) still give the kind. */
function detectKey(text: string): { kind?: KeyKind; masked?: string } {
  const standard = text.match(STANDARD_KEY_IN_TEXT)?.[0];
  const auth = text.match(AUTH_KEY_IN_TEXT)?.[0];
  const full = firstOf(text, standard, auth);
  if (full !== undefined)
    return { kind: full.startsWith('AIza') ? 'standard' : 'auth', masked: maskKey(full) };
  // \u2026 is … (an ellipsis): the bundles stay ASCII (scripts/build.mjs says why)
  const partialStandard = /(?<![\w-])AIza(?:Sy|[\w-]{6,}|\.\.\.|\u2026|\*)/.exec(text);
  const partialAuth = /(?<![\w.-])AQ\.(?:[\w-]{2,}|\.\.|\u2026|\*)/.exec(text);
  if (partialStandard && (!partialAuth || partialStandard.index < partialAuth.index))
    return { kind: 'standard' };
  if (partialAuth) return { kind: 'auth' };
  return {};
}

function firstOf(text: string, a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return text.indexOf(a) <= text.indexOf(b) ? a : b;
}
