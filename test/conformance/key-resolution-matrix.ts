import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprintOf } from '../../src/core/key-material.js';
import { appEnvFilePaths, resolveAppKeys } from '../../src/core/project/app-keys.js';
import type { ProjectSnapshot } from '../../src/core/project-snapshot.js';
import { magicKeyFor, workingMagicKey } from '../../src/emulator/magic-keys.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { readFileSnapshot } from '../../src/io/read-project.js';
import { readProjectModel } from '../../src/io/read-project-sources.js';

/**
 * The key-resolution conformance matrix (issue 9): client × version × app code × env setup. Each
 * cell writes a tiny app (one source file, package.json, maybe .env) into a folder under the
 * repository's node_modules/.cache (so bare imports resolve to the real, unmodified clients), lets
 * the doctor read it exactly as it reads a user's project (source reader + app key resolution),
 * then runs the app in a fresh node process against the emulator, whose request log records the
 * key it received. Claimed and sent are compared by fingerprint (or "none").
 */
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const WORK_DIR = join(REPO, 'node_modules', '.cache', 'gkd-key-resolution');

/** Working keys the emulator accepts, and one it rejects (a client still sends it). */
export const KEY_A = workingMagicKey('auth');
export const KEY_B = workingMagicKey('standard');
const KEY_REJECTED = magicKeyFor('key_invalid')!;

export interface Setup {
  name: string;
  env: Record<string, string>;
  dotenv?: string;
}

export const SETUPS: readonly Setup[] = [
  { name: 'env: GEMINI_API_KEY', env: { GEMINI_API_KEY: KEY_A } },
  { name: 'env: GOOGLE_API_KEY', env: { GOOGLE_API_KEY: KEY_A } },
  { name: 'env: both set', env: { GOOGLE_API_KEY: KEY_A, GEMINI_API_KEY: KEY_B } },
  { name: 'env: GOOGLE_API_KEY empty', env: { GOOGLE_API_KEY: '', GEMINI_API_KEY: KEY_B } },
  { name: 'env: GOOGLE_GENERATIVE_AI_API_KEY', env: { GOOGLE_GENERATIVE_AI_API_KEY: KEY_A } },
  {
    name: 'env: padded values',
    env: { GEMINI_API_KEY: ` ${KEY_A}\n`, GOOGLE_GENERATIVE_AI_API_KEY: `\t${KEY_A} ` },
  },
  { name: '.env only', env: {}, dotenv: `GEMINI_API_KEY=${KEY_A}\nGOOGLE_GENERATIVE_AI_API_KEY=${KEY_A}\n` },
  { name: '.env + stale env', env: { GEMINI_API_KEY: KEY_REJECTED }, dotenv: `GEMINI_API_KEY=${KEY_A}\n` },
  { name: 'nothing set', env: {} },
];

export interface App {
  client: string;
  /** The npm package (and version) the app depends on; for the version rules. */
  dependency: [string, string];
  /** What the app's code does about the key. */
  code: 'default' | 'explicit GEMINI_API_KEY';
  /** The app loads .env itself (`dotenv.config()`). */
  loadsDotenv: boolean;
  source: string;
}

const LOADS = "import dotenv from 'dotenv';\ndotenv.config();\n";
const BASE = 'process.env.EMU_URL';

function app(
  client: string,
  dependency: [string, string],
  code: App['code'],
  loadsDotenv: boolean,
  body: string,
): App {
  return { client, dependency, code, loadsDotenv, source: `${loadsDotenv ? LOADS : ''}${body}\n` };
}

/** Each real client, as an app would write it, with the key passed or not. */
export function apps(): App[] {
  const genai = (pkg: string, version: string, explicit: boolean, dotenv: boolean) =>
    app(
      `@google/genai ${version}`,
      ['@google/genai', version],
      explicit ? 'explicit GEMINI_API_KEY' : 'default',
      dotenv,
      [
        `import { GoogleGenAI } from '${pkg}';`,
        `const ai = new GoogleGenAI({ ${explicit ? 'apiKey: process.env.GEMINI_API_KEY, ' : ''}httpOptions: { baseUrl: ${BASE} } });`,
        "await ai.models.countTokens({ model: 'gemini-2.5-flash', contents: 'hi' });",
      ].join('\n'),
    );
  const legacy = (dotenv: boolean) =>
    app(
      '@google/generative-ai 0.24.1',
      ['@google/generative-ai', '0.24.1'],
      'explicit GEMINI_API_KEY',
      dotenv,
      [
        "import { GoogleGenerativeAI } from '@google/generative-ai';",
        'const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY);',
        `await genAI.getGenerativeModel({ model: 'gemini-2.5-flash' }, { baseUrl: ${BASE} }).countTokens('hi');`,
      ].join('\n'),
    );
  const aiSdk = (explicit: boolean, dotenv: boolean) =>
    app(
      '@ai-sdk/google 3.0.141',
      ['@ai-sdk/google', '3.0.141'],
      explicit ? 'explicit GEMINI_API_KEY' : 'default',
      dotenv,
      [
        "import { createGoogleGenerativeAI } from '@ai-sdk/google';",
        "import { generateText } from 'ai';",
        `const google = createGoogleGenerativeAI({ ${explicit ? 'apiKey: process.env.GEMINI_API_KEY, ' : ''}baseURL: ${BASE} + '/v1beta' });`,
        "await generateText({ model: google('gemini-2.5-flash'), prompt: 'hi', maxRetries: 0 });",
      ].join('\n'),
    );
  const langchain = (pkg: string, version: string, explicit: boolean, dotenv: boolean) =>
    app(
      `@langchain/google-genai ${version}`,
      ['@langchain/google-genai', version],
      explicit ? 'explicit GEMINI_API_KEY' : 'default',
      dotenv,
      [
        `import { ChatGoogleGenerativeAI } from '${pkg}';`,
        `const llm = new ChatGoogleGenerativeAI({ ${explicit ? 'apiKey: process.env.GEMINI_API_KEY, ' : ''}model: 'gemini-2.5-flash', baseUrl: ${BASE}, maxRetries: 0 });`,
        "await llm.invoke('hi');",
      ].join('\n'),
    );
  const out: App[] = [];
  for (const dotenv of [false, true]) {
    for (const explicit of [false, true]) {
      out.push(genai('@google/genai', '2.32.0', explicit, dotenv));
      out.push(genai('@google/genai-v1', '1.20.0', explicit, dotenv));
      out.push(aiSdk(explicit, dotenv));
      out.push(langchain('@langchain/google-genai', '2.3.2', explicit, dotenv));
      out.push(langchain('@langchain/google-genai-2.2', '2.2.0', explicit, dotenv));
    }
    out.push(legacy(dotenv));
  }
  return out;
}

export interface Cell {
  client: string;
  code: App['code'];
  /** How .env gets loaded: by the app (`import 'dotenv/config'`), by `node --env-file=.env`, or not at all. */
  loader: 'dotenv' | 'node --env-file' | 'none';
  setup: string;
  claimed: string;
  sent: string;
  agree: boolean;
}

const label = (key: string | null | undefined) => {
  if (!key) return 'none';
  if (key === KEY_A) return 'A';
  if (key === KEY_B) return 'B';
  if (key === KEY_REJECTED) return 'stale';
  if (key === 'undefined') return '"undefined"';
  return `#${fingerprintOf(key)}`;
};
const labelOfFingerprint = (fp: string | undefined) => {
  if (fp === undefined) return 'none';
  for (const key of [KEY_A, KEY_B, KEY_REJECTED, 'undefined'])
    if (fingerprintOf(key) === fp) return label(key);
  return `#${fp}`;
};

/**
 * What the doctor claims this app sends, read the way it reads any project. A key the doctor marks
 * as holding only with `node --env-file=.env` is claimed for that start, and "none" for a plain one.
 */
async function claim(dir: string, env: Record<string, string>, envFileStart: boolean): Promise<string> {
  const model = await readProjectModel(dir);
  const home = join(dir, 'home');
  const paths = appEnvFilePaths(model, dir, home, posix);
  const files = new Map(await Promise.all(paths.map(async (p) => [p, await readFileSnapshot(p)] as const)));
  const snapshot: ProjectSnapshot = { env, cwd: dir, home, files, platform: 'linux' };
  const uses = resolveAppKeys(model, snapshot);
  if (uses.length !== 1) return `uses: ${uses.length}`;
  const use = uses[0]!;
  // Started plainly, the variable is unset: the client sends what it sends without one.
  if (use.onlyWith !== null && !envFileStart) return label(use.rule.missingSends);
  return label(use.key?.reveal() ?? use.sendsLiteral);
}

/**
 * Runs every cell's app in one node process, one after the other: the environment is reset to the
 * cell's, the working folder changed to the cell's, `.env` loaded with Node's own loader
 * (`process.loadEnvFile`, what `--env-file` runs) for those cells, then the app imported. After
 * each cell a marker request tells the request log where the cell ends.
 */
const RUNNER = `
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const cells = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const base = { ...process.env };
for (const cell of cells) {
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, base, cell.env);
  process.chdir(cell.dir);
  try {
    if (cell.envFile) process.loadEnvFile('.env');
    await import(pathToFileURL(cell.dir + '/app.mjs').href + '?cell=' + cell.id);
  } catch {}
  await fetch(base.EMU_URL + '/cell-done-' + cell.id).catch(() => {});
}
`;

export async function runMatrix(emulator: RunningEmulator): Promise<Cell[]> {
  await rm(WORK_DIR, { recursive: true, force: true });
  await mkdir(WORK_DIR, { recursive: true });
  const planned: (Omit<Cell, 'sent' | 'agree'> & {
    id: number;
    dir: string;
    env: Record<string, string>;
    envFile: boolean;
  })[] = [];
  let n = 0;
  for (const a of apps()) {
    for (const setup of SETUPS) {
      // A .env only matters to apps that load it; without one the app-side loader is moot.
      if (setup.dotenv === undefined && a.loadsDotenv) continue;
      const dir = join(WORK_DIR, String(n++));
      await mkdir(join(dir, 'home'), { recursive: true });
      await writeFile(join(dir, 'app.mjs'), a.source);
      await writeFile(
        join(dir, 'package.json'),
        JSON.stringify({ type: 'module', dependencies: { [a.dependency[0]]: a.dependency[1], dotenv: '*' } }),
      );
      if (setup.dotenv !== undefined) await writeFile(join(dir, '.env'), setup.dotenv);
      // An app that loads nothing itself runs both ways when there is a .env: plain, and with --env-file.
      const starts = !a.loadsDotenv && setup.dotenv !== undefined ? [false, true] : [false];
      for (const envFile of starts) {
        planned.push({
          id: planned.length,
          dir,
          env: { ...setup.env },
          envFile,
          client: a.client,
          code: a.code,
          loader: a.loadsDotenv ? 'dotenv' : envFile ? 'node --env-file' : 'none',
          setup: setup.name,
          claimed: await claim(dir, { ...setup.env }, envFile),
        });
      }
    }
  }
  const plan = join(WORK_DIR, 'cells.json');
  await writeFile(
    plan,
    JSON.stringify(planned.map(({ id, dir, env, envFile }) => ({ id, dir, env, envFile }))),
  );
  await writeFile(join(WORK_DIR, 'runner.mjs'), RUNNER);
  const before = emulator.requests.length;
  await new Promise<void>((done) => {
    execFile(
      process.execPath,
      [join(WORK_DIR, 'runner.mjs'), plan],
      {
        cwd: WORK_DIR,
        env: {
          PATH: process.env['PATH'] ?? '',
          HOME: join(WORK_DIR, 'home'),
          METADATA_SERVER_DETECTION: 'none',
          DOTENV_CONFIG_QUIET: 'true',
          EMU_URL: emulator.url,
        },
        timeout: 240_000,
      },
      () => done(),
    );
  });
  // Split the request log at each cell's marker.
  const sentBy = new Map<number, string>();
  let current: string | undefined;
  for (const r of emulator.requests.slice(before)) {
    const marker = /^\/cell-done-(\d+)/.exec(r.path);
    if (marker) {
      sentBy.set(Number(marker[1]), labelOfFingerprint(current));
      current = undefined;
    } else if (current === undefined && r.fingerprint !== undefined) current = r.fingerprint;
  }
  await rm(WORK_DIR, { recursive: true, force: true });
  return planned.map(({ id, dir: _dir, env: _env, envFile: _envFile, ...cell }) => {
    const sent = sentBy.get(id) ?? 'no run';
    return { ...cell, sent, agree: cell.claimed === sent };
  });
}

/** Where the committed summary lives (the README's `key-resolution` section shows it). */
export const MATRIX_SUMMARY_PATH = fileURLToPath(
  new URL('../fixtures/conformance/key-resolution.md', import.meta.url),
);

/** One row per client version: cells run, and how many agree, by how .env is loaded. */
export function summaryMarkdown(cells: readonly Cell[]): string {
  const clients = [...new Set(cells.map((c) => c.client))];
  const loaders: Cell['loader'][] = ['none', 'dotenv', 'node --env-file'];
  const count = (client: string, loader?: string) => {
    const own = cells.filter((c) => c.client === client && (loader === undefined || c.loader === loader));
    return `${own.filter((c) => c.agree).length}/${own.length}`;
  };
  const rows = clients.map(
    (client) => `| ${client} | ${loaders.map((l) => count(client, l)).join(' | ')} | ${count(client)} |`,
  );
  const agree = cells.filter((c) => c.agree).length;
  return [
    '| client | env only (no loader) | app calls dotenv | `node --env-file` | all |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    `${cells.length} cells, ${cells.length - agree} disagreements: the key each real client sent (recorded by the emulator) is the key the doctor claims.`,
    '',
  ].join('\n');
}
