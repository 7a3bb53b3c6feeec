// `scan --history` on a generated repository with thousands of commits, against
// `git log -p --all` (git's own diff generation, which every patch-based scanner pays) as the
// floor. Alternating runs, medians, ratio; and our peak memory (maxRSS), which must stay bounded
// because history is streamed, never loaded. The repository is cached in os.tmpdir().
// Needs a build (npm run bench builds first).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  describeEnv,
  fmt,
  minimalEnv,
  pairedRatio,
  record,
  requireBuild,
  seededRandom,
  summary,
} from './_support.mjs';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const COMMITS = Number(process.env['BENCH_COMMITS'] ?? 4000);
const FILES = 400;
const bin = requireBuild('scan-history');
const env = minimalEnv();

const { rand, keyTail: tail } = seededRandom(0x9e3779b9);
const line = () =>
  `  const v${Math.floor(rand() * 1e6)} = compute(${Math.floor(rand() * 1e9)}, "${tail(12)}");`;

function repository() {
  const dir = join(tmpdir(), `gkd-bench-history-v1-${COMMITS}`);
  const marker = join(dir, '.git', 'gkd-bench-complete');
  if (existsSync(marker)) return { dir, ...JSON.parse(readFileSync(marker, 'utf8')) };
  rmSync(dir, { recursive: true, force: true });
  console.log(`generating a repository with ${COMMITS} commits in ${dir} (cached for later runs)…`);
  spawnSync('git', ['init', '-q', '-b', 'main', dir]);
  const files = Array.from({ length: FILES }, () => Array.from({ length: 60 }, line));
  const chunks = [];
  let mark = 0;
  let planted = 0;
  const present = new Set();
  for (let c = 0; c < COMMITS; c++) {
    const changes = [];
    for (let k = 0; k < 3; k++) {
      const f = Math.floor(rand() * FILES);
      const lines = files[f];
      lines.splice(Math.floor(rand() * lines.length), 1, line(), line());
      if (lines.length > 200) lines.splice(0, 20);
      // Plant a key every 60 commits; remove a planted line later so most keys live only in history.
      if (c % 60 === 7 && k === 0) {
        lines.push(
          c % 120 === 7 ? `const GEMINI_API_KEY = "AIzaSy${tail(33)}";` : `apiKey: "AQ.Ab8RN6${tail(44)}",`,
        );
        planted++;
        present.add(f);
      } else if (present.has(f) && rand() < 0.5) {
        const at = lines.findIndex((l) => l.includes('AIza') || l.includes('AQ.'));
        if (at !== -1) lines.splice(at, 1);
        present.delete(f);
      }
      const content = `${lines.join('\n')}\n`;
      mark++;
      chunks.push(`blob\nmark :${mark}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
      changes.push(`M 100644 :${mark} src/m${f % 20}/file${f}.ts\n`);
    }
    const message = `change ${c}\n`;
    chunks.push(
      `commit refs/heads/main\ncommitter Bench <bench@example.invalid> ${1_700_000_000 + c * 60} +0000\ndata ${message.length}\n${message}${changes.join('')}\n`,
    );
  }
  const r = spawnSync('git', ['fast-import', '--quiet'], {
    cwd: dir,
    input: chunks.join(''),
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`fast-import failed: ${r.stderr}`);
  spawnSync('git', ['checkout', '-q', 'main'], { cwd: dir });
  const info = { commits: COMMITS, planted };
  writeFileSync(marker, JSON.stringify(info));
  return { dir, ...info };
}

const hasTime = existsSync('/usr/bin/time');
function timed(command, args, cwd) {
  const argv = hasTime ? ['-f', '%M', command, ...args] : args;
  const start = process.hrtime.bigint();
  const r = spawnSync(hasTime ? '/usr/bin/time' : command, argv, {
    cwd,
    env,
    maxBuffer: 1 << 30,
    encoding: 'buffer',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rssKb = hasTime ? Number(r.stderr.toString().trim().split('\n').pop()) : Number.NaN;
  return { ms, rssKb, stdout: r.stdout, status: r.status };
}

const { dir, commits, planted } = repository();
console.log(describeEnv(env));
const logArgs = ['log', '-p', '--all'];
const scanArgs = [bin, 'scan', '--history', '--format', 'json'];
const check = timed(process.execPath, scanArgs, dir);
const report = JSON.parse(check.stdout.toString());
const historyKeys = new Set(report.findings.filter((f) => f.source === 'history').map((f) => f.fingerprint));
const logBytes = timed('git', logArgs, dir).stdout.length;
console.log(
  `repository: ${commits} commits, ${planted} planted keys; git log -p emits ${(logBytes / 1048576).toFixed(0)} MiB; ` +
    `scan read ${report.summary.blobsScanned} unique blobs (${(report.summary.historyBytesScanned / 1048576).toFixed(0)} MiB)`,
);
console.log(`keys found in history: ${historyKeys.size} of ${planted}`);

const floor = [];
const ours = [];
const rss = [];
timed('git', logArgs, dir);
for (let i = 0; i < RUNS; i++) {
  floor.push(timed('git', logArgs, dir).ms);
  const run = timed(process.execPath, scanArgs, dir);
  ours.push(run.ms);
  rss.push(run.rssKb);
}
const f = summary(floor);
const o = summary(ours);
const ratio = pairedRatio(ours, floor);
console.log(`git log -p --all (floor):  ${fmt(f, 'ms', 0)} (${RUNS} alternating runs)`);
console.log(`scan --history (CLI):      ${fmt(o, 'ms', 0)}`);
console.log(
  `ratio scan/floor: ${ratio.median.toFixed(2)}× (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)})`,
);
const peakMiB = Math.max(...rss) / 1024;
if (hasTime) console.log(`scan --history peak memory (maxRSS): ${peakMiB.toFixed(0)} MiB`);
record('scanHistory', {
  runs: RUNS,
  commits,
  found: historyKeys.size,
  planted,
  floorMs: f.median,
  scanMs: o.median,
  ratio: ratio.median,
  ratioMin: ratio.min,
  ratioMax: ratio.max,
  ...(hasTime ? { peakMiB: Math.round(peakMiB) } : {}),
});
