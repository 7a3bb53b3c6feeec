#!/usr/bin/env node
// The only place that touches the process: wires stdio and signals to run() and sets the exit code.
import { maskKeysInText } from '../core/key-material.js';
import { readStdinCapped, StdioWriter } from './process-stdio.js';
import { run } from './run.js';

const controller = new AbortController();

// A reader that goes away (`… | head`) is not an error: stop quietly instead of crashing on EPIPE.
const stdio = new StdioWriter(() => {
  controller.abort();
  process.exit(process.exitCode ?? 0);
});
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());

run(process.argv.slice(2), process.env, {
  readStdin: () => readStdinCapped(),
  onStdout: (s) => stdio.write(1, s),
  onStderr: (s) => stdio.write(2, s),
  // Asked only when a command renders for a terminal; isatty(1) answers without creating the
  // stream that process.stdout.isTTY would.
  get isTTY() {
    return process.getBuiltinModule('node:tty').isatty(1);
  },
  cwd: process.cwd(),
  signal: controller.signal,
}).then(
  (result) => {
    process.exitCode = result.exitCode;
  },
  (error: unknown) => {
    stdio.write(
      2,
      `gemini-key-doctor: internal error: ${maskKeysInText(error instanceof Error ? error.message : String(error))}\n`,
    );
    process.exitCode = 2;
  },
);
