import { createColors } from 'picocolors';
import { renderCause } from '../../catalog/render-cause.js';
import type { Evidence } from '../../catalog/types.js';
import { createClient } from '../../client/client.js';
import { GeminiRequestError } from '../../client/gemini-request-error.js';
import { DEFAULT_PROBE_MODEL } from '../../core/gemini-endpoints.js';
import { maskKeysInText } from '../../core/key-material.js';
import { SecretKey } from '../../core/secret-key.js';
import { terminalSafe, terminalSafeDeep } from '../../core/terminal-safe.js';
import { displayUrl } from '../../core/url-display.js';
import type { CommandSpec } from '../command-spec.js';
import type { CliContext, CommandHandler, ExitCode } from '../context.js';
import { commandBaseUrl, envValue, keyInput, modelOption, timeoutOption } from '../options.js';
import { parseCommand } from '../parse-command.js';
import { UsageError } from '../usage-error.js';

const HELP_AFTER = `
The key comes from --key-stdin, else --key-env NAME, else GOOGLE_API_KEY, then GEMINI_API_KEY
(the order @google/genai uses). The base URL is --base-url, else GOOGLE_GEMINI_BASE_URL, else
Google's. The key is sent only in the x-goog-api-key header and is never printed.

Exit codes: 0 answered · 1 the call failed (the cause and its fix are printed) · 2 usage error.
`;

interface AskFlags {
  model?: string;
  baseUrl?: string;
  keyEnv?: string;
  keyStdin?: boolean;
  json?: boolean;
  timeout?: string;
}

export const SPEC: CommandSpec = {
  name: 'gemini-key-doctor ask',
  description: 'Send one prompt with the resolved key and print the answer (or why it failed).',
  arguments: [['<prompt...>', 'the prompt']],
  options: [
    ['--model <id>', 'model to call', DEFAULT_PROBE_MODEL],
    ['--base-url <url>', 'API base URL (default: GOOGLE_GEMINI_BASE_URL, else Google)'],
    ['--key-env <name>', 'read the key from this environment variable'],
    ['--key-stdin', 'read the key from standard input'],
    ['--json', 'print the result as JSON'],
    ['--timeout <ms>', 'deadline per attempt, in milliseconds', '30000'],
    ['--no-color', 'no ANSI colour'],
  ],
  helpAfter: HELP_AFTER,
};

/** `gemini-key-doctor ask PROMPT`: one prompt through createClient, failures diagnosed. */
export const askCommand: CommandHandler = async (argv, ctx) => {
  const { flags, args } = await parseCommand<AskFlags>(SPEC, argv, ctx);
  const prompt = args.join(' ');
  if (prompt.trim() === '') throw new UsageError('the prompt is empty');
  if (flags.keyEnv !== undefined && flags.keyStdin)
    throw new UsageError('use either --key-env or --key-stdin, not both');
  const timeoutMs = timeoutOption(flags.timeout);
  const baseUrl = commandBaseUrl(flags.baseUrl, ctx.env)?.url;
  warnIfThirdPartyHost(baseUrl, flags.baseUrl === undefined, ctx);
  const model = modelOption(flags.model ?? DEFAULT_PROBE_MODEL);

  const resolved = await resolveKey(flags, ctx);
  if (!resolved) {
    return fail(ctx, flags.json === true, 'key_missing', {
      variable: flags.keyEnv ?? 'GOOGLE_API_KEY / GEMINI_API_KEY',
    });
  }
  const client = createClient({
    key: resolved.key,
    model,
    timeoutMs,
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    ...(ctx.io.signal ? { signal: ctx.io.signal } : {}),
  });
  try {
    const result = await client.generate(prompt);
    if (flags.json) {
      const out = {
        schemaVersion: 1,
        ok: true,
        model: result.model,
        text: result.text,
        usage: result.usage ?? {},
      };
      ctx.out(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      ctx.out(`${terminalSafe(result.text)}\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof GeminiRequestError)) throw error;
    return fail(ctx, flags.json === true, error.causeId, {
      ...error.evidence,
      keyKind: resolved.key.kind,
      maskedKey: resolved.key.masked,
      variable: resolved.source,
      model,
      ...(baseUrl !== undefined ? { baseUrl: displayUrl(baseUrl) } : {}),
    });
  }
};

/** DESIGN.md: a non-Google base URL hands the key to someone else; say so (loopback is fine). */
function warnIfThirdPartyHost(baseUrl: string | undefined, fromEnv: boolean, ctx: CliContext): void {
  if (baseUrl === undefined) return;
  const host = new URL(baseUrl).hostname;
  if (host.endsWith('.googleapis.com') || host === 'localhost' || host === '127.0.0.1' || host === '[::1]')
    return;
  const via = fromEnv ? 'GOOGLE_GEMINI_BASE_URL' : '--base-url';
  ctx.err(`! ${via} sends this key to ${maskKeysInText(host)}, not to Google [base_url_override]\n`);
}

async function resolveKey(
  flags: AskFlags,
  ctx: CliContext,
): Promise<{ key: SecretKey; source: string } | undefined> {
  if (flags.keyStdin) {
    if (!ctx.io.readStdin) throw new UsageError('--key-stdin: no standard input');
    const value = keyInput(await ctx.io.readStdin()).trim();
    return value === '' ? undefined : { key: new SecretKey(value), source: 'stdin' };
  }
  const names = flags.keyEnv !== undefined ? [flags.keyEnv] : ['GOOGLE_API_KEY', 'GEMINI_API_KEY'];
  for (const name of names) {
    const value = envValue(ctx.env, name);
    if (value) return { key: new SecretKey(value), source: `env:${name}` };
  }
  return undefined;
}

function fail(
  ctx: CliContext,
  json: boolean,
  cause: Parameters<typeof renderCause>[0],
  evidence: Evidence,
): ExitCode {
  const rendered = terminalSafeDeep(renderCause(cause, evidence));
  if (json) {
    const out = {
      schemaVersion: 1,
      ok: false,
      cause: rendered.id,
      title: rendered.title,
      detail: rendered.detail,
      fix: rendered.fix,
      evidence,
    };
    ctx.out(maskKeysInText(`${JSON.stringify(out, null, 2)}\n`));
    return 1;
  }
  const c = createColors(ctx.color);
  const status = evidence.httpStatus ? ` (HTTP ${evidence.httpStatus})` : '';
  const lines = [
    `${c.red('✗')} ${rendered.title}${status} ${c.dim(`[${rendered.id}]`)}`,
    `  ${rendered.detail}`,
    ...rendered.fix.map((step, i) => `  ${i + 1}. ${step}`),
  ];
  ctx.err(maskKeysInText(`${lines.join('\n')}\n`));
  return 1;
}
