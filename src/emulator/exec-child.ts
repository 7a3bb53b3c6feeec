import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { EnvMap } from '../core/env-map.js';

/**
 * Environment a child process needs to talk to the emulator without code changes (the way
 * `firebase emulators:exec` sets FIRESTORE_EMULATOR_HOST): @google/genai (JS, since 1.6) and
 * google-genai (Python) read GOOGLE_GEMINI_BASE_URL when no baseUrl is given in code; gemini-cli
 * goes through @google/genai. (Checked in @google/genai 2.32.0's dist: `getBaseUrl(httpOptions,
 * vertexai, GOOGLE_VERTEX_BASE_URL, GOOGLE_GEMINI_BASE_URL)` is used when no baseUrl is set.)
 * GEMINI_EMULATOR_URL is ours, for code that wants to know.
 */
export function emulatorEnv(url: string): Record<string, string> {
  return { GOOGLE_GEMINI_BASE_URL: url, GEMINI_EMULATOR_URL: url };
}

export interface ChildRun {
  /** The child's exit status; 128 + signal number when it was killed by a signal. */
  status: number;
}

/**
 * Runs a command with extra environment, streaming its output through the callbacks, and resolves
 * with its exit status. A single operand with spaces runs through the shell (`--exec "npm test"`).
 * Rejects only when the command cannot start (ENOENT…). `signal` stops the child (SIGTERM).
 */
export function runChild(
  command: readonly string[],
  env: EnvMap,
  io: { cwd: string; onStdout: (s: string) => void; onStderr: (s: string) => void; signal?: AbortSignal },
): Promise<ChildRun> {
  const [file, ...args] = command;
  const viaShell = command.length === 1 && /\s/.test(file!);
  return new Promise((resolve, reject) => {
    const child = spawn(file!, args, {
      cwd: io.cwd,
      env: env as NodeJS.ProcessEnv,
      shell: viaShell,
      stdio: ['inherit', 'pipe', 'pipe'],
    });
    child.stdout.setEncoding('utf8').on('data', io.onStdout);
    child.stderr.setEncoding('utf8').on('data', io.onStderr);
    const stop = (): void => {
      child.kill('SIGTERM');
    };
    io.signal?.addEventListener('abort', stop, { once: true });
    child.once('error', (error) => {
      io.signal?.removeEventListener('abort', stop);
      reject(error);
    });
    child.once('close', (code, signalName) => {
      io.signal?.removeEventListener('abort', stop);
      if (code !== null) resolve({ status: code });
      else resolve({ status: 128 + (signalName ? (constants.signals[signalName] ?? 1) : 1) });
    });
  });
}
