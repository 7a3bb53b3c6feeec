import { resolve } from 'node:path';
import { createColors } from 'picocolors';
import { displayPath } from '../../core/display-path.js';
import { maskKeysInText } from '../../core/key-material.js';
import { emulatorEnv, runChild } from '../../emulator/exec-child.js';
import { MAGIC_KEYS, magicKeyListing, workingMagicKey } from '../../emulator/magic-keys.js';
import {
  type EmulatorOptions,
  type EmulatorRequestLog,
  type RunningEmulator,
  startEmulator,
} from '../../emulator/server.js';
import { readFileSnapshot } from '../../io/read-project.js';
import type { CommandSpec } from '../command-spec.js';
import type { CliContext, CommandHandler, ExitCode } from '../context.js';
import { integerOption } from '../options.js';
import { parseCommand } from '../parse-command.js';
import { UsageError } from '../usage-error.js';

const HELP_AFTER = `
The first line of standard output is the base URL (http://127.0.0.1:PORT); point a client at it
with GOOGLE_GEMINI_BASE_URL, or httpOptions.baseUrl. Serves until Ctrl-C.
Magic keys select answers (emulate --list); any other well-formed key gets API_KEY_INVALID.
Header ${'`'}x-emulator-scenario: quota_exhausted*2,ok${'`'} overrides the key's scenario per request.

--exec -- CMD… starts the emulator, runs CMD with GOOGLE_GEMINI_BASE_URL pointed at it (and
GEMINI_API_KEY set to a working magic key when neither GEMINI_API_KEY nor GOOGLE_API_KEY is set),
then exits with CMD's status.

Exit codes: 0 stopped cleanly (or CMD's status with --exec) · 2 usage error, bad config, port in use.
`;

interface EmulateFlags {
  port?: string;
  host?: string;
  latency?: string;
  config?: string;
  legacyKeys?: boolean;
  list?: boolean;
  json?: boolean;
  exec?: boolean;
  quiet?: boolean;
}

export const SPEC: CommandSpec = {
  name: 'gemini-key-doctor emulate',
  description: 'Run a local Gemini API emulator with magic test keys for every failure mode.',
  arguments: [['[command...]', 'with --exec: the command to run against the emulator (after --)']],
  options: [
    ['--port <n>', 'port to listen on (0 = any free port)', '0'],
    ['--host <host>', 'address to bind', '127.0.0.1'],
    ['--latency <ms>', 'delay added before every answer, in milliseconds', '0'],
    ['--config <file>', 'JSON file mapping your own keys to scenarios (and other settings)'],
    ['--legacy-keys', 'pre-2026 rules: unrestricted standard keys still work'],
    ['--list', 'print the magic keys and exit'],
    ['--json', 'machine-readable output (--list: JSON array; serving: JSON lines)'],
    ['--exec', 'run the command after -- against the emulator, then exit with its status'],
    ['--quiet', 'do not log requests to standard error'],
    ['--no-color', 'no ANSI colour'],
  ],
  helpAfter: HELP_AFTER,
};

/** `gemini-key-doctor emulate`: thin over startEmulator / MAGIC_KEYS. */
export const emulateCommand: CommandHandler = async (argv, ctx) => {
  const { flags, args: command } = await parseCommand<EmulateFlags>(SPEC, argv, ctx);

  if (flags.list) {
    if (command.length > 0 || flags.exec) throw new UsageError('--list takes no command');
    ctx.out(flags.json ? `${JSON.stringify(magicKeyListing(), null, 2)}\n` : renderList(ctx.color));
    return 0;
  }
  if (flags.exec && command.length === 0) throw new UsageError('--exec needs a command after --');
  if (!flags.exec && command.length > 0) {
    throw new UsageError(`unexpected argument '${command[0]}' (use --exec -- CMD… to run a command)`);
  }

  const options: EmulatorOptions = {
    port: integerOption('--port', flags.port ?? '0', 0, 65535),
    host: flags.host ?? '127.0.0.1',
    latencyMs: integerOption('--latency', flags.latency ?? '0', 0, 600_000),
  };
  if (flags.config !== undefined) {
    // The config's schema needs zod, the largest dependency: loaded only when there is a config.
    const configFile = await import('../../emulator/config-file.js');
    try {
      Object.assign(options, await loadConfig(flags.config, ctx, configFile));
    } catch (error) {
      if (error instanceof configFile.EmulatorConfigError) {
        ctx.err(`gemini-key-doctor: ${maskKeysInText(error.message)}\n`);
        return 2;
      }
      throw error;
    }
  }
  if (flags.legacyKeys) options.legacyStandardKeys = true;
  // The flag wins over the file only when given explicitly (its default is 0).
  if (argv.some((a) => a === '--latency' || a.startsWith('--latency='))) {
    options.latencyMs = integerOption('--latency', flags.latency ?? '0', 0, 600_000);
  }
  const quiet = flags.quiet === true || flags.exec === true;
  if (!quiet) options.onRequest = (entry) => logRequest(entry, ctx, flags.json === true);

  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'EADDRINUSE' ? 'is in use' : code === 'EACCES' ? 'is not allowed' : `failed (${code})`;
    ctx.err(`gemini-key-doctor: listening on ${options.host}:${options.port} ${why}\n`);
    return 2;
  }
  ctx.out(flags.json ? `${JSON.stringify({ url: emulator.url })}\n` : `${emulator.url}\n`);
  try {
    return flags.exec ? await execCommand(command, emulator, ctx) : await serveUntilStopped(emulator, ctx);
  } finally {
    await emulator.close();
  }
};

async function serveUntilStopped(emulator: RunningEmulator, ctx: CliContext): Promise<ExitCode> {
  ctx.err(
    `Gemini API emulator on ${emulator.url} — working keys: ${workingMagicKey('auth')} (auth), ` +
      `${workingMagicKey('standard')} (standard). 'emulate --list' shows every magic key. Ctrl-C stops.\n`,
  );
  const signal = ctx.io.signal;
  if (!signal) throw new UsageError('emulate needs a way to be stopped (no signal available)');
  if (!signal.aborted) {
    await new Promise<void>((done) => signal.addEventListener('abort', () => done(), { once: true }));
  }
  return 0;
}

async function execCommand(command: string[], emulator: RunningEmulator, ctx: CliContext): Promise<ExitCode> {
  const env: Record<string, string | undefined> = { ...ctx.env, ...emulatorEnv(emulator.url) };
  if (!ctx.env['GEMINI_API_KEY'] && !ctx.env['GOOGLE_API_KEY']) {
    env['GEMINI_API_KEY'] = workingMagicKey('auth');
    ctx.err('gemini-key-doctor: GEMINI_API_KEY set to a working magic key for the command\n');
  }
  try {
    const child = await runChild(command, env, {
      cwd: ctx.cwd,
      onStdout: ctx.out,
      onStderr: ctx.err,
      ...(ctx.io.signal ? { signal: ctx.io.signal } : {}),
    });
    // The command's own status passes through (the bin hands any number to process.exitCode).
    return child.status as ExitCode;
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    ctx.err(`gemini-key-doctor: cannot run '${command[0]}' (${code})\n`);
    return 2;
  }
}

/** A config maps keys to scenarios: a megabyte is thousands of entries. */
const MAX_CONFIG_BYTES = 1024 * 1024;

async function loadConfig(
  file: string,
  ctx: CliContext,
  { EmulatorConfigError, parseEmulatorConfig }: typeof import('../../emulator/config-file.js'),
): Promise<Partial<EmulatorOptions>> {
  // Read like a .env: a FIFO would block forever (even SIGTERM waits on it), a huge file is not a config.
  const snapshot = await readFileSnapshot(resolve(ctx.cwd, file), MAX_CONFIG_BYTES);
  if (snapshot.kind !== 'file') {
    const why =
      snapshot.kind === 'unreadable'
        ? snapshot.reason
        : snapshot.kind === 'missing'
          ? 'no such file'
          : 'a folder';
    throw new EmulatorConfigError(`${displayPath(file)}: cannot read (${why})`);
  }
  const text = new TextDecoder().decode(snapshot.bytes);
  const config = parseEmulatorConfig(text, displayPath(file));
  const options: Partial<EmulatorOptions> = {};
  if (config.keys) options.keys = config.keys;
  if (config.latencyMs !== undefined) options.latencyMs = config.latencyMs;
  if (config.legacyStandardKeys !== undefined) options.legacyStandardKeys = config.legacyStandardKeys;
  if (config.retryDelaySeconds !== undefined) options.retryDelaySeconds = config.retryDelaySeconds;
  if (config.projectNumber !== undefined) options.projectNumber = config.projectNumber;
  return options;
}

/** One line per request on standard error; the key appears only masked. */
function logRequest(entry: EmulatorRequestLog, ctx: CliContext, json: boolean): void {
  if (json) {
    ctx.out(`${JSON.stringify(entry)}\n`);
    return;
  }
  const c = createColors(ctx.color);
  const status = entry.status === 0 ? 'no answer' : String(entry.status);
  const colored = entry.status >= 200 && entry.status < 300 ? c.green(status) : c.red(status);
  ctx.err(
    `${entry.method} ${entry.path} ${c.dim(entry.maskedKey ?? entry.credential)} → ${colored} ${c.dim(entry.scenario)}\n`,
  );
}

function renderList(color: boolean): string {
  const c = createColors(color);
  const lines = MAGIC_KEYS.map(
    (k) =>
      `${k.key}  ${String(k.http || '-').padEnd(3)}  ${(k.cause ?? 'works').padEnd(30)}  ${c.dim(k.description)}`,
  );
  return `${c.bold('Magic keys')} (fake; only the emulator honours them)\n${lines.join('\n')}\n`;
}
