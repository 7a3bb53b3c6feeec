// `scan` against ripgrep with the same two patterns over the same files, warm cache, both as
// fresh processes in the same minimal environment, alternating runs, medians and spread:
//  - a generated ~300 MB tree of a few thousand files (not a git repository: every file);
//    target ≤ 2.0× ripgrep (2 threads, `--hidden --no-ignore`);
//  - a generated ~50-file git repository (scan lists it with `git ls-files`; ripgrep skips .git/);
//    target ≤ 4× ripgrep.
// Then where our time goes: node's start (`node -e 0`), our start-up (scan of an empty folder,
// minus node), and, each timed inside a fresh process as the CLI runs them (bench/_scan-phases.mjs),
// listing the files (the walk, or `git ls-files` started from Node), reading them (128 KiB chunked
// reads, nothing else) and the prefilter, decoding and detection (the scanner minus the reads);
// `rest` is what the CLI spends beyond these (the other git queries, hygiene, findings, output).
// Corpora are cached in os.tmpdir(). Installs ripgrep with apt-get when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  alternate,
  describeEnv,
  fmt,
  median,
  minimalEnv,
  pairedRatio,
  record,
  requireBuild,
  seededRandom,
  summary,
  timeProcess,
} from './_support.mjs';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 11);
// GKD_BENCH_BIN=path/to/bin measures another build (e.g. an older commit's) without the split.
const explicit = process.env['GKD_BENCH_BIN'];
const bin = explicit ?? requireBuild('scan');
const env = minimalEnv();
const PHASES = join(dirname(fileURLToPath(import.meta.url)), '_scan-phases.mjs');

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

const WORDS =
  'const let var function return import export from await async if else for while class new this value result error key config data request response items index length string number object array map filter reduce push'.split(
    ' ',
  );
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

/**
 * A deterministic corpus: `files` or `megabytes` of code-like text (log-normal sizes around
 * `medianBytes`), `planted` keys spread evenly, a short decoy in every 97th file.
 */
function corpus({ name, megabytes, files: fileCount, medianBytes, planted: toPlant, git }) {
  const dir = join(tmpdir(), `gkd-bench-${name}`);
  const marker = join(dir, git ? '.git' : '', 'gkd-bench-complete');
  if (existsSync(marker)) return { dir, ...JSON.parse(readFileSync(marker, 'utf8')) };
  rmSync(dir, { recursive: true, force: true });
  console.log(`generating ${dir} (cached for later runs)…`);
  const { rand, keyTail } = seededRandom(0x2545f491);
  const codeLine = () => {
    const n = 3 + Math.floor(rand() * 10);
    const parts = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]);
    return `${'  '.repeat(Math.floor(rand() * 4))}${parts.join(' ')}(${Math.floor(rand() * 1e6)});`;
  };
  const lines = [];
  for (let size = 0; size < 8 * 1024 * 1024; ) {
    const line = codeLine();
    lines.push(line);
    size += line.length + 1;
  }
  const pool = lines.join('\n');
  const target = megabytes ? megabytes * 1024 * 1024 : Number.POSITIVE_INFINITY;
  const maxFiles = fileCount ?? Number.POSITIVE_INFINITY;
  const mu = Math.log(medianBytes);
  let bytes = 0;
  let files = 0;
  let planted = 0;
  const plantEvery = megabytes ? Math.floor(target / toPlant) : Math.max(1, Math.floor(maxFiles / toPlant));
  while (bytes < target && files < maxFiles) {
    const size = Math.min(4 * 1024 * 1024, Math.floor(Math.exp(mu + rand() * 1.4 * (rand() < 0.5 ? -1 : 1))));
    const start = Math.max(0, Math.floor(rand() * (pool.length - size - 1)));
    let text = pool.slice(start, start + size);
    const due = megabytes ? bytes + text.length >= plantEvery * (planted + 0.5) : files % plantEvery === 0;
    if (due && planted < toPlant) {
      const key = planted % 3 === 2 ? `AQ.Ab8RN6${keyTail(44)}` : `AIzaSy${keyTail(33)}`;
      const at = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
      text = `${text.slice(0, at)}${CONTEXTS[planted % CONTEXTS.length](key)}\n${text.slice(at)}`;
      planted++;
    }
    if (files % 97 === 0) text += `\nconst short = "AIza${keyTail(20)}"; // decoy\n`;
    const sub = join(dir, `d${files % 40}`, `s${files % 7}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `f${files}.${EXTS[files % EXTS.length]}`), text);
    bytes += text.length;
    files++;
  }
  if (git) {
    const g = (...args) =>
      spawnSync('git', args, {
        cwd: dir,
        env: {
          ...env,
          GIT_AUTHOR_NAME: 'b',
          GIT_AUTHOR_EMAIL: 'b@example.com',
          GIT_COMMITTER_NAME: 'b',
          GIT_COMMITTER_EMAIL: 'b@example.com',
        },
      });
    g('init', '-q', '-b', 'main');
    g('add', '-A');
    g('commit', '-q', '-m', 'corpus');
  }
  const info = { files, bytes, planted };
  writeFileSync(marker, JSON.stringify(info));
  return { dir, ...info };
}

function bench({ label, corpus: c, target, rgArgs }) {
  const rg = [
    '--count-matches',
    '--no-messages',
    '--hidden',
    '--no-ignore',
    ...rgArgs,
    '-e',
    'AIza[0-9A-Za-z_-]{35}',
    '-e',
    'AQ\\.[0-9A-Za-z_-]{30,}',
    c.dir,
  ];
  const ours = [bin, 'scan', c.dir, '--format', 'json', '--no-color'];
  const report = JSON.parse(timeProcess(process.execPath, ours, { env, okStatus: [0, 1] }).stdout);
  const found = report.findings.filter((f) => f.kind === 'key').length;
  const rgFound = timeProcess('rg', rg, { env, okStatus: [0, 1] })
    .stdout.trim()
    .split('\n')
    .reduce((n, line) => n + Number(line.slice(line.lastIndexOf(':') + 1) || 0), 0);
  const mb = c.bytes / 1024 / 1024;
  console.log(
    `\n${label}: ${c.files} files, ${mb.toFixed(1)} MiB, ${c.planted} planted keys; found: scan ${found}, rg ${rgFound}`,
  );

  const empty = mkdtempSync(join(tmpdir(), 'gkd-bench-empty-'));
  // The scan's phases, each timed inside a fresh process (bench/_scan-phases.mjs): cold, as the CLI.
  const phaseRuns = [];
  const split = explicit
    ? {}
    : {
        node: () => timeProcess(process.execPath, ['-e', '0'], { env }).ms,
        emptyScan: () => timeProcess(process.execPath, [bin, 'scan', empty, '--format', 'json'], { env }).ms,
        phases: () => {
          const args = [PHASES, c.dir, c.git ? 'git' : 'directory'];
          const phases = JSON.parse(timeProcess(process.execPath, args, { env }).stdout);
          phaseRuns.push(phases);
          return phases.scanMs;
        },
      };
  const samples = alternate(
    {
      rg: () => timeProcess('rg', rg, { env, okStatus: [0, 1] }).ms,
      scan: () => timeProcess(process.execPath, ours, { env, okStatus: [0, 1] }).ms,
      ...split,
    },
    RUNS,
  );
  rmSync(empty, { recursive: true, force: true });
  const ratio = pairedRatio(samples.scan, samples.rg);
  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summary(v).median]));
  console.log(`rg (2 threads)        ${fmt(summary(samples.rg))}`);
  console.log(
    `scan (CLI)            ${fmt(summary(samples.scan))}  ${(mb / (m.scan / 1000)).toFixed(0)} MiB/s`,
  );
  console.log(
    `ratio scan/rg: ${ratio.median.toFixed(2)}× (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}), target ≤ ${target}×: ${ratio.median <= target ? 'met' : 'NOT met'}`,
  );
  if (explicit) return { ratio: ratio.median };
  const phase = (name) => median(phaseRuns.map((run) => run[name]));
  const where = {
    node: m.node,
    startup: m.emptyScan - m.node,
    listing: phase('listingMs'),
    reads: phase('readsMs'),
    prefilterAndDecode: phase('scanMs') - phase('readsMs'),
    rest: m.scan - m.emptyScan - phase('listingMs') - phase('scanMs'),
  };
  console.log(
    `where scan's time goes (medians, ms): ${Object.entries(where)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(' · ')}`,
  );
  return {
    files: c.files,
    mib: Number(mb.toFixed(1)),
    found,
    rgFound,
    rgMs: m.rg,
    scanMs: m.scan,
    ratio: ratio.median,
    ratioMin: ratio.min,
    ratioMax: ratio.max,
    target,
    split: where,
  };
}

ensureRipgrep();
console.log(describeEnv(env));
console.log(`${RUNS} alternating rounds, warm cache`);
const large = bench({
  label: 'a ~300 MB tree',
  corpus: corpus({
    name: 'scan-v2-300mb',
    megabytes: Number(process.env['BENCH_CORPUS_MB'] ?? 300),
    medianBytes: 73_000,
    planted: 100,
  }),
  target: 2,
  rgArgs: [],
});
const small = bench({
  label: 'a ~50-file git repository',
  corpus: {
    ...corpus({ name: 'scan-v2-50files', files: 50, medianBytes: 8_000, planted: 3, git: true }),
    git: true,
  },
  target: 4,
  rgArgs: ['--glob', '!.git'],
});
if (!explicit) record('scan', { runs: RUNS, large, small });
