// Helpers shared by the benchmarks (scripts/bench.sh skips files starting with `_`).
// Every benchmark: refuses a stale build, runs both sides of a comparison in the same minimal
// environment (printed), alternates them, and reports medians with their spread (min–max).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sourceHash } from '../scripts/source-hash.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench', 'results.json');

/**
 * The built CLI's path. Exits 2 with one line when dist/ is missing or was built from other
 * sources than the ones here (a stale build measures old code).
 */
export function requireBuild(benchName) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const bin = join(ROOT, pkg.bin['gemini-key-doctor']);
  const stampFile = join(ROOT, 'dist', 'build-stamp.json');
  if (!existsSync(bin) || !existsSync(stampFile)) {
    console.error(`bench/${benchName}: no build (dist/ is missing); run npm run build first`);
    process.exit(2);
  }
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  if (stamp.sourceHash !== sourceHash(ROOT)) {
    console.error(`bench/${benchName}: dist/ is stale (built from other sources); run npm run build first`);
    process.exit(2);
  }
  return bin;
}

/**
 * The environment every measured process gets: PATH and HOME only. An inherited variable can
 * change what is measured (NODE_EXTRA_CA_CERTS alone costs every Node start ~30 ms), so neither
 * side inherits anything. HOME is an empty folder: no user config is read.
 */
export function minimalEnv() {
  const home = join(tmpdir(), 'gkd-bench-home');
  mkdirSync(home, { recursive: true });
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home };
}

/** One line naming the environment, for every benchmark's output. */
export function describeEnv(env = minimalEnv()) {
  return `environment (both sides): ${Object.entries(env)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')} — nothing else; node ${process.version}`;
}

/** Wall time of one process, in ms; throws when it fails (a benchmark of a failure is no benchmark). */
export function timeProcess(command, args, { input, cwd, env = minimalEnv(), okStatus = [0] } = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { input, cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  if (!okStatus.includes(r.status)) {
    throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  }
  return { ms, stdout: r.stdout };
}

/** The median: robust to the odd slow run on a shared machine. */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median and spread of a sample. */
export function summary(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

/** `12.3 ms (11.9–15.0)`: a median and its spread. */
export function fmt(s, unit = 'ms', digits = 1) {
  return `${s.median.toFixed(digits)} ${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

/**
 * Runs every named measurement `runs` times, alternating them round by round (the order rotates
 * each round, so drift in the machine's speed hits all alike), after one warm-up each.
 * Returns each one's samples.
 */
export function alternate(measurements, runs) {
  const names = Object.keys(measurements);
  for (const name of names) measurements[name]();
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < runs; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      samples[name].push(measurements[name]());
    }
  }
  return samples;
}

/** Round-by-round ratios a[i]/b[i] (pairs measured side by side), as a summary. */
export function pairedRatio(a, b) {
  return summary(a.map((x, i) => x / b[i]));
}

/**
 * Records a benchmark's figures in bench/results.json (committed), from which the README's
 * "Speed" section is generated (scripts/readme-sections/speed.ts): `npm run bench` reruns every
 * benchmark and regenerates the section.
 */
export function record(name, figures) {
  const all = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  all[name] = { ...figures, machine: machine() };
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
}

/** The machine, and how busy it was: other work on a shared machine moves every figure. */
function machine() {
  return `${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), load average ${loadavg()[0]?.toFixed(1)}, node ${process.version}`;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A deterministic xorshift generator, so a generated corpus is the same on every machine. */
export function seededRandom(seed) {
  let state = seed;
  const rand = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  /** `n` characters of the key alphabet ([A-Za-z0-9_-]). */
  const keyTail = (n) => Array.from({ length: n }, () => KEY_ALPHABET[Math.floor(rand() * 64)]).join('');
  return { rand, keyTail };
}

/** Starts `emulate --port 0 --latency MS` from the build as a child process; resolves with its URL. */
export async function startEmulatorProcess(bin, env, latencyMs) {
  const child = spawn('node', [bin, 'emulate', '--port', '0', '--latency', String(latencyMs)], { env });
  const url = await new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('emulator did not start')), 10000);
    child.stdout.on('data', (data) => {
      buffer += data;
      const match = buffer.match(/http:\/\/(?:127\.0\.0\.1|localhost):\d+/);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
  });
  return { url, child };
}

/** One plain HTTP request from a fresh node process: the baseline the doctor's online runs are held to. */
export const PLAIN_REQUEST_SCRIPT =
  "const r = await fetch(process.env.U + '/v1beta/models', { headers: { 'x-goog-api-key': process.env.K } }); await r.text();";

/** Runs `node ARGS` with `baseEnv` plus `env`; resolves with its wall time, exit code and stdout. */
export function timedNode(args, baseEnv, env = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('node', args, { env: { ...baseEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - start, code, out }));
  });
}
