import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveAppKeys } from '../../../src/core/project/app-keys.js';
import type {
  DependencyVersion,
  PackageModel,
  ProjectModel,
} from '../../../src/core/project/project-model.js';
import type { AppClient, SourceFacts } from '../../../src/core/project/source-facts.js';
import { fakeAuthKey } from '../../support/fake-keys.js';
import { snapshotOf } from '../resolution/snapshot-builder.js';

const ROOT = '/home/dev/repo';
const A = fakeAuthKey();
const B = fakeAuthKey();

/** One source file whose only call reads `variable` (or the client's default when null). */
function source(
  file: string,
  client: AppClient,
  variable: string | null,
  extra: Partial<SourceFacts> = {},
): SourceFacts {
  const read = variable ? { file, line: 3, variable, via: 'process.env' as const } : null;
  return {
    file,
    language: file.endsWith('.py') ? 'python' : 'js',
    reads: read ? [read] : [],
    calls: [{ file, line: 4, client, key: read ? { kind: 'variable', read } : { kind: 'default' } }],
    models: [],
    loaders: [],
    required: [],
    ...extra,
  };
}

function pkg(
  rel: string,
  deps: string[],
  sources: SourceFacts[],
  versions: Record<string, string> = {},
): PackageModel {
  const npm = new Set(deps.filter((d) => !d.startsWith('py:')));
  const python = new Set(deps.filter((d) => d.startsWith('py:')).map((d) => d.slice(3)));
  return {
    dir: rel === '' ? ROOT : `${ROOT}/${rel}`,
    rel,
    name: null,
    npm,
    python,
    versions: new Map(
      Object.entries(versions).map(([n, v]) => [
        n,
        { version: v, from: 'installed' } satisfies DependencyVersion,
      ]),
    ),
    scripts: [],
    geminiCli: false,
    sources,
  };
}

const model = (packages: PackageModel[], workspaceRootAbove: string | null = null): ProjectModel => ({
  root: ROOT,
  workspace: null,
  workspaceRootAbove,
  packages,
  scan: { files: 1, read: 1, skipped: 0, truncated: false, parser: 'oxc' },
});

const resolve = (m: ProjectModel, env: Record<string, string>, files: Record<string, string>) =>
  resolveAppKeys(m, snapshotOf({ env, cwd: ROOT, files }));

describe('the code names the variable', () => {
  const next = model([
    pkg('', ['next', '@google/genai'], [source('app/api/route.ts', '@google/genai', 'GEMINI_API_KEY')]),
  ]);

  test('Next.js: .env.local beats .env; the shell beats both; the source names the file and variable', () => {
    const [fromFile] = resolve(
      next,
      {},
      { [`${ROOT}/.env`]: `GEMINI_API_KEY=${B}\n`, [`${ROOT}/.env.local`]: `GEMINI_API_KEY=${A}\n` },
    );
    assert.equal(fromFile!.key?.reveal(), A);
    assert.equal(fromFile!.source, 'file:.env.local:GEMINI_API_KEY');
    const [fromShell] = resolve(
      next,
      { GEMINI_API_KEY: B },
      { [`${ROOT}/.env.local`]: `GEMINI_API_KEY=${A}\n` },
    );
    assert.equal(fromShell!.source, 'env:GEMINI_API_KEY');
  });

  test('a stale GOOGLE_API_KEY in the shell does not matter when the code passes GEMINI_API_KEY', () => {
    const [use] = resolve(next, { GOOGLE_API_KEY: B }, { [`${ROOT}/.env.local`]: `GEMINI_API_KEY=${A}\n` });
    assert.equal(use!.key?.reveal(), A);
  });

  test('@google/genai: an unset explicit variable falls back to its own lookup, unless the code requires it', () => {
    const [fallback] = resolve(next, { GOOGLE_API_KEY: B }, {});
    assert.equal(fallback!.variable, 'GOOGLE_API_KEY');
    const guarded = model([
      pkg(
        '',
        ['next'],
        [source('app/api/route.ts', '@google/genai', 'GEMINI_API_KEY', { required: ['GEMINI_API_KEY'] })],
      ),
    ]);
    const [stops] = resolve(guarded, { GOOGLE_API_KEY: B }, {});
    assert.equal(stops!.key, null);
  });

  test('the legacy SDK has no lookup of its own: an unset variable sends nothing usable', () => {
    const legacy = model([pkg('', [], [source('server.js', '@google/generative-ai', 'GEMINI_API_KEY')])]);
    const [use] = resolve(legacy, { GOOGLE_API_KEY: B }, {});
    assert.equal(use!.key, null);
  });
});

describe('framework env semantics', () => {
  test('monorepo: Next.js in apps/web never loads the root .env', () => {
    const m = model(
      [pkg('apps/web', ['next'], [source('apps/web/lib/gemini.ts', 'fetch', 'GEMINI_API_KEY')])],
      null,
    );
    const [rootOnly] = resolve(m, {}, { [`${ROOT}/.env`]: `GEMINI_API_KEY=${A}\n` });
    assert.equal(rootOnly!.key, null);
    assert.deepEqual(rootOnly!.loadFiles, [
      'apps/web/.env.development.local',
      'apps/web/.env.local',
      'apps/web/.env.development',
      'apps/web/.env',
    ]);
    const [own] = resolve(m, {}, { [`${ROOT}/apps/web/.env.local`]: `GEMINI_API_KEY=${A}\n` });
    assert.equal(own!.source, 'file:apps/web/.env.local:GEMINI_API_KEY');
  });

  test('Create React App hides non-REACT_APP_ variables from the code, and flags REACT_APP_ as inlined', () => {
    const cra = (variable: string) =>
      model([
        pkg('', ['react-scripts', '@google/genai'], [source('src/App.tsx', '@google/genai', variable)]),
      ]);
    const [hidden] = resolve(cra('GEMINI_API_KEY'), {}, { [`${ROOT}/.env`]: `GEMINI_API_KEY=${A}\n` });
    assert.equal(hidden!.key, null);
    assert.equal(hidden!.hiddenFromCode, true);
    const [inlined] = resolve(
      cra('REACT_APP_GEMINI_API_KEY'),
      {},
      {
        [`${ROOT}/.env`]: `REACT_APP_GEMINI_API_KEY=${A}\n`,
      },
    );
    assert.equal(inlined!.key?.reveal(), A);
    assert.equal(inlined!.browserPrefix, 'REACT_APP_');
  });

  test('python-dotenv: load_dotenv() walks up from the calling file and never overrides the shell', () => {
    const py = source('backend/src/agent/graph.py', 'google-genai', 'GEMINI_API_KEY', {
      loaders: [{ file: 'backend/src/agent/graph.py', line: 2, loader: 'python-dotenv', override: false }],
    });
    const m = model([pkg('backend', ['py:google-genai'], [py])]);
    const [walked] = resolve(m, {}, { [`${ROOT}/.env`]: `GEMINI_API_KEY=${A}\n` });
    assert.equal(walked!.source, 'file:.env:GEMINI_API_KEY');
    const [nearest] = resolve(
      m,
      {},
      {
        [`${ROOT}/.env`]: `GEMINI_API_KEY=${B}\n`,
        [`${ROOT}/backend/.env`]: `GEMINI_API_KEY=${A}\n`,
      },
    );
    assert.equal(nearest!.key?.reveal(), A);
    const [shell] = resolve(m, { GEMINI_API_KEY: B }, { [`${ROOT}/backend/.env`]: `GEMINI_API_KEY=${A}\n` });
    assert.equal(shell!.key?.reveal(), B);
  });

  test('Streamlit: root-level secrets become environment variables; .env is never loaded', () => {
    const m = model([
      pkg(
        '',
        ['py:streamlit', 'py:google-generativeai'],
        [source('app.py', 'google-generativeai', 'GOOGLE_API_KEY')],
      ),
    ]);
    const [secret] = resolve(
      m,
      {},
      { [`${ROOT}/.streamlit/secrets.toml`]: `GOOGLE_API_KEY = "${A}"\n[db]\nGOOGLE_API_KEY = "${B}"\n` },
    );
    assert.equal(secret!.key?.reveal(), A);
    assert.equal(secret!.source, 'secrets:.streamlit/secrets.toml:GOOGLE_API_KEY');
    const [dotenv] = resolve(m, {}, { [`${ROOT}/.env`]: `GOOGLE_API_KEY=${A}\n` });
    assert.equal(dotenv!.key, null);
  });
});

describe('client versions and what is sent', () => {
  const lc = (version: string) =>
    model([
      pkg('', ['@langchain/google-genai'], [source('chain.ts', '@langchain/google-genai', null)], {
        '@langchain/google-genai': version,
      }),
    ]);

  test('LangChain 2.3.0+ reads GOOGLE_API_KEY || GEMINI_API_KEY; 2.2.x GOOGLE_API_KEY only', () => {
    const [newer] = resolve(lc('2.3.2'), { GEMINI_API_KEY: A }, {});
    assert.equal(newer!.key?.reveal(), A);
    assert.equal(newer!.rule.range, '≥ 2.3.0');
    const [older] = resolve(lc('2.2.0'), { GEMINI_API_KEY: A }, {});
    assert.equal(older!.key, null);
    assert.equal(older!.rule.range, '0.2.18 – 2.2.x');
  });

  test('fetch-based clients send the trimmed value; Python clients send it as found', () => {
    const js = model([pkg('', ['@ai-sdk/google'], [source('ai.ts', '@ai-sdk/google', null)])]);
    const [trimmed] = resolve(js, { GOOGLE_GENERATIVE_AI_API_KEY: ` ${A}\n` }, {});
    assert.equal(trimmed!.key?.reveal(), A);
    assert.equal(trimmed!.foundAs?.reveal(), ` ${A}\n`);
    const py = model([pkg('', ['py:google-genai'], [source('app.py', 'google-genai', 'GEMINI_API_KEY')])]);
    const [raw] = resolve(py, { GEMINI_API_KEY: ` ${A}` }, {});
    assert.equal(raw!.key?.reveal(), ` ${A}`);
  });
});
