#!/usr/bin/env node
// The only place that touches the process: wires stdio and signals to run() and sets the exit code.
import { maskKeysInText } from '../core/key-material.js';
import { enableCompileCache } from './compile-cache.js';
import { isTerminal } from './is-terminal.js';
import { readStdinCapped, StdioWriter } from './process-stdio.js';
import { readSecret } from './read-secret.js';
import { run } from './run.js';

/** Inlined by the bundler (scripts/build.mjs): the hash of the sources this bundle was built from. */
declare const __GKD_BUILD_ID__: string | undefined;
// Bundled only: the command bundles beside this file are compiled from V8's cache after a first run.
if (typeof __GKD_BUILD_ID__ === 'string') {
  enableCompileCache(import.meta.dirname, __GKD_BUILD_ID__, process.env);
}

/**
 * Ctrl-C and SIGTERM abort this signal, so that a command that asks for it (the doctor's probes,
 * the emulator, a scan) stops cleanly. Set up when first asked for: a command that never asks
 * (explain, --version) keeps Node's default, ending at once, and does not load the abort
 * controller and signal modules (~0.3 ms).
 */
let controller: AbortController | undefined;
function stopSignal(): AbortSignal {
  if (controller === undefined) {
    const created = new AbortController();
    controller = created;
    process.once('SIGINT', () => created.abort());
    process.once('SIGTERM', () => created.abort());
  }
  return controller.signal;
}

// A reader that goes away (`… | head`) is not an error: stop quietly instead of crashing on EPIPE.
const stdio = new StdioWriter(() => {
  controller?.abort();
  process.exit(process.exitCode ?? 0);
});

run(process.argv.slice(2), process.env, {
  readStdin: () => readStdinCapped(),
  onStdout: (s) => stdio.write(1, s),
  onStderr: (s) => stdio.write(2, s),
  // Asked only when a command renders text (is-terminal.ts: mostly without loading node:tty).
  get isTTY() {
    return isTerminal(1);
  },
  // A hidden prompt for --key-stdin only when stdin is a terminal (process.stdin is created then
  // only). Asked only by --key-stdin.
  get readSecret() {
    return isTerminal(0)
      ? (prompt: string) => readSecret(process.stdin, (s) => stdio.write(2, s), prompt)
      : undefined;
  },
  cwd: process.cwd(),
  get signal() {
    return stopSignal();
  },
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
