import type { IncomingMessage } from 'node:http';
import { fingerprintOf, keyKindOf, maskKey } from '../core/key-material.js';
import { type KeyScenarios, keyOf, scenarioHeaderError, transportCheck } from './authentication.js';
import { credentialsOf } from './credentials.js';
import { invalidArgument, type RequestEcho } from './error-answers.js';
import { DEFAULT_MODEL, type EmulatedModel } from './models.js';
import { type Reply, replyOf } from './reply.js';
import { matchRoute, type Route, rpcOf, verbOf } from './routes.js';
import { SCENARIOS, type ScenarioId } from './scenarios.js';
import { successReply } from './success-reply.js';

/**
 * Answer building: one request (method, URL, body) → the reply and the scenario that chose it. Routing
 * and authentication come first; then the key's scenario answers, or the success body does.
 */
export interface Decision {
  scenario: ScenarioId | 'routing';
  reply: Reply;
  /** The key as the journal may show it: masked, and its fingerprint. */
  log: { maskedKey?: string; fingerprint?: string };
}

export interface AnswerSettings {
  models: readonly EmulatedModel[];
  keys: KeyScenarios;
  legacyStandardKeys: boolean;
  projectNumber: string;
  retryDelaySeconds: number;
  now: () => number;
}

export function decide(req: IncomingMessage, url: URL, rawBody: string, settings: AnswerSettings): Decision {
  const route = matchRoute(req.method ?? 'GET', url.pathname);
  const none = { scenario: 'routing' as const, log: {} };
  if (!route) return { ...none, reply: notFoundPage(url.pathname) };
  if (route.api === 'admin') return { ...none, reply: { kind: 'json', status: 200, body: {} } };
  const sent = credentialsOf(req, url);
  const key = keyOf(route, sent);
  const log = key ? { maskedKey: maskKey(key), fingerprint: fingerprintOf(key) } : {};
  const echo = requestEcho(route, key, req, settings);
  const wrap = wrapsErrors(route, url);
  const refused = transportCheck(route, sent, echo);
  if (refused) return { scenario: 'routing', reply: replyOf(refused, route.api === 'openai'), log };
  const headerError = scenarioHeaderError(req);
  if (headerError) {
    return { scenario: 'routing', reply: replyOf(invalidArgument(headerError), route.api === 'openai'), log };
  }
  const scenario = settings.keys.choose(req, key!);
  const definition = SCENARIOS[scenario];
  const legacyOk = settings.legacyStandardKeys && definition.legacyWorks && keyKindOf(key!) === 'standard';
  const answer = legacyOk ? { kind: 'ok' as const } : definition.answer(echo);
  if (answer.kind !== 'ok') return { scenario, reply: replyOf(answer, wrap), log };
  const success = route as Exclude<Route, { api: 'admin' | 'vertex' }>;
  return {
    scenario,
    reply: successReply({
      route: success,
      url,
      rawBody,
      models: settings.models,
      ctx: echo,
      now: settings.now,
    }),
    log,
  };
}

/** Errors come as a JSON array on the OpenAI-compatible layer and in a non-SSE stream, as Google sends them. */
function wrapsErrors(route: Route, url: URL): boolean {
  if (route.api === 'openai') return true;
  return (
    route.api === 'native' &&
    route.action === 'streamGenerateContent' &&
    url.searchParams.get('alt') !== 'sse'
  );
}

function requestEcho(
  route: Route,
  key: string | undefined,
  req: IncomingMessage,
  settings: AnswerSettings,
): RequestEcho {
  return {
    apiVersion: route.api === 'native' ? route.version : 'v1beta',
    rpc: rpcOf(route),
    verb: verbOf(route),
    model: 'model' in route ? route.model.replace(/^models\//, '') : DEFAULT_MODEL,
    maskedKey: key ? maskKey(key) : '',
    projectNumber: settings.projectNumber,
    retryDelaySeconds: settings.retryDelaySeconds,
    callerIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
  };
}

/** Google's front end answers unknown paths with its HTML 404 page, not JSON. */
function notFoundPage(path: string): Reply {
  const safe = path.replace(/[<>&"]/g, '').slice(0, 200);
  const html = `<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 404 (Not Found)!!1</title>\n  <p><b>404.</b> <ins>That’s an error.</ins>\n  <p>The requested URL <code>${safe}</code> was not found on this server.  <ins>That’s all we know.</ins>\n`;
  return { kind: 'text', status: 404, contentType: 'text/html; charset=UTF-8', text: html };
}
