#!/usr/bin/env node
// The only place that touches the process: wires stdio and signals to run() and sets the exit code.
import { maskKeysInText } from '../core/key-material.js';
import { readSecret } from './read-secret.js';
import { readAllCapped } from './read-stream.js';
import { run } from './run.js';

const controller = new AbortController();

// A reader that goes away (`… | head`) is not an error: stop quietly instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      controller.abort();
      process.exit(process.exitCode ?? 0);
    }
    throw error;
  });
}
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());

const readStdin = async (): Promise<string> => {
  try {
    return await readAllCapped(process.stdin);
  } finally {
    // An endless source (/dev/zero, a stuck producer) must not keep the process alive.
    process.stdin.destroy();
  }
};

run(process.argv.slice(2), process.env, {
  readStdin,
  onStdout: (s) => process.stdout.write(s),
  onStderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  ...(process.stdin.isTTY
    ? { readSecret: (prompt: string) => readSecret(process.stdin, (s) => process.stderr.write(s), prompt) }
    : {}),
  cwd: process.cwd(),
  signal: controller.signal,
}).then(
  (result) => {
    process.exitCode = result.exitCode;
  },
  (error: unknown) => {
    process.stderr.write(
      `gemini-key-doctor: internal error: ${maskKeysInText(error instanceof Error ? error.message : String(error))}\n`,
    );
    process.exitCode = 2;
  },
);
