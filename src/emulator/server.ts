import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fingerprintOf, keyKindOf, maskKey, maskKeysInText, redactSecret } from '../core/key-material.js';
import {
  countCredentials,
  credentialsOf,
  isWellFormedKey,
  placeOf,
  type SentCredentials,
} from './credentials.js';
import {
  accessTokenTypeUnsupported,
  apiKeyInvalid,
  invalidArgument,
  multipleCredentials,
  type RequestEcho,
  unregisteredCaller,
  vertexApiKeysNotSupported,
  vertexBlockedForAuthKey,
  vertexCredentialsMissing,
} from './error-answers.js';
import { googleError } from './google-status.js';
import { findMagicKey, magicKeySequence } from './magic-keys.js';
import { DEFAULT_MODEL, EMULATED_MODELS, type EmulatedModel } from './models.js';
import { type Reply, replyOf, writeReply } from './reply.js';
import { matchRoute, type Route, rpcOf, verbOf } from './routes.js';
import { parseScenarioSpec, type ScenarioSequence, SequenceCursor } from './scenario-sequence.js';
import { SCENARIOS, type ScenarioId } from './scenarios.js';
import { successReply } from './success-reply.js';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the emulator is for this machine only. */
  host?: string;
  /** Added before every answer, in milliseconds. */
  latencyMs?: number;
  /** Pre-2026 rules: standard keys work even unrestricted or after the standard-key cutoff. */
  legacyStandardKeys?: boolean;
  /** Your own keys (or `fp:<8 hex>` fingerprints) → scenario spec, e.g. `quota_exhausted*2,ok`. */
  keys?: Readonly<Record<string, string>>;
  /** RetryInfo delay in 429 answers, seconds (default 2). */
  retryDelaySeconds?: number;
  /** Project number echoed in metadata (`consumer`, `activationUrl`). */
  projectNumber?: string;
  models?: readonly EmulatedModel[];
  /** Called once per answered request, with the key masked. */
  onRequest?: (entry: EmulatorRequestLog) => void;
  /** Clock for `created` fields (tests). */
  now?: () => number;
}

/** One line of the request journal. Never holds a key: only its masked form and fingerprint. */
export interface EmulatorRequestLog {
  method: string;
  /** Path and query, with any `key=` value masked. */
  path: string;
  credential: ReturnType<typeof placeOf>;
  maskedKey?: string;
  fingerprint?: string;
  scenario: ScenarioId | 'routing';
  /** HTTP status written; 0 for a reset or a hang. */
  status: number;
}

export interface RunningEmulator {
  /** Base URL, `http://127.0.0.1:PORT` (what GOOGLE_GEMINI_BASE_URL takes). */
  url: string;
  port: number;
  host: string;
  /** The journal, newest last (at most 1000 entries). */
  readonly requests: readonly EmulatorRequestLog[];
  /** Restarts every sequence and clears the journal. */
  reset(): void;
  close(): Promise<void>;
}

export const SCENARIO_HEADER = 'x-emulator-scenario';
export const DEFAULT_PROJECT_NUMBER = '123456789012';
/** Google's request size limit ("Request payload size exceeds the limit: 20971520 bytes."). */
export const MAX_REQUEST_BYTES = 20 * 1024 * 1024;
const JOURNAL_LIMIT = 1000;

interface Decision {
  scenario: ScenarioId | 'routing';
  reply: Reply;
  log: Pick<EmulatorRequestLog, 'maskedKey' | 'fingerprint'>;
}

/** Starts the emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const models = options.models ?? EMULATED_MODELS;
  const latencyMs = Math.max(0, options.latencyMs ?? 0);
  const cursor = new SequenceCursor();
  const journal: EmulatorRequestLog[] = [];
  const userKeys = compileUserKeys(options.keys ?? {});
  const closing = new AbortController();
  const sockets = new Set<Socket>();

  const decide = (req: IncomingMessage, url: URL, rawBody: string): Decision => {
    const route = matchRoute(req.method ?? 'GET', url.pathname);
    const none = { scenario: 'routing' as const, log: {} };
    if (!route) return { ...none, reply: notFoundPage(url.pathname) };
    if (route.api === 'admin') return { ...none, reply: { kind: 'json', status: 200, body: {} } };
    const sent = credentialsOf(req, url);
    const key = route.api === 'openai' ? sent.bearer : (sent.header ?? sent.query);
    const log = key ? { maskedKey: maskKey(key), fingerprint: fingerprintOf(key) } : {};
    const ctx = contextFor(route, key, req);
    const early = transportCheck(route, sent, ctx);
    if (early) return { scenario: 'routing', reply: early, log };
    const headerError = scenarioHeaderError(req);
    if (headerError)
      return {
        scenario: 'routing',
        reply: replyOf(invalidArgument(headerError), route.api === 'openai'),
        log,
      };
    const scenario = chooseScenario(req, key!);
    const definition = SCENARIOS[scenario];
    const legacyOk =
      options.legacyStandardKeys === true && definition.legacyWorks && keyKindOf(key!) === 'standard';
    const answer = legacyOk ? { kind: 'ok' as const } : definition.answer(ctx);
    const wrap =
      route.api === 'openai' ||
      (route.api === 'native' &&
        route.action === 'streamGenerateContent' &&
        url.searchParams.get('alt') !== 'sse');
    const reply =
      answer.kind === 'ok'
        ? successReply({
            route: route as Exclude<Route, { api: 'admin' | 'vertex' }>,
            url,
            rawBody,
            models,
            ctx,
            now,
          })
        : replyOf(answer, wrap);
    return { scenario, reply, log };
  };

  const now = options.now ?? Date.now;

  const contextFor = (route: Route, key: string | undefined, req: IncomingMessage): RequestEcho => ({
    apiVersion: route.api === 'native' ? route.version : 'v1beta',
    rpc: rpcOf(route),
    verb: verbOf(route),
    model: 'model' in route ? route.model.replace(/^models\//, '') : DEFAULT_MODEL,
    maskedKey: key ? maskKey(key) : '',
    projectNumber: options.projectNumber ?? DEFAULT_PROJECT_NUMBER,
    retryDelaySeconds: options.retryDelaySeconds ?? 2,
    callerIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
  });

  /** Google's own checks on where the credential travels, before any key is looked up. */
  const transportCheck = (route: Route, sent: SentCredentials, ctx: RequestEcho): Reply | undefined => {
    const count = countCredentials(sent);
    if (route.api === 'vertex') {
      if (count === 0) return replyOf(vertexUnauthenticated(), false);
      const key = sent.header ?? sent.query;
      if (!key) return replyOf(accessTokenTypeUnsupported(ctx), false);
      if (!route.express) return replyOf(vertexApiKeysNotSupported(), false);
      return replyOf(
        keyKindOf(key) === 'auth' ? vertexBlockedForAuthKey(ctx) : vertexCredentialsMissing(),
        false,
      );
    }
    const wrap = route.api === 'openai';
    if (count > 1) return replyOf(multipleCredentials(), wrap);
    if (route.api === 'openai') {
      // reference/auth-keys-2026.md §2: this layer wants Authorization: Bearer only.
      if (!sent.bearer) {
        return replyOf(
          {
            kind: 'error',
            status: 400,
            body: googleError(400, 'INVALID_ARGUMENT', 'Missing or invalid Authorization header.'),
          },
          true,
        );
      }
      return isWellFormedKey(sent.bearer) ? undefined : replyOf(apiKeyInvalid(), true);
    }
    if (count === 0) return replyOf(unregisteredCaller(), false);
    if (sent.bearer) {
      // An API key (or anything that is not an OAuth token we could check) as Bearer on a native route.
      return replyOf(accessTokenTypeUnsupported(ctx), false);
    }
    const key = (sent.header ?? sent.query)!;
    return isWellFormedKey(key) ? undefined : replyOf(apiKeyInvalid(), false);
  };

  const chooseScenario = (req: IncomingMessage, key: string): ScenarioId => {
    const spec = scenarioHeader(req);
    if (spec) {
      const parsed = parseScenarioSpec(spec);
      if (parsed.ok) return cursor.next(`header:${spec}:${fingerprintOf(key)}`, parsed.steps);
    }
    const mine = userKeys.byKey.get(key) ?? userKeys.byFingerprint.get(fingerprintOf(key));
    if (mine) return cursor.next(`key:${fingerprintOf(key)}`, mine);
    const magic = magicKeySequence(key);
    if (magic && findMagicKey(key)) return cursor.next(`key:${fingerprintOf(key)}`, magic);
    return 'key_invalid';
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = requestUrl(req.url);
    const body = await readBody(req);
    let decision: Decision;
    if (body === undefined) {
      decision = {
        scenario: 'routing',
        reply: replyOf(
          {
            kind: 'error',
            status: 400,
            body: googleError(
              400,
              'INVALID_ARGUMENT',
              `Request payload size exceeds the limit: ${MAX_REQUEST_BYTES} bytes.`,
            ),
          },
          false,
        ),
        log: {},
      };
      res.shouldKeepAlive = false;
    } else {
      decision = decide(req, url, body);
    }
    const route = matchRoute(req.method ?? 'GET', url.pathname);
    if (route?.api === 'admin') {
      decision.reply = adminReply(route.action);
    }
    if (latencyMs > 0 && route?.api !== 'admin') {
      try {
        await sleep(latencyMs, undefined, { signal: closing.signal });
      } catch {
        return;
      }
    }
    const status =
      decision.reply.kind === 'fault'
        ? decision.reply.fault === 'truncated_body'
          ? 200
          : decision.reply.fault === 'huge_body'
            ? 502
            : 0
        : decision.reply.kind === 'sse'
          ? 200
          : decision.reply.status;
    if (route?.api !== 'admin') {
      const sent = credentialsOf(req, url);
      const entry: EmulatorRequestLog = {
        method: req.method ?? 'GET',
        path: maskedPath(url, sent),
        credential: placeOf(sent),
        ...decision.log,
        scenario: decision.scenario,
        status,
      };
      journal.push(entry);
      if (journal.length > JOURNAL_LIMIT) journal.shift();
      options.onRequest?.(entry);
    }
    await writeReply(res, decision.reply);
  };

  const adminReply = (action: 'health' | 'requests' | 'reset'): Reply => {
    if (action === 'reset') {
      cursor.reset();
      journal.length = 0;
      return { kind: 'json', status: 200, body: { reset: true } };
    }
    if (action === 'requests') return { kind: 'json', status: 200, body: { requests: journal } };
    return { kind: 'json', status: 200, body: { ok: true } };
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('emulator internal error');
      } else {
        res.destroy();
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Unparseable HTTP: Google's front end answers 400 with an HTML page; so do we, then hang up.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) {
      const html =
        '<!DOCTYPE html>\n<html lang=en><title>Error 400 (Bad Request)!!1</title><p><b>400.</b> <ins>That’s an error.</ins><p>Your client has issued a malformed or illegal request.  <ins>That’s all we know.</ins>\n';
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(html)}\r\nConnection: close\r\n\r\n${html}`,
      );
    }
    socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    get requests() {
      return journal;
    },
    reset: () => {
      cursor.reset();
      journal.length = 0;
    },
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        // Hung and keep-alive connections would hold close() forever.
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}

function compileUserKeys(keys: Readonly<Record<string, string>>): {
  byKey: Map<string, ScenarioSequence>;
  byFingerprint: Map<string, ScenarioSequence>;
} {
  const byKey = new Map<string, ScenarioSequence>();
  const byFingerprint = new Map<string, ScenarioSequence>();
  for (const [name, spec] of Object.entries(keys)) {
    const parsed = parseScenarioSpec(spec);
    if (!parsed.ok) throw new Error(`emulator keys: ${parsed.error}`);
    const fp = /^fp:([0-9a-f]{8})$/i.exec(name);
    if (fp) byFingerprint.set(fp[1]!.toLowerCase(), parsed.steps);
    else byKey.set(name, parsed.steps);
  }
  return { byKey, byFingerprint };
}

/** The request target as a URL; `//x` and absolute forms stay paths (never a host of their own). */
function requestUrl(target: string | undefined): URL {
  const path = target?.startsWith('/') ? target : `/${target ?? ''}`;
  try {
    return new URL(`http://emulator.invalid${path}`);
  } catch {
    return new URL('http://emulator.invalid/_invalid_request_target');
  }
}

function scenarioHeader(req: IncomingMessage): string | undefined {
  const header = req.headers[SCENARIO_HEADER];
  return Array.isArray(header) ? header[0] : header;
}

/** A mistyped scenario header must not silently fall back to the key's own behaviour. */
function scenarioHeaderError(req: IncomingMessage): string | undefined {
  const spec = scenarioHeader(req);
  if (spec === undefined) return undefined;
  const parsed = parseScenarioSpec(spec);
  return parsed.ok ? undefined : `Invalid ${SCENARIO_HEADER} header: ${parsed.error.slice(0, 200)}.`;
}

/** Reads the body up to Google's limit; undefined when it is larger (the rest is discarded). */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
    req.on('close', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
  });
}

/**
 * Path and query as logged (stderr, --json lines, /_emulator/requests): each `key=` value is
 * replaced by its own masked form, and the request's other credentials and anything key-shaped
 * are hidden wherever they appear (a key pasted into the model segment of the path).
 */
function maskedPath(url: URL, sent: SentCredentials): string {
  const search = url.search.replace(
    /([?&]key=)([^&]*)/g,
    (_, head: string, raw: string) => head + maskKey(decodedParam(raw)),
  );
  let path = `${url.pathname}${search}`;
  for (const secret of [sent.header, sent.bearer, sent.query]) {
    if (secret) path = redactSecret(path, secret);
  }
  return maskKeysInText(path);
}

function decodedParam(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** Vertex AI without any credential (the standard Cloud 401). */
function vertexUnauthenticated() {
  return {
    kind: 'error' as const,
    status: 401,
    body: googleError(
      401,
      'UNAUTHENTICATED',
      'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    ),
  };
}

/** Google's front end answers unknown paths with its HTML 404 page, not JSON. */
function notFoundPage(path: string): Reply {
  const safe = path.replace(/[<>&"]/g, '').slice(0, 200);
  const html = `<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 404 (Not Found)!!1</title>\n  <p><b>404.</b> <ins>That’s an error.</ins>\n  <p>The requested URL <code>${safe}</code> was not found on this server.  <ins>That’s all we know.</ins>\n`;
  return { kind: 'text', status: 404, contentType: 'text/html; charset=UTF-8', text: html };
}
