import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { maskKey, maskKeysInText, redactSecret } from '../core/key-material.js';
import { type AnswerSettings, type Decision, decide } from './answer.js';
import { KeyScenarios } from './authentication.js';
import { credentialsOf, placeOf, type SentCredentials } from './credentials.js';
import { MAX_REQUEST_BYTES, payloadTooLarge } from './error-answers.js';
import { EMULATED_MODELS, type EmulatedModel } from './models.js';
import { type Reply, replyOf, writeReply } from './reply.js';
import { matchRoute } from './routes.js';
import type { ScenarioId } from './scenarios.js';

/**
 * The emulator's HTTP server: reads each request, has answer.ts decide the reply (routing,
 * authentication, answer building), writes it, and keeps a journal with keys masked.
 */
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

export { SCENARIO_HEADER } from './authentication.js';
export { MAX_REQUEST_BYTES } from './error-answers.js';
export const DEFAULT_PROJECT_NUMBER = '123456789012';
const JOURNAL_LIMIT = 1000;

interface EmulatorState {
  options: EmulatorOptions;
  settings: AnswerSettings;
  journal: EmulatorRequestLog[];
  closing: AbortController;
}

/** Starts the emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const state: EmulatorState = {
    options,
    settings: {
      models: options.models ?? EMULATED_MODELS,
      keys: new KeyScenarios(options.keys ?? {}),
      legacyStandardKeys: options.legacyStandardKeys === true,
      projectNumber: options.projectNumber ?? DEFAULT_PROJECT_NUMBER,
      retryDelaySeconds: options.retryDelaySeconds ?? 2,
      now: options.now ?? Date.now,
    },
    journal: [],
    closing: new AbortController(),
  };
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(state, req, res).catch(() => {
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
  server.on('clientError', (_error, socket) => answerUnparseable(socket));
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  const reset = () => {
    state.settings.keys.reset();
    state.journal.length = 0;
  };
  let closed: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    host,
    get requests() {
      return state.journal;
    },
    reset,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        state.closing.abort();
        server.close(() => resolve());
        // Hung and keep-alive connections would hold close() forever.
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}

async function handle(state: EmulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = requestUrl(req.url);
  const body = await readBody(req);
  const route = matchRoute(req.method ?? 'GET', url.pathname);
  let decision: Decision;
  if (body === undefined) {
    decision = { scenario: 'routing', reply: replyOf(payloadTooLarge(), false), log: {} };
    res.shouldKeepAlive = false;
  } else {
    decision = decide(req, url, body, state.settings);
  }
  if (route?.api === 'admin') {
    await writeReply(res, adminReply(state, route.action));
    return;
  }
  const latencyMs = Math.max(0, state.options.latencyMs ?? 0);
  if (latencyMs > 0) {
    try {
      await sleep(latencyMs, undefined, { signal: state.closing.signal });
    } catch {
      return;
    }
  }
  record(state, req, url, decision);
  await writeReply(res, decision.reply);
}

function record(state: EmulatorState, req: IncomingMessage, url: URL, decision: Decision): void {
  const sent = credentialsOf(req, url);
  const entry: EmulatorRequestLog = {
    method: req.method ?? 'GET',
    path: maskedPath(url, sent),
    credential: placeOf(sent),
    ...decision.log,
    scenario: decision.scenario,
    status: statusWritten(decision.reply),
  };
  state.journal.push(entry);
  if (state.journal.length > JOURNAL_LIMIT) state.journal.shift();
  state.options.onRequest?.(entry);
}

/** The status the client sees: 200 for a stream or a cut-off body, 502 for a huge one, 0 for none. */
function statusWritten(reply: Reply): number {
  if (reply.kind === 'sse') return 200;
  if (reply.kind !== 'fault') return reply.status;
  if (reply.fault === 'truncated_body') return 200;
  return reply.fault === 'huge_body' ? 502 : 0;
}

function adminReply(state: EmulatorState, action: 'health' | 'requests' | 'reset'): Reply {
  if (action === 'reset') {
    state.settings.keys.reset();
    state.journal.length = 0;
    return { kind: 'json', status: 200, body: { reset: true } };
  }
  if (action === 'requests') return { kind: 'json', status: 200, body: { requests: state.journal } };
  return { kind: 'json', status: 200, body: { ok: true } };
}

/** Unparseable HTTP: Google's front end answers 400 with an HTML page; so do we, then hang up. */
function answerUnparseable(socket: Duplex): void {
  if (socket.writable) {
    const html =
      '<!DOCTYPE html>\n<html lang=en><title>Error 400 (Bad Request)!!1</title><p><b>400.</b> <ins>That’s an error.</ins><p>Your client has issued a malformed or illegal request.  <ins>That’s all we know.</ins>\n';
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(html)}\r\nConnection: close\r\n\r\n${html}`,
    );
  }
  socket.destroy();
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
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
