import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appEnvFilePaths, resolveAppKeys, viteModeEntry } from '../../src/core/project/app-keys.js';
import { FRAMEWORK_ENV, viteEnvFiles } from '../../src/core/project/framework-env.js';
import type { ProjectSnapshot } from '../../src/core/project-snapshot.js';
import { readFileSnapshot } from '../../src/io/read-project.js';
import { readProjectModel } from '../../src/io/read-project-sources.js';
import { fakeAuthKey, fakeStandardKey } from '../support/fake-keys.js';

/**
 * Vite's real env loader (the `vite` dev dependency): `resolveConfig` reads the app's vite.config
 * (its `envDir`), `loadEnv(mode, envDir, prefixes)` loads the files, and `config.env` is what client
 * code sees as `import.meta.env`. Run on small Vite apps (test/fixtures/loaders/vite-*: the corpus
 * has no Vite app that calls Gemini), each compared with the doctor's model: the value the app's
 * `import.meta.env.X` gets, and whether a variable reaches client code at all. Vite is the judge.
 */
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'loaders');
const VITE = pathToFileURL(fileURLToPath(import.meta.resolve('vite'))).href;
const A = fakeAuthKey();
const B = fakeStandardKey();
const C = fakeAuthKey();
const D = fakeStandardKey();

let box: string;
before(async () => {
  box = await mkdtemp(join(tmpdir(), 'gkd-vite-'));
});
after(async () => {
  await rm(box, { recursive: true, force: true });
});

let n = 0;
async function copyOf(app: string, files: Record<string, string>): Promise<string> {
  const dir = join(box, String(n++), app);
  await cp(join(FIXTURES, app), dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

interface ViteSees {
  /** `loadEnv(mode, envDir, '')[variable]`: what Vite loaded, prefixed or not. */
  loaded: string | null;
  /** `config.env[variable]`: what client code gets as `import.meta.env[variable]`. */
  client: string | null;
  envDir: string;
}

/**
 * The real Vite, in one child process for the whole file (loadEnv reads process.env, so the shell
 * of each case is that child's environment, set afresh for each; importing Vite once instead of
 * once a case took this file from ~14 s of CPU to ~3). It answers one JSON line per case.
 */
const VITE_SERVER = `const { resolveConfig, loadEnv } = await import(${JSON.stringify(VITE)});
const base = { ...process.env };
const { createInterface } = await import('node:readline');
for await (const line of createInterface({ input: process.stdin })) {
  const { root, mode, shell, variable } = JSON.parse(line);
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, base, shell);
  const config = await resolveConfig({ root, mode, configLoader: 'native', logLevel: 'silent' }, 'serve');
  const all = loadEnv(mode, config.envDir, '');
  process.stdout.write(JSON.stringify({ loaded: all[variable] ?? null, client: config.env[variable] ?? null, envDir: config.envDir }) + '\\n');
}`;
let vite: ChildProcessWithoutNullStreams | undefined;
const answers: Array<(line: string) => void> = [];
after(() => vite?.kill());

function viteSees(
  root: string,
  mode: string,
  shell: Record<string, string>,
  variable: string,
): Promise<ViteSees> {
  if (vite === undefined) {
    vite = spawn(process.execPath, ['--input-type=module', '-e', VITE_SERVER], {
      env: { PATH: process.env['PATH'] ?? '' },
    });
    vite.stderr.pipe(process.stderr);
    createInterface({ input: vite.stdout }).on('line', (line) => answers.shift()?.(line));
  }
  const child = vite;
  return new Promise((resolve) => {
    answers.push((line) => resolve(JSON.parse(line) as ViteSees));
    child.stdin.write(`${JSON.stringify({ root, mode, shell, variable })}\n`);
  });
}

/** The doctor's claim: the raw value the app's call gets (null: nothing, or hidden from client code). */
async function modelled(
  root: string,
  shell: Record<string, string>,
  variable: string,
): Promise<string | null> {
  const model = await readProjectModel(root);
  const home = join(box, 'home');
  const paths = appEnvFilePaths(model, root, home, posix);
  const files = new Map(await Promise.all(paths.map(async (p) => [p, await readFileSnapshot(p)] as const)));
  const snapshot: ProjectSnapshot = { env: shell, cwd: root, home, files, platform: 'linux' };
  const use = resolveAppKeys(model, snapshot).find((u) => u.read?.variable === variable);
  assert.ok(use, `the doctor finds the read of ${variable}`);
  assert.equal(use.framework?.framework, 'vite');
  return (use.foundAs ?? use.key)?.reveal() ?? null;
}

const describeValue = (v: string | null, other: string | null) =>
  v === null ? 'nothing' : v === other ? 'the same value' : 'another value';

describe('Vite (the real loadEnv) agrees with the doctor, development mode', () => {
  const cases: {
    name: string;
    app: string;
    shell?: Record<string, string>;
    files: Record<string, string>;
  }[] = [
    { name: '.env only', app: 'vite-react', files: { '.env': `VITE_GEMINI_API_KEY=${A}\n` } },
    {
      name: '.env.local beats .env',
      app: 'vite-react',
      files: { '.env': `VITE_GEMINI_API_KEY=${A}\n`, '.env.local': `VITE_GEMINI_API_KEY=${B}\n` },
    },
    {
      name: '.env.development beats .env.local',
      app: 'vite-react',
      files: { '.env.local': `VITE_GEMINI_API_KEY=${A}\n`, '.env.development': `VITE_GEMINI_API_KEY=${B}\n` },
    },
    {
      name: '.env.development.local beats every other file',
      app: 'vite-react',
      files: {
        '.env': `VITE_GEMINI_API_KEY=${A}\n`,
        '.env.local': `VITE_GEMINI_API_KEY=${B}\n`,
        '.env.development': `VITE_GEMINI_API_KEY=${C}\n`,
        '.env.development.local': `VITE_GEMINI_API_KEY=${D}\n`,
      },
    },
    {
      name: '.env.production is not loaded in development',
      app: 'vite-react',
      files: { '.env.production': `VITE_GEMINI_API_KEY=${A}\n` },
    },
    {
      name: 'the shell beats the files',
      app: 'vite-react',
      shell: { VITE_GEMINI_API_KEY: C },
      files: { '.env.local': `VITE_GEMINI_API_KEY=${A}\n` },
    },
    {
      name: 'quoted and padded values',
      app: 'vite-react',
      files: { '.env': `VITE_GEMINI_API_KEY=" ${A} "\n` },
    },
    {
      name: 'a braced reference to another variable of the files is expanded',
      app: 'vite-react',
      files: { '.env': `GEMINI_API_KEY=${A}\nVITE_GEMINI_API_KEY=\${GEMINI_API_KEY}\n` },
    },
    {
      name: 'a $VAR reference to the shell is expanded',
      app: 'vite-react',
      shell: { GEMINI_API_KEY: B },
      files: { '.env.local': 'VITE_GEMINI_API_KEY=$GEMINI_API_KEY\n' },
    },
    {
      name: 'envDir: the files in config/ are loaded',
      app: 'vite-envdir',
      files: { 'config/.env.local': `VITE_GEMINI_API_KEY=${A}\n` },
    },
    {
      name: 'envDir: the files beside package.json are not',
      app: 'vite-envdir',
      files: { '.env': `VITE_GEMINI_API_KEY=${A}\n` },
    },
  ];
  for (const c of cases) {
    test(`${c.app}: ${c.name}`, async () => {
      const root = await copyOf(c.app, c.files);
      const shell = c.shell ?? {};
      const real = await viteSees(root, 'development', shell, 'VITE_GEMINI_API_KEY');
      const claim = await modelled(root, shell, 'VITE_GEMINI_API_KEY');
      assert.equal(
        claim === real.client,
        true,
        `Vite gives import.meta.env ${describeValue(real.client, claim)}, the doctor claims ${describeValue(claim, real.client)}`,
      );
    });
  }

  test('envPrefix: an APP_ variable reaches client code when vite.config adds that prefix', async () => {
    const root = await copyOf('vite-envprefix', { '.env.local': `APP_GEMINI_API_KEY=${A}\n` });
    const real = await viteSees(root, 'development', {}, 'APP_GEMINI_API_KEY');
    assert.equal(real.client, A);
    assert.equal(await modelled(root, {}, 'APP_GEMINI_API_KEY'), real.client);
  });

  test('a variable without the VITE_ prefix is loaded, but never reaches client code', async () => {
    const root = await copyOf('vite-react', {
      '.env': `GEMINI_API_KEY=${A}\n`,
      'src/main.ts':
        "import { GoogleGenAI } from '@google/genai';\nexport const ai = new GoogleGenAI({ apiKey: import.meta.env.GEMINI_API_KEY });\n",
    });
    const real = await viteSees(root, 'development', {}, 'GEMINI_API_KEY');
    assert.equal(real.loaded, A);
    assert.equal(real.client, null);
    const model = await readProjectModel(root);
    const paths = appEnvFilePaths(model, root, join(box, 'home'), posix);
    const files = new Map(await Promise.all(paths.map(async (p) => [p, await readFileSnapshot(p)] as const)));
    const snapshot: ProjectSnapshot = {
      env: {},
      cwd: root,
      home: join(box, 'home'),
      files,
      platform: 'linux',
    };
    const use = resolveAppKeys(model, snapshot).find((u) => u.read?.variable === 'GEMINI_API_KEY');
    assert.ok(use);
    assert.equal(use.key, null);
    assert.equal(use.hiddenFromCode, true);
  });
});

describe('Vite production mode (`vite build`): what the built app gets, against the real loadEnv', () => {
  const cases: {
    name: string;
    app: string;
    shell?: Record<string, string>;
    files: Record<string, string>;
  }[] = [
    {
      name: '.env.production beats .env.local',
      app: 'vite-react',
      files: { '.env.local': `VITE_GEMINI_API_KEY=${A}\n`, '.env.production': `VITE_GEMINI_API_KEY=${B}\n` },
    },
    {
      name: '.env.development is not read by a build',
      app: 'vite-react',
      files: { '.env.development': `VITE_GEMINI_API_KEY=${A}\n` },
    },
    {
      name: 'envDir applies to the build too',
      app: 'vite-envdir',
      files: {
        'config/.env.production.local': `VITE_GEMINI_API_KEY=${C}\n`,
        '.env.production': `VITE_GEMINI_API_KEY=${D}\n`,
      },
    },
    {
      name: 'the shell beats .env.production',
      app: 'vite-react',
      shell: { VITE_GEMINI_API_KEY: D },
      files: { '.env.production': `VITE_GEMINI_API_KEY=${A}\n` },
    },
  ];
  for (const c of cases) {
    test(`${c.app}: ${c.name}`, async () => {
      const root = await copyOf(c.app, c.files);
      const shell = c.shell ?? {};
      const real = await viteSees(root, 'production', shell, 'VITE_GEMINI_API_KEY');
      const model = await readProjectModel(root);
      const pkg = model.packages[0]!;
      const home = join(box, 'home');
      const paths = appEnvFilePaths(model, root, home, posix);
      const files = new Map(
        await Promise.all(paths.map(async (p) => [p, await readFileSnapshot(p)] as const)),
      );
      const snapshot: ProjectSnapshot = { env: shell, cwd: root, home, files, platform: 'linux' };
      const claim =
        viteModeEntry(pkg, FRAMEWORK_ENV.vite, 'VITE_GEMINI_API_KEY', 'production', snapshot, posix)?.value ??
        null;
      assert.equal(
        claim === real.client,
        true,
        `Vite builds with ${describeValue(real.client, claim)}, the doctor claims ${describeValue(claim, real.client)}`,
      );
      // The report says so when the build gets something else than the dev server.
      const [use] = resolveAppKeys(model, snapshot);
      const dev = (await viteSees(root, 'development', shell, 'VITE_GEMINI_API_KEY')).client;
      assert.equal(
        use!.notes.some((n) => n.startsWith('`vite build` runs in production mode')),
        dev !== real.client,
      );
    });
  }
});

describe("Vite's mode files: the order the doctor's model gives, against the real loadEnv in each mode", () => {
  for (const mode of ['development', 'production', 'staging']) {
    test(`${mode}: each file wins over the ones viteEnvFiles('${mode}') lists after it`, async () => {
      const order = viteEnvFiles(mode);
      assert.deepEqual(
        [...order].sort(),
        ['.env', '.env.local', `.env.${mode}`, `.env.${mode}.local`].sort(),
      );
      const keys = [A, B, C, D];
      // All four files, then without the first, the first two, the first three: each file wins once.
      for (const mask of [0b1111, 0b1110, 0b1100, 0b1000]) {
        const files: Record<string, string> = {};
        order.forEach((name, i) => {
          if (mask & (1 << i)) files[name] = `VITE_GEMINI_API_KEY=${keys[i]}\n`;
        });
        const root = await copyOf('vite-react', files);
        const real = await viteSees(root, mode, {}, 'VITE_GEMINI_API_KEY');
        const first = order.findIndex((_, i) => mask & (1 << i));
        assert.equal(
          real.client === keys[first],
          true,
          `mode ${mode}, files ${Object.keys(files).join(', ')}`,
        );
      }
    });
  }
  test("the doctor's Vite entry is the development order", () => {
    assert.deepEqual(FRAMEWORK_ENV.vite.files, viteEnvFiles('development'));
  });
});
