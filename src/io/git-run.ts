import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/** A git command that failed: its exit code and first stderr line (never a key: git prints paths). */
export class GitError extends Error {
  override readonly name = 'GitError';
  readonly exitCode: number | null;
  constructor(args: readonly string[], exitCode: number | null, stderr: string) {
    super(
      `git ${args[0] ?? ''} failed${exitCode !== null ? ` (exit ${exitCode})` : ''}: ${firstLine(stderr)}`,
    );
    this.exitCode = exitCode;
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.slice(0, 300) ?? '';
}

/** Environment for every git call: no pager, no prompts, untranslated messages, raw path bytes. */
const GIT_ENV = {
  ...process.env,
  GIT_TERMINAL_PROMPT: '0',
  GIT_PAGER: 'cat',
  LC_ALL: 'C',
  GIT_OPTIONAL_LOCKS: '0',
};

/** No fsmonitor: a scanned repository's `.git/config` must not make us run its program. */
const GIT_CONFIG = ['-c', 'core.quotePath=false', '-c', 'color.ui=false', '-c', 'core.fsmonitor=false'];

export interface GitCaptureOptions {
  input?: string | Buffer;
  /** Exit codes that are answers rather than failures (`check-ignore` answers 1 for "not ignored"). */
  okExitCodes?: number[];
  /** Kill git after this long (a quick question in a folder we do not know); rejects with GitError. */
  timeoutMs?: number;
}

/** Runs git to completion and returns its stdout as bytes. Rejects with GitError on failure. */
export function gitCapture(
  cwd: string,
  args: readonly string[],
  options: GitCaptureOptions = {},
): Promise<{ stdout: Buffer; exitCode: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...GIT_CONFIG, ...args], {
      cwd,
      env: GIT_ENV,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
      ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {}),
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.length < 4096) err += chunk.toString('utf8');
    });
    child.on('error', (error) => reject(new GitError(args, null, error.message)));
    child.on('close', (code) => {
      const exitCode = code ?? -1;
      if (exitCode === 0 || options.okExitCodes?.includes(exitCode)) {
        resolve({ stdout: Buffer.concat(out), exitCode });
      } else reject(new GitError(args, code, err));
    });
    child.stdin.on('error', () => {}); // git may exit before reading all of its input
    child.stdin.end(options.input ?? '');
  });
}

/** Starts a long-running git (history streams); the caller reads stdout and must await `done`. */
export function gitStream(
  cwd: string,
  args: readonly string[],
): { child: ChildProcessByStdio<Writable, Readable, Readable>; done: Promise<void> } {
  const child = spawn('git', [...GIT_CONFIG, ...args], {
    cwd,
    env: GIT_ENV,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (err.length < 4096) err += chunk.toString('utf8');
  });
  child.stdin.on('error', () => {});
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error) => reject(new GitError(args, null, error.message)));
    child.on('close', (code, signal) => {
      if (code === 0 || signal === 'SIGTERM' || signal === 'SIGPIPE') resolve();
      else reject(new GitError(args, code, err));
    });
  });
  return { child, done };
}

/** Splits NUL-separated git output into entries (the last empty one dropped). */
export function splitNul(bytes: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = bytes.indexOf(0); at !== -1; at = bytes.indexOf(0, start)) {
    parts.push(bytes.subarray(start, at));
    start = at + 1;
  }
  if (start < bytes.length) parts.push(bytes.subarray(start));
  return parts;
}
