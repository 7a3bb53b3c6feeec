/** What a command may touch: everything outside the process comes through here, so `run` is testable. */
import type { EnvMap } from '../core/env-map.js';

export type Env = EnvMap;

export type ExitCode = 0 | 1 | 2;

export interface CliIo {
  /** Reads all of standard input (for `explain -`, `--key-stdin`). */
  readStdin?: () => Promise<string>;
  /** Live taps: the bin passes the process streams so long-running commands (emulate) stream. */
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  /** Whether stdout is a terminal: colour and progress only then. */
  isTTY?: boolean;
  /** Asks for a secret on the terminal without echo; present (defined) only when stdin is a terminal. */
  readSecret?: ((prompt: string) => Promise<string>) | undefined;
  /** Working folder for relative paths; defaults to process.cwd(). */
  cwd?: string;
  /** Aborted when the user interrupts (Ctrl-C): long-running commands stop cleanly. */
  signal?: AbortSignal;
}

export interface CliResult {
  exitCode: ExitCode;
  stdout: string;
  stderr: string;
}

export interface CliContext {
  env: Env;
  io: CliIo;
  cwd: string;
  /** Colour allowed: a TTY, and neither NO_COLOR nor --no-color. */
  color: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A command reads its own argv (after the command name) and returns the exit code. */
export type CommandHandler = (argv: readonly string[], ctx: CliContext) => Promise<ExitCode>;
