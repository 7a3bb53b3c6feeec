import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../readme-sections.js';

/**
 * README section `speed`: the figures `npm run bench` last recorded in bench/results.json (each
 * benchmark writes its own entry; bench.sh then regenerates this section). Nothing here is typed
 * by hand, so the README cannot claim a figure no benchmark printed.
 */
interface Split {
  [part: string]: number;
}
interface StartupCommand {
  ms: number;
  ratio: number;
  ratioMin: number;
  ratioMax: number;
  target: number;
  split?: Split;
  /** The same command with NODE_DISABLE_COMPILE_CACHE=1: a first run after an install. */
  withoutCache?: { ms: number; ratio: number };
}
interface ScanCorpus {
  files: number;
  mib: number;
  found: number;
  rgFound: number;
  rgMs: number;
  scanMs: number;
  ratio: number;
  ratioMin: number;
  ratioMax: number;
  target: number;
  split: Split;
}
interface Results {
  startup?: { runs: number; nodeMs: number; machine: string; commands: Record<string, StartupCommand> };
  scan?: { runs: number; machine: string; large: ScanCorpus; small: ScanCorpus };
  scanHistory?: {
    runs: number;
    commits: number;
    found: number;
    planted: number;
    floorMs: number;
    scanMs: number;
    ratio: number;
    ratioMin: number;
    ratioMax: number;
    peakMiB?: number;
  };
  doctorOnline?: {
    rounds: number;
    latencyMs: number;
    doctorMs: number;
    plainMs: number;
    ratio: number;
    ratioMin: number;
    ratioMax: number;
    target: number;
  };
  emulator?: {
    rounds: number;
    bareRps: number;
    okRps: number;
    errRps: number;
    latencyAddedMs: number;
    latencyMs: number;
  };
}

const RESULTS = join(REPO_ROOT, 'bench', 'results.json');
const ms = (n: number) => `${Math.round(n)} ms`;
const x = (n: number) => `${n.toFixed(2)}×`;
const verdict = (ratio: number, target: number) => (ratio <= target ? 'met' : '**not met**');
const spread = (r: { ratio: number; ratioMin: number; ratioMax: number }) =>
  `${x(r.ratio)} (${r.ratioMin.toFixed(2)}–${r.ratioMax.toFixed(2)})`;
const LABELS: Record<string, string> = {
  version: '`--version`',
  explain: '`explain --json -` (small input)',
  doctor: '`doctor --offline`, empty folder',
};

export default function speedSection(results: Results = readResults()): string {
  const out = [
    '## Speed',
    '',
    '`npm run bench` builds, runs every benchmark in `bench/` and rewrites this section from',
    '`bench/results.json`. Each comparison runs both sides as fresh processes with only `PATH` and',
    'an empty `HOME` in the environment (an inherited `NODE_EXTRA_CA_CERTS` alone adds ~30 ms to every',
    'Node start), alternates them round by round, and reports medians with the min–max spread of the',
    'per-round ratios. A benchmark refuses to measure a `dist/` built from other sources.',
  ];
  if (results.startup) {
    const s = results.startup;
    out.push(
      '',
      `Start-up, as a ratio to a bare \`node -e 0\` (median ${ms(s.nodeMs)}) measured in the same run (${s.runs} rounds; ${s.machine}):`,
      '',
      '| command | median | ratio to `node -e 0` | target | split: node + our modules + work | a first run (no compile cache) |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const [name, c] of Object.entries(s.commands)) {
      const split = c.split
        ? `${ms(c.split['node'] ?? 0)} + ${ms(c.split['modules'] ?? 0)} + ${ms(c.split['work'] ?? 0)}`
        : '—';
      const first = c.withoutCache ? `${ms(c.withoutCache.ms)}, ${x(c.withoutCache.ratio)}` : '—';
      out.push(
        `| ${LABELS[name] ?? name} | ${ms(c.ms)} | ${spread(c)} | ≤ ${c.target}× ${verdict(c.ratio, c.target)} | ${split} | ${first} |`,
      );
    }
    out.push(
      '',
      'The CLI is a small CommonJS entry plus one bundle per command, loaded only when that command',
      'runs (`scripts/build.mjs`); "our modules" is loading that bundle from the code cache as the CLI',
      'does (`bench/_load-bundle.mjs`, minus the same preload loading nothing); "work" is the rest of the',
      'run: the entry, reading the input, the command itself and its output. The first run of a',
      "command after an install or an upgrade compiles its bundle and writes V8's code cache for it to",
      '`~/.cache/gemini-key-doctor/` (or',
      '`$XDG_CACHE_HOME`; compiled code only, private to the user); every later run reads it, as Node',
      '≥ 22 does with `module.enableCompileCache()`, which the CLI uses there. `NODE_DISABLE_COMPILE_CACHE=1`',
      'turns it off (`src/cli/compile-cache.ts`).',
    );
  }
  if (results.scan) {
    const s = results.scan;
    out.push(
      '',
      `\`scan\` against ripgrep (same two patterns, \`--hidden --no-ignore\`, 2 threads), warm cache, both as fresh processes (${s.runs} rounds; ${s.machine}):`,
      '',
      "| corpus | rg | scan | scan / rg | target | where scan's time goes (ms) |",
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const [label, c] of [
      ['~300 MB tree', s.large],
      ['~50-file git repository', s.small],
    ] as const) {
      const split = Object.entries(c.split)
        .map(([part, value]) => `${part} ${Math.round(value)}`)
        .join(' · ');
      out.push(
        `| ${label}: ${c.files} files, ${c.mib} MiB; keys found: scan ${c.found}, rg ${c.rgFound} | ${ms(c.rgMs)} | ${ms(c.scanMs)} | ${spread(c)} | ≤ ${c.target}× ${verdict(c.ratio, c.target)} | ${split} |`,
      );
    }
    out.push(
      '',
      'The split: `node` is `node -e 0`; `startup` is `scan` of an empty folder minus node. The next',
      'three are timed inside a fresh process, cold as in the CLI (`bench/_scan-phases.mjs`): `listing`',
      'is the walk of the tree, or `git ls-files` started from Node in the repository; `reads` reads',
      'every file once through one 128 KiB buffer and does nothing else; `prefilterAndDecode` is the',
      "scan's own reader over the same files (prefilter, decoding, and detection in the files that",
      'hold a key) minus those reads. `rest` is what the CLI run costs beyond all of these: the other',
      'git queries and hygiene checks, fingerprinting the keys found (node:crypto), and the report.',
    );
    const floor = (c: ScanCorpus, parts: string[]) =>
      x(parts.reduce((sum, part) => sum + (c.split[part] ?? 0), 0) / c.rgMs);
    out.push(
      '',
      `Floors: on the small repository a Node process that does nothing (\`node -e 0\`) is already ${floor(s.small, ['node'])} ripgrep's`,
      `whole run; on the large tree, starting Node and reading the bytes once (no search) is ${floor(s.large, ['node', 'reads'])}.`,
    );
  }
  if (results.scanHistory) {
    const h = results.scanHistory;
    out.push(
      '',
      `\`scan --history\` on ${h.commits} commits: ${ms(h.scanMs)} against ${ms(h.floorMs)} for \`git log -p --all\` alone, ${spread(h)}; found ${h.found} of ${h.planted} planted keys${h.peakMiB ? `; peak memory ${h.peakMiB} MiB` : ''}.`,
    );
  }
  if (results.doctorOnline) {
    const d = results.doctorOnline;
    out.push(
      '',
      `The doctor's full online run against the emulator with ${d.latencyMs} ms latency: ${ms(d.doctorMs)}, against ${ms(d.plainMs)} for one plain HTTP request from a fresh node process: ${spread(d)} (target ≤ ${d.target}×, ${verdict(d.ratio, d.target)}).`,
    );
  }
  if (results.emulator) {
    const e = results.emulator;
    const rps = (n: number) => Math.round(n).toLocaleString('en-US');
    out.push(
      '',
      `The emulator: ${rps(e.okRps)} successful and ${rps(e.errRps)} rejected requests per second against ${rps(e.bareRps)} for a bare \`node:http\` server; \`--latency ${e.latencyMs}\` adds ${e.latencyAddedMs.toFixed(1)} ms.`,
    );
  }
  return out.join('\n');
}

function readResults(): Results {
  return existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Results) : {};
}
