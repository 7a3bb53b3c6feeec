import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { appEnvFilePaths, resolveAppKeys } from '../../src/core/project/app-keys.js';
import type { ProjectSnapshot } from '../../src/core/project-snapshot.js';
import { readFileSnapshot } from '../../src/io/read-project.js';
import { readProjectModel } from '../../src/io/read-project-sources.js';
import { fakeAuthKey, fakeStandardKey } from '../support/fake-keys.js';

/**
 * The loaders, for real: the real Next.js env loader (`@next/env` from npm, `loadEnvConfig(dir,
 * dev)`) and the real python-dotenv (Debian's python3-dotenv, `load_dotenv()` called from the
 * project's own file location) run on copies of the corpus projects, and the value they load for
 * the variable the code reads must be the value the doctor's model says the app gets.
 */
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'projects');
const NEXT_ENV = fileURLToPath(import.meta.resolve('@next/env'));
const A = fakeAuthKey();
const B = fakeStandardKey();
const C = fakeAuthKey();

let box: string;
before(async () => {
  box = await mkdtemp(join(tmpdir(), 'gkd-loaders-'));
});
after(async () => {
  await rm(box, { recursive: true, force: true });
});

let n = 0;
async function copyOf(project: string, files: Record<string, string>): Promise<string> {
  const dir = join(box, String(n++), project);
  await cp(join(FIXTURES, project), dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/** The doctor's claim: the raw value the app's code gets for the variable it reads (before any client trims it). */
async function modelled(
  cwd: string,
  shell: Record<string, string>,
  pkg: string,
  variable: string,
): Promise<string | null> {
  const model = await readProjectModel(cwd);
  const home = join(box, 'home');
  const paths = appEnvFilePaths(model, cwd, home, posix);
  const files = new Map(await Promise.all(paths.map(async (p) => [p, await readFileSnapshot(p)] as const)));
  const snapshot: ProjectSnapshot = { env: shell, cwd, home, files, platform: 'linux' };
  const use = resolveAppKeys(model, snapshot).find((u) => u.package === pkg);
  assert.ok(use, 'the doctor finds the Gemini call');
  assert.equal(use.read?.variable ?? use.rule.defaultVariables[0], variable);
  if (use.variable !== variable) return null;
  return (use.foundAs ?? use.key)?.reveal() ?? null;
}

/** What @next/env loads into process.env for `variable`, run in a child so the test's env stays clean. */
function nextLoads(appDir: string, shell: Record<string, string>, variable: string): string | null {
  const script = `const { loadEnvConfig } = require(${JSON.stringify(NEXT_ENV)});
loadEnvConfig(process.argv[1], true, { info() {}, error() {} });
process.stdout.write(JSON.stringify(process.env[process.argv[2]] ?? null));`;
  const out = execFileSync(process.execPath, ['-e', script, appDir, variable], {
    env: { PATH: process.env['PATH'] ?? '', ...shell },
    encoding: 'utf8',
  });
  return JSON.parse(out) as string | null;
}

/** What python-dotenv's load_dotenv() loads when called from `callerFile` (its find_dotenv walks up from there). */
function pythonLoads(
  callerFile: string,
  cwd: string,
  shell: Record<string, string>,
  variable: string,
): string | null {
  const probe = join(dirname(callerFile), '_gkd_probe.py');
  const code = `import os, json\nfrom dotenv import load_dotenv\nload_dotenv()\nprint(json.dumps(os.environ.get(${JSON.stringify(variable)})))\n`;
  execFileSync('sh', ['-c', `cat > "$0"`, probe], { input: code });
  const out = execFileSync('python3', [probe], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', ...shell },
    encoding: 'utf8',
  });
  return JSON.parse(out) as string | null;
}

const hasPythonDotenv = (() => {
  try {
    execFileSync('python3', ['-c', 'import dotenv'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('@next/env (the real Next.js loader) agrees with the doctor on the corpus Next.js apps', () => {
  const cases: {
    name: string;
    project: string;
    app: string;
    variable: string;
    shell?: Record<string, string>;
    files: Record<string, string>;
  }[] = [
    {
      name: '.env only',
      project: 'nextjs-veo',
      app: '',
      variable: 'GEMINI_API_KEY',
      files: { '.env': `GEMINI_API_KEY=${A}\n` },
    },
    {
      name: '.env.local beats .env',
      project: 'nextjs-veo',
      app: '',
      variable: 'GEMINI_API_KEY',
      files: { '.env': `GEMINI_API_KEY=${A}\n`, '.env.local': `GEMINI_API_KEY=${B}\n` },
    },
    {
      name: '.env.development.local beats .env.local beats .env.development',
      project: 'nextjs-image-editing',
      app: '',
      variable: 'GEMINI_API_KEY',
      files: {
        '.env.development': `GEMINI_API_KEY=${A}\n`,
        '.env.local': `GEMINI_API_KEY=${B}\n`,
        '.env.development.local': `GEMINI_API_KEY=${C}\n`,
      },
    },
    {
      name: 'the shell beats every file',
      project: 'nextjs-veo',
      app: '',
      variable: 'GEMINI_API_KEY',
      shell: { GEMINI_API_KEY: C },
      files: { '.env.local': `GEMINI_API_KEY=${A}\n` },
    },
    {
      name: '.env.production is not loaded in development',
      project: 'nextjs-veo',
      app: '',
      variable: 'GEMINI_API_KEY',
      files: { '.env.production': `GEMINI_API_KEY=${A}\n` },
    },
    {
      name: 'quoted and padded values',
      project: 'nextjs-ai-sdk-chatbot',
      app: '',
      variable: 'GOOGLE_GENERATIVE_AI_API_KEY',
      files: { '.env': `GOOGLE_GENERATIVE_AI_API_KEY=" ${A} "\n` },
    },
    {
      name: 'a braced reference to another variable of the file is expanded',
      project: 'nextjs-veo',
      app: '',
      variable: 'GEMINI_API_KEY',
      files: { '.env': `MY_KEY=${A}\nGEMINI_API_KEY=\${MY_KEY}\n` },
    },
    {
      name: 'a $VAR reference to the shell is expanded',
      project: 'nextjs-veo',
      app: '',
      variable: 'GEMINI_API_KEY',
      shell: { MY_KEY: B },
      files: { '.env.local': 'GEMINI_API_KEY=$MY_KEY\n' },
    },
    {
      name: 'a default for an unset reference',
      project: 'nextjs-veo',
      app: '',
      variable: 'GEMINI_API_KEY',
      files: { '.env': `GEMINI_API_KEY=\${UNSET:-${C}}\n` },
    },
    {
      name: 'a reference to a variable a higher-precedence file sets',
      project: 'nextjs-veo',
      app: '',
      variable: 'GEMINI_API_KEY',
      files: { '.env.local': `MY_KEY=${A}\n`, '.env': `GEMINI_API_KEY=\${MY_KEY}\n` },
    },
    {
      name: 'a reference to a variable only a lower-precedence file sets',
      project: 'nextjs-veo',
      app: '',
      variable: 'GEMINI_API_KEY',
      files: { '.env.local': `GEMINI_API_KEY=\${MY_KEY}\n`, '.env': `MY_KEY=${A}\n` },
    },
    {
      name: 'an escaped \\$ stays a dollar sign',
      project: 'nextjs-veo',
      app: '',
      variable: 'GEMINI_API_KEY',
      files: { '.env': 'GEMINI_API_KEY=AIza\\$FAKE\n' },
    },
    {
      name: 'monorepo: the root .env is never loaded for apps/web',
      project: 'turborepo-web',
      app: 'apps/web',
      variable: 'GEMINI_API_KEY',
      files: { '.env': `GEMINI_API_KEY=${A}\n` },
    },
    {
      name: 'monorepo: apps/web/.env.local is',
      project: 'turborepo-web',
      app: 'apps/web',
      variable: 'GEMINI_API_KEY',
      files: { '.env': `GEMINI_API_KEY=${A}\n`, 'apps/web/.env.local': `GEMINI_API_KEY=${B}\n` },
    },
  ];
  for (const c of cases) {
    test(`${c.project}: ${c.name}`, async () => {
      const root = await copyOf(c.project, c.files);
      const shell = c.shell ?? {};
      // An empty value sends no key, as an unset one: both are "nothing" here.
      const real = nextLoads(join(root, c.app), shell, c.variable) || null;
      const claim = await modelled(root, shell, c.app, c.variable);
      assert.equal(
        claim === real,
        true,
        `@next/env loads ${real === null ? 'nothing' : 'a value'}, the doctor claims ${claim === null ? 'nothing' : claim === real ? 'the same' : 'another value'}`,
      );
    });
  }
});

describe('python-dotenv (the real one) agrees with the doctor on the corpus Python apps', {
  skip: !hasPythonDotenv && 'python3-dotenv is not installed (.ci/run installs it)',
}, () => {
  const cases: {
    name: string;
    project: string;
    caller: string;
    cwd: string;
    pkg: string;
    variable: string;
    shell?: Record<string, string>;
    files: Record<string, string>;
  }[] = [
    {
      name: 'backend/.env, run from backend',
      project: 'langgraph-monorepo',
      caller: 'backend/src/agent/graph.py',
      cwd: 'backend',
      pkg: '',
      variable: 'GEMINI_API_KEY',
      files: { 'backend/.env': `GEMINI_API_KEY=${A}\n` },
    },
    {
      name: 'the repository root .env, found walking up from the calling file',
      project: 'langgraph-monorepo',
      caller: 'backend/src/agent/graph.py',
      cwd: '.',
      pkg: 'backend',
      variable: 'GEMINI_API_KEY',
      files: { '.env': `GEMINI_API_KEY=${A}\n` },
    },
    {
      name: 'the nearest .env wins the walk',
      project: 'langgraph-monorepo',
      caller: 'backend/src/agent/graph.py',
      cwd: '.',
      pkg: 'backend',
      variable: 'GEMINI_API_KEY',
      files: { '.env': `GEMINI_API_KEY=${A}\n`, 'backend/.env': `GEMINI_API_KEY=${B}\n` },
    },
    {
      name: 'no override: the shell wins',
      project: 'flask-quickstart',
      caller: 'app.py',
      cwd: '.',
      pkg: '',
      variable: 'GOOGLE_API_KEY',
      shell: { GOOGLE_API_KEY: C },
      files: { '.env': `GOOGLE_API_KEY=${A}\n` },
    },
    {
      name: 'a parent folder .env',
      project: 'flask-quickstart',
      caller: 'app.py',
      cwd: '.',
      pkg: '',
      variable: 'GOOGLE_API_KEY',
      files: { '../.env': `GOOGLE_API_KEY=${B}\n` },
    },
    {
      name: 'quoted values with spaces',
      project: 'express-chat',
      caller: 'server-python/app.py',
      cwd: 'server-python',
      pkg: '',
      variable: 'GOOGLE_API_KEY',
      files: { 'server-python/.env': `GOOGLE_API_KEY=' ${A} '\n` },
    },
  ];
  for (const c of cases) {
    test(`${c.project}: ${c.name}`, async () => {
      const root = await copyOf(c.project, c.files);
      const shell = c.shell ?? {};
      const real = pythonLoads(join(root, c.caller), join(root, c.cwd), shell, c.variable);
      const claim = await modelled(join(root, c.cwd), shell, c.pkg, c.variable);
      assert.equal(
        claim === real,
        true,
        `python-dotenv loads ${real === null ? 'nothing' : 'a value'}, the doctor claims ${claim === null ? 'nothing' : claim === real ? 'the same' : 'another value'}`,
      );
    });
  }
});
