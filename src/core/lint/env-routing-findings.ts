import type { Evidence } from '../../catalog/types.js';
import type { Finding } from '../finding.js';
import { fingerprintOf, keyKindOf } from '../key-material.js';
import type { ClientId } from '../project-snapshot.js';
import { fileLabelOf } from '../resolution/effective-env.js';
import { decideGoogleSdk, JS_SDK, PYTHON_SDK } from '../resolution/google-sdk-rules.js';
import { displayUrl, parseUrl } from '../url-display.js';
import { causeFinding } from './cause-finding.js';
import type { LintContext } from './lint-context.js';

/** Node clients whose HTTP goes through the built-in fetch (gemini-cli sets up its own proxy agent). */
const NODE_FETCH_CLIENTS: ClientId[] = [
  '@google/genai',
  '@ai-sdk/google',
  '@langchain/google-genai',
  'dotenv',
  'node --env-file',
];
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

export function routingFindings(ctx: LintContext): Finding[] {
  return [
    ...vertexFindings(ctx),
    ...baseUrlFindings(ctx),
    ...proxyFindings(ctx),
    ...openAiCompatFindings(ctx),
  ];
}

/** Where a client's Vertex switch came from: an env flag (and its file), or gemini-cli's settings.json. */
function vertexSwitch(ctx: LintContext, client: ClientId): Evidence {
  if (client === 'gemini-cli') {
    if (ctx.gemini.authTypeFrom === 'settings') {
      return { variable: 'security.auth.selectedType', value: 'vertex-ai', file: '~/.gemini/settings.json' };
    }
    const entry = ctx.gemini.env.get('GOOGLE_GENAI_USE_VERTEXAI');
    return switchEvidence('GOOGLE_GENAI_USE_VERTEXAI', entry?.value ?? 'true', entry?.source);
  }
  const decision = decideGoogleSdk(ctx.envOf(client), client === 'google-genai' ? PYTHON_SDK : JS_SDK);
  const flag = decision.vertexVariable;
  return flag === null ? {} : switchEvidence(flag.name, flag.value, flag.source);
}

function switchEvidence(variable: string, value: string, source: string | undefined): Evidence {
  const file = source === undefined ? null : fileLabelOf(source);
  return file === null ? { variable, value } : { variable, value, file };
}

function vertexFindings(ctx: LintContext): Finding[] {
  const groups = new Map<string, { evidence: Evidence; clients: ClientId[] }>();
  for (const r of ctx.resolutions) {
    if (r.backend !== 'vertex') continue;
    const evidence = vertexSwitch(ctx, r.client);
    const id = JSON.stringify(evidence);
    const group = groups.get(id) ?? { evidence, clients: [] };
    group.clients.push(r.client);
    groups.set(id, group);
  }
  const onGemini = ctx.resolutions.filter((r) => r.backend === 'gemini-api').map((r) => r.client);
  const out: Finding[] = [];
  for (const { evidence, clients } of groups.values()) {
    const split =
      onGemini.length > 0
        ? ` Only ${clients.join(', ')} switch; ${onGemini.join(', ')} stay on the Gemini API (each tool reads "${evidence.value ?? ''}" its own way: @google/genai accepts "true" in any case, google-genai also "1", gemini-cli only exactly "true").`
        : '';
    out.push(
      causeFinding('env.backend', 'vertex_mode_enabled', evidence, {
        clients,
        status: ctx.candidates.length > 0 ? ctx.statusFor(clients, 'fail') : 'warn',
        ...(split ? { detail: split.trim() } : {}),
      }),
    );
  }
  return out;
}

/** A URL is evidence, its secrets are not. */
function safeUrl(raw: string): { shown: string; url: URL | null } {
  return { shown: displayUrl(raw), url: parseUrl(raw) };
}

function isGoogleHost(host: string): boolean {
  return host === 'googleapis.com' || host.endsWith('.googleapis.com');
}

function isLocalHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '0.0.0.0' || /^127\./.test(h);
}

function baseUrlFindings(ctx: LintContext): Finding[] {
  const groups = new Map<string, { evidence: Evidence; clients: ClientId[]; url: URL | null }>();
  for (const r of ctx.resolutions) {
    const { shown, url } = safeUrl(r.baseUrl);
    if (url !== null && isGoogleHost(url.hostname)) continue;
    const variable = r.backend === 'vertex' ? 'GOOGLE_VERTEX_BASE_URL' : 'GOOGLE_GEMINI_BASE_URL';
    const entry = ctx.envOf(r.client).get(variable);
    const file = entry === undefined ? null : fileLabelOf(entry.source);
    const evidence: Evidence = { baseUrl: shown, variable, ...(file ? { file } : {}) };
    const id = JSON.stringify(evidence);
    const group = groups.get(id) ?? { evidence, clients: [], url };
    group.clients.push(r.client);
    groups.set(id, group);
  }
  const out: Finding[] = [];
  for (const { evidence, clients, url } of groups.values()) {
    const keys = ctx.resolutions
      .filter((r) => clients.includes(r.client) && r.key !== null)
      .map((r) => r.key?.fingerprint ?? '');
    if (url === null) {
      out.push(
        causeFinding('env.base_url', 'base_url_override', evidence, {
          clients,
          keys,
          status: 'warn',
          detail:
            'The value is not a valid URL: gemini-cli refuses to start ("Invalid custom base URL") and the SDKs fail on every request.',
        }),
      );
    } else if (isLocalHost(url.hostname)) {
      out.push(
        causeFinding('env.base_url', 'base_url_override', evidence, {
          clients,
          keys,
          status: 'pass',
          detail:
            'The host is this machine: a local emulator or proxy, fine for tests; unset it to reach Google.',
        }),
      );
    } else {
      out.push(
        causeFinding('env.base_url', 'base_url_override', evidence, {
          clients,
          keys,
          ...(url.protocol === 'http:'
            ? { detail: 'It is plain http: the key crosses the network unencrypted.' }
            : {}),
        }),
      );
    }
  }
  return out;
}

function proxyFindings(ctx: LintContext): Finding[] {
  const env = ctx.snapshot.env;
  const set = PROXY_VARIABLES.find((name) => (env[name] ?? '').trim() !== '');
  if (set === undefined) return [];
  if (env['NODE_USE_ENV_PROXY'] === '1' || /--use-env-proxy\b/.test(env['NODE_OPTIONS'] ?? '')) return [];
  return [
    causeFinding('env.proxy', 'proxy_ignored_by_node', { variable: set }, { clients: NODE_FETCH_CLIENTS }),
  ];
}

/** An auth key (`AQ.`) configured for Google's OpenAI-compatible endpoint (reference §9 item 27). */
function openAiCompatFindings(ctx: LintContext): Finding[] {
  const env = ctx.snapshot.env;
  const base = env['OPENAI_BASE_URL'] ?? env['OPENAI_API_BASE'] ?? '';
  const key = (env['OPENAI_API_KEY'] ?? '').trim();
  if (!/generativelanguage\.googleapis\.com\/.*openai/i.test(base) || keyKindOf(key) !== 'auth') return [];
  return [
    causeFinding(
      'env.openai_compat',
      'auth_key_unsupported_endpoint',
      { variable: 'OPENAI_API_KEY', baseUrl: safeUrl(base).shown, endpoint: 'OpenAI-compatible' },
      {
        keys: [fingerprintOf(key)],
        status: 'warn',
        detail:
          'OPENAI_BASE_URL points an OpenAI client at Google\'s OpenAI-compatible endpoint with an auth key (AQ.…); that pairing has failed with "Multiple authentication credentials received" — send it only as `Authorization: Bearer`.',
      },
    ),
  ];
}
