// `scan` over a generated corpus of a few hundred MB against ripgrep with the same two patterns
// over the same files, warm cache, alternating runs, median wall times and their ratio.
// Target: within 2× of ripgrep's wall time. Both are fresh processes (both pay their startup);
// the in-process library time is printed too. The corpus is cached in os.tmpdir() between runs.
// Needs a build (npm run bench builds first). Installs ripgrep with apt-get when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, requireBuild, seededRandom } from './_support.mjs';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const CORPUS_MB = Number(process.env['BENCH_CORPUS_MB'] ?? 400);
const TARGET = 2;
const PLANTED = 100;
const bin = requireBuild('scan');
const lib = new URL('../dist/index.js', import.meta.url).href;

function ensureRipgrep() {
  if (spawnSync('rg', ['--version']).status === 0) return;
  console.log('installing ripgrep (apt-get)…');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', 'ripgrep'], { stdio: 'ignore' });
  if (r.status !== 0 || spawnSync('rg', ['--version']).status !== 0) {
    console.error('bench/scan: ripgrep is not available and could not be installed');
    process.exit(2);
  }
}

// Deterministic pseudo-random generator (the corpus is the same on every machine).
const { rand, keyTail: tail } = seededRandom(0x2545f491);

const WORDS =
  'const let var function return import export from await async if else for while class new this value result error key config data request response items index length string number object array map filter reduce push'.split(
    ' ',
  );
function codeLine() {
  const n = 3 + Math.floor(rand() * 10);
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(WORDS[Math.floor(rand() * WORDS.length)]);
  return `${'  '.repeat(Math.floor(rand() * 4))}${parts.join(' ')}(${Math.floor(rand() * 1e6)});`;
}

const CONTEXTS = [
  (k) => `export const GEMINI_API_KEY = "${k}";`,
  (k) => `GOOGLE_API_KEY=${k}`,
  (k) => `  apiKey: '${k}',`,
  (k) => `{"api_key": "${k}"}`,
  (k) => `fetch("https://generativelanguage.googleapis.com/v1beta/models?key=${k}&alt=sse")`,
  (k) => `export GEMINI_API_KEY="${k}"`,
  (k) => `client = genai.Client(api_key="${k}")`,
  (k) => `<string name="google_api_key">${k}</string>`,
];
const EXTS = ['js', 'ts', 'py', 'go', 'json', 'md', 'tsx', 'java'];

function corpus() {
  const dir = join(tmpdir(), `gkd-bench-scan-v1-${CORPUS_MB}mb`);
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return { dir, ...JSON.parse(readFileSync(marker, 'utf8')) };
  rmSync(dir, { recursive: true, force: true });
  console.log(`generating a ${CORPUS_MB} MB corpus in ${dir} (cached for later runs)…`);
  // A pool of text to slice files from: generating every byte randomly would take minutes.
  const lines = [];
  let poolSize = 0;
  while (poolSize < 8 * 1024 * 1024) {
    const line = codeLine();
    lines.push(line);
    poolSize += line.length + 1;
  }
  const pool = lines.join('\n');
  const target = CORPUS_MB * 1024 * 1024;
  let bytes = 0;
  let files = 0;
  const plantEvery = Math.floor(target / PLANTED);
  let nextPlant = plantEvery / 2;
  let planted = 0;
  while (bytes < target) {
    // log-normal sizes, median ~70 KB, capped at 4 MB
    const size = Math.min(
      4 * 1024 * 1024,
      Math.floor(Math.exp(11.2 + rand() * 1.4 * (rand() < 0.5 ? -1 : 1))),
    );
    const start = Math.floor(rand() * (pool.length - size - 1));
    let text = pool.slice(Math.max(0, start), Math.max(0, start) + size);
    if (bytes + text.length >= nextPlant && planted < PLANTED) {
      const key = planted % 3 === 2 ? `AQ.Ab8RN6${tail(44)}` : `AIzaSy${tail(33)}`;
      const at = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
      text = `${text.slice(0, at)}${CONTEXTS[planted % CONTEXTS.length](key)}\n${text.slice(at)}`;
      planted++;
      nextPlant += plantEvery;
    }
    if (files % 97 === 0) text += `\nconst short = "AIza${tail(20)}"; // decoy\n`;
    const sub = join(dir, `d${files % 40}`, `s${files % 7}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `f${files}.${EXTS[files % EXTS.length]}`), text);
    bytes += text.length;
    files++;
  }
  const info = { files, bytes, planted };
  writeFileSync(marker, JSON.stringify(info));
  return { dir, ...info };
}

function time(command, args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, r };
}

ensureRipgrep();
const { dir, files, bytes, planted } = corpus();
const mb = bytes / 1024 / 1024;
const rgArgs = [
  '--count-matches',
  '--no-messages',
  '--hidden',
  '--no-ignore',
  '-e',
  'AIza[0-9A-Za-z_-]{35}',
  '-e',
  'AQ\\.[0-9A-Za-z_-]{30,}',
  dir,
];
const scanArgs = [bin, 'scan', dir, '--format', 'json', '--no-color'];

// Correctness first: both find the planted keys.
const check = time(process.execPath, scanArgs);
const report = JSON.parse(check.r.stdout);
const found = report.findings.filter((f) => f.kind === 'key').length;
const rgFound = time('rg', rgArgs)
  .r.stdout.trim()
  .split('\n')
  .reduce((n, line) => n + Number(line.slice(line.lastIndexOf(':') + 1) || 0), 0);
console.log(`corpus: ${files} files, ${mb.toFixed(0)} MiB, ${planted} planted keys`);
console.log(`found: scan ${found}, rg ${rgFound} (rg also counts keys inside longer tokens)`);

// Warm-up, then alternate. Context measured in the same loop: ripgrep on one thread (Node reads
// on one: worker threads measured no faster on 2 cores), Node's own start-up (`node -e 0`, paid
// by any Node CLI before its first line runs) and our CLI on an empty folder (start-up + modules).
const empty = mkdtempSync(join(tmpdir(), 'gkd-bench-empty-'));
time('rg', rgArgs);
const rg = [];
const rg1 = [];
const ours = [];
const nodeStart = [];
const emptyScan = [];
for (let i = 0; i < RUNS; i++) {
  rg.push(time('rg', rgArgs).ms);
  ours.push(time(process.execPath, scanArgs).ms);
  rg1.push(time('rg', ['-j1', ...rgArgs]).ms);
  nodeStart.push(time(process.execPath, ['-e', '0']).ms);
  emptyScan.push(time(process.execPath, [bin, 'scan', empty, '--format', 'json']).ms);
}
rmSync(empty, { recursive: true, force: true });
const { scan } = await import(lib);
const inProcess = [];
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  await scan({ paths: [dir] });
  inProcess.push(performance.now() - start);
}
const rgMs = median(rg);
const ourMs = median(ours);
const libMs = median(inProcess);
const ratio = ourMs / rgMs;
console.log(
  `rg (2 patterns):        median ${rgMs.toFixed(0)} ms  ${(mb / (rgMs / 1000)).toFixed(0)} MiB/s (${RUNS} runs)`,
);
console.log(
  `scan (CLI, fresh node): median ${ourMs.toFixed(0)} ms  ${(mb / (ourMs / 1000)).toFixed(0)} MiB/s (${RUNS} runs)`,
);
console.log(
  `scan (library, in-process): median ${libMs.toFixed(0)} ms  ${(mb / (libMs / 1000)).toFixed(0)} MiB/s`,
);
const nodeMs = median(nodeStart);
const emptyMs = median(emptyScan);
console.log(
  `rg -j1 (one thread):    median ${median(rg1).toFixed(0)} ms  (scan/rg-j1 ${(ourMs / median(rg1)).toFixed(2)}×)`,
);
console.log(
  `node -e 0: median ${nodeMs.toFixed(0)} ms; scan of an empty folder: median ${emptyMs.toFixed(0)} ms (start-up and modules)`,
);
console.log(
  `ratio scan/rg: ${ratio.toFixed(2)}× (target ≤ ${TARGET}×: ${ratio <= TARGET ? 'met' : 'NOT met'}); library/rg: ${(libMs / rgMs).toFixed(2)}×; without Node's start-up: ${((ourMs - nodeMs) / rgMs).toFixed(2)}×`,
);
