import { isEmulatorMagicKey } from '../core/key-detect/test-keys.js';
import { keyLikeRuns, maskKeysInText } from '../core/key-material.js';
import type { CliContext, CliIo, CliResult, CommandHandler, Env, ExitCode } from './context.js';
import { HelpShown, UsageError } from './usage-error.js';
import { packageVersion } from './version.js';

/** Subcommands, loaded lazily so that `explain` does not pay for the emulator or the scanner. */
const COMMANDS: Record<string, () => Promise<CommandHandler>> = {
  doctor: async () => (await import('./commands/doctor.js')).doctorCommand,
  explain: async () => (await import('./commands/explain.js')).explainCommand,
  scan: async () => (await import('./commands/scan.js')).scanCommand,
  emulate: async () => (await import('./commands/emulate.js')).emulateCommand,
  ask: async () => (await import('./commands/ask.js')).askCommand,
  hook: async () => (await import('./commands/hook.js')).hookCommand,
  demo: async () => (await import('./commands/demo.js')).demoCommand,
  mcp: async () => (await import('./commands/mcp.js')).mcpCommand,
};

export const USAGE = `gemini-key-doctor — why is my Gemini API key rejected, and how do I fix it?

Usage:
  gemini-key-doctor [doctor] [options]   diagnose the keys this folder's clients would use (default)
  gemini-key-doctor explain [TEXT|-]     classify a pasted error text, offline
  gemini-key-doctor scan [PATH…]         find leaked Gemini keys in files and git history
  gemini-key-doctor emulate              run a local Gemini API emulator with magic test keys
  gemini-key-doctor ask PROMPT           send one prompt with the resolved key
  gemini-key-doctor hook install         install a git pre-commit hook running scan --staged
  gemini-key-doctor demo                 the doctor on the embedded emulator: no key, no network
  gemini-key-doctor mcp                  an MCP server over stdio for coding agents (gemini-key-doctor-mcp)

Run 'gemini-key-doctor COMMAND --help' for a command's options.
The key is never taken from a command-line argument: use the environment, a .env file or --key-stdin.

Exit codes: 0 nothing failing (warnings allowed) · 1 a failing finding · 2 usage or internal error.
`;

/**
 * The whole CLI as a function: parses argv, runs one command, returns what it printed and its
 * exit code. It never calls process.exit and reads nothing from the process but what `io` gives.
 */
export async function run(argv: readonly string[], env: Env, io: CliIo = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const noColorFlag = argv.includes('--no-color');
  let color: boolean | undefined;
  // Last line of defence: a key given anywhere on the way in (environment, arguments, in any
  // disguise) never leaves in any output, even as a fragment some path or URL parser left behind.
  const known = knownKeys(argv, env);
  const guard = (text: string) => (known.length > 0 ? maskKeysInText(text, known) : text);
  const ctx: CliContext = {
    env,
    io,
    cwd: io.cwd ?? process.cwd(),
    // Decided on first use: asking whether stdout is a terminal loads node:tty (and net, streams).
    get color() {
      color ??= !noColorFlag && env['NO_COLOR'] === undefined && env['TERM'] !== 'dumb' && Boolean(io.isTTY);
      return color;
    },
    out: (raw) => {
      const text = guard(raw);
      stdout += text;
      io.onStdout?.(text);
    },
    err: (raw) => {
      const text = guard(raw);
      stderr += text;
      io.onStderr?.(text);
    },
  };
  const exitCode = await dispatch(argv, ctx);
  return { exitCode, stdout, stderr };
}

/**
 * Key-like runs in the arguments and the environment's values. Emulator magic keys are left to
 * the shape-based masking alone: they are public, and their readable slugs (`unrestricted`,
 * `service_disabled`) would otherwise be cut out of the cause ids the report prints.
 */
function knownKeys(argv: readonly string[], env: Env): string[] {
  const found = new Set<string>();
  for (const value of [...argv, ...Object.values(env)]) {
    if (typeof value === 'string' && value.length < 64 * 1024)
      for (const key of keyLikeRuns(value)) if (!isEmulatorMagicKey(key)) found.add(key);
  }
  return [...found];
}

async function dispatch(argv: readonly string[], ctx: CliContext): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    ctx.out(USAGE);
    return 0;
  }
  if (first === '--version' || first === '-V') {
    ctx.out(`${packageVersion()}\n`);
    return 0;
  }
  const named = first !== undefined && Object.hasOwn(COMMANDS, first);
  const load = named ? COMMANDS[first] : COMMANDS['doctor'];
  const args = named ? rest : argv;
  try {
    // The doctor takes no operand: a bare first word is a mistyped command (or a pasted key).
    if (!named && first !== undefined && !first.startsWith('-')) throw unknownCommand(first);
    const handler = await load!();
    return await handler(args, ctx);
  } catch (error) {
    if (error instanceof HelpShown) return 0;
    if (error instanceof UsageError) {
      ctx.err(
        `gemini-key-doctor: ${maskKeysInText(error.message)}\nRun 'gemini-key-doctor --help' for usage.\n`,
      );
      return 2;
    }
    // An internal error: one line, no stack (set GKD_DEBUG=1 to see it). Messages may echo
    // arguments or pasted text, so keys are masked here for every command.
    const message = error instanceof Error ? error.message : String(error);
    ctx.err(`gemini-key-doctor: internal error: ${maskKeysInText(message)}\n`);
    if (ctx.env['GKD_DEBUG'] && error instanceof Error && error.stack)
      ctx.err(`${maskKeysInText(error.stack)}\n`);
    return 2;
  }
}

function unknownCommand(word: string): UsageError {
  const names = Object.keys(COMMANDS);
  const near = names.find((name) => editDistance(name, word.toLowerCase()) <= 2);
  return new UsageError(
    `unknown command '${word.slice(0, 60)}'${near ? ` — did you mean '${near}'?` : ''} (commands: ${names.join(', ')})`,
  );
}

/** Levenshtein distance, for "did you mean" on short command names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}
