import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveAppKeys } from '../../../src/core/project/app-keys.js';
import {
  type ComposeFileRead,
  composeEnvFilePaths,
  resolveComposeKeys,
} from '../../../src/core/project/compose-keys.js';
import { composeServices } from '../../../src/core/project/compose-services.js';
import type { PackageModel, ProjectModel } from '../../../src/core/project/project-model.js';
import type { SourceFacts } from '../../../src/core/project/source-facts.js';
import { parseComposeYaml } from '../../../src/io/compose-yaml.js';
import { fakeAuthKey, fakeStandardKey } from '../../support/fake-keys.js';
import { snapshotOf } from '../resolution/snapshot-builder.js';

const ROOT = '/home/dev/repo';
const A = fakeAuthKey();
const B = fakeStandardKey();

/** A Python backend in backend/ whose graph.py reads GEMINI_API_KEY (the langgraph layout). */
function backend(): PackageModel {
  const file = 'backend/src/agent/graph.py';
  const read = { file, line: 40, variable: 'GEMINI_API_KEY', via: 'os.environ' as const };
  const facts: SourceFacts = {
    file,
    language: 'python',
    reads: [read],
    calls: [{ file, line: 41, client: 'google-genai', key: { kind: 'variable', read } }],
    models: [],
    loaders: [],
    required: [],
  };
  return {
    dir: `${ROOT}/backend`,
    rel: 'backend',
    name: null,
    npm: new Set(),
    python: new Set(['google-genai']),
    versions: new Map(),
    scripts: [],
    geminiCli: false,
    sources: [facts],
  };
}

const model: ProjectModel = {
  root: ROOT,
  workspace: null,
  workspaceRootAbove: null,
  packages: [backend()],
  scan: { files: 1, read: 1, skipped: 0, truncated: false, parser: 'none' },
};

function composeView(yaml: string, env: Record<string, string>, files: Record<string, string>) {
  const parsed = parseComposeYaml(yaml);
  const read: ComposeFileRead = {
    path: `${ROOT}/compose.yaml`,
    doc: parsed.doc,
    error: parsed.error,
    aboveRoot: false,
  };
  const snapshot = snapshotOf({ env, cwd: ROOT, files });
  return resolveComposeKeys(model, [read], resolveAppKeys(model, snapshot), snapshot);
}

describe('Docker Compose: what the service running the app gets for the variable its code reads', () => {
  test('build: ./backend ties the service to the backend app, and names the read', () => {
    const [use] = composeView(
      'services:\n  api:\n    build: ./backend\n    env_file: ./backend/.env\n',
      {},
      {
        [`${ROOT}/backend/.env`]: `GEMINI_API_KEY=${A}\n`,
      },
    );
    assert.equal(use?.service, 'api');
    assert.equal(use?.package, 'backend');
    assert.deepEqual(use?.read, { file: 'backend/src/agent/graph.py', line: 40 });
    assert.equal(use?.key?.reveal(), A);
    assert.equal(use?.source, 'file:backend/.env:GEMINI_API_KEY');
    assert.equal(use?.via, 'env_file');
  });

  test('the .env beside compose.yaml is not injected: no entry, no key, and the file is named', () => {
    const [use] = composeView(
      'services:\n  api:\n    build:\n      context: backend\n',
      {},
      {
        [`${ROOT}/.env`]: `GEMINI_API_KEY=${A}\n`,
      },
    );
    assert.equal(use?.key, null);
    assert.equal(use?.noEntry, true);
    assert.deepEqual(use?.dotEnv, { file: '.env', has: true });
  });

  test('`environment: [GEMINI_API_KEY]` passes it from the .env beside compose.yaml; the shell wins', () => {
    const yaml = 'services:\n  api:\n    build: ./backend\n    environment:\n      - GEMINI_API_KEY\n';
    const files = { [`${ROOT}/.env`]: `GEMINI_API_KEY=${A}\n` };
    assert.equal(composeView(yaml, {}, files)[0]?.source, 'file:.env:GEMINI_API_KEY');
    const [fromShell] = composeView(yaml, { GEMINI_API_KEY: B }, files);
    assert.equal(fromShell?.key?.reveal(), B);
    assert.equal(fromShell?.source, 'env:GEMINI_API_KEY');
  });

  test('a braced GEMINI_API_KEY reference with nothing to fill it: an empty value, named as unset', () => {
    const [use] = composeView(
      `services:\n  api:\n    build: ./backend\n    env_file: ./backend/.env\n    environment:\n      GEMINI_API_KEY: \${GEMINI_API_KEY}\n`,
      {},
      { [`${ROOT}/backend/.env`]: `GEMINI_API_KEY=${A}\n` },
    );
    // environment overrides env_file even when its value is empty (05-services.md).
    assert.equal(use?.key, null);
    assert.equal(use?.unsetFrom, 'GEMINI_API_KEY');
    assert.equal(use?.envFileOverridden, true);
  });

  test('a missing env_file stops the service; `required: false` skips it', () => {
    const [missing] = composeView(
      'services:\n  api:\n    build: ./backend\n    env_file: ./nope.env\n',
      {},
      {},
    );
    assert.deepEqual(missing?.errors, ['env file ./nope.env not found']);
    const [optional] = composeView(
      'services:\n  api:\n    build: ./backend\n    env_file:\n      - path: ./nope.env\n        required: false\n',
      {},
      {},
    );
    assert.deepEqual(optional?.errors, []);
  });

  test('an env_file path with a variable is interpolated, for reading it and for the files the edge gathers', () => {
    const yaml = `services:\n  api:\n    build: ./backend\n    env_file: ./config/\${APP_ENV:-dev}.env\n`;
    const files = {
      [`${ROOT}/.env`]: 'APP_ENV=prod\n',
      [`${ROOT}/config/prod.env`]: `GEMINI_API_KEY=${A}\n`,
    };
    assert.equal(composeView(yaml, {}, files)[0]?.source, 'file:config/prod.env:GEMINI_API_KEY');
    const parsed = parseComposeYaml(yaml);
    const read = { path: `${ROOT}/compose.yaml`, doc: parsed.doc, error: null, aboveRoot: false };
    assert.deepEqual(composeEnvFilePaths([read], snapshotOf({ cwd: ROOT, files })), [
      `${ROOT}/config/prod.env`,
    ]);
    assert.deepEqual(composeEnvFilePaths([read], snapshotOf({ cwd: ROOT })), [`${ROOT}/config/dev.env`]);
  });

  test('an image-only service is reported only when its env names a key variable', () => {
    const uses = composeView(
      `services:\n  redis:\n    image: redis:6\n  api:\n    image: my-api\n    environment:\n      GEMINI_API_KEY: \${GEMINI_API_KEY}\n      PORT: "80"\n`,
      { GEMINI_API_KEY: A },
      {},
    );
    assert.deepEqual(
      uses.map((u) => [u.service, u.package, u.variable, u.key?.reveal(), u.appLinked]),
      [['api', null, 'GEMINI_API_KEY', A, true]],
    );
    // A GOOGLE_API_KEY nothing in the project reads (a Maps key, say) is someone else's: not app-linked.
    const [maps] = composeView(
      'services:\n  maps:\n    image: maps\n    environment:\n      - GOOGLE_API_KEY\n',
      {},
      {},
    );
    assert.deepEqual([maps?.variable, maps?.key, maps?.appLinked], ['GOOGLE_API_KEY', null, false]);
  });

  test("a call with the client's own lookup: the first of its variables the container sets", () => {
    const lookup = backend();
    const facts = lookup.sources[0]!;
    lookup.sources = [{ ...facts, reads: [], calls: [{ ...facts.calls[0]!, key: { kind: 'default' } }] }];
    const m: ProjectModel = { ...model, packages: [lookup] };
    const parsed = parseComposeYaml(
      'services:\n  api:\n    build: ./backend\n    environment:\n      - GEMINI_API_KEY\n',
    );
    const read: ComposeFileRead = {
      path: `${ROOT}/compose.yaml`,
      doc: parsed.doc,
      error: null,
      aboveRoot: false,
    };
    const snapshot = snapshotOf({ env: { GEMINI_API_KEY: A }, cwd: ROOT });
    const uses = resolveAppKeys(m, snapshot);
    assert.deepEqual(uses[0]?.rule.defaultVariables, ['GOOGLE_API_KEY', 'GEMINI_API_KEY']);
    const [use] = resolveComposeKeys(m, [read], uses, snapshot);
    assert.equal(use?.variable, 'GEMINI_API_KEY');
    assert.equal(use?.key?.reveal(), A);
    assert.equal(use?.read, null);
  });

  test('compose.override.yaml is merged in: its env_file is appended, and the file shown names both', () => {
    const base = parseComposeYaml('services:\n  api:\n    build: ./backend\n');
    const over = parseComposeYaml('services:\n  api:\n    env_file: ./backend/.env\n');
    const read: ComposeFileRead = {
      path: `${ROOT}/compose.yaml`,
      doc: base.doc,
      error: null,
      aboveRoot: false,
      override: { path: `${ROOT}/compose.override.yaml`, doc: over.doc, error: null },
    };
    const snapshot = snapshotOf({ cwd: ROOT, files: { [`${ROOT}/backend/.env`]: `GEMINI_API_KEY=${A}\n` } });
    const [use] = resolveComposeKeys(model, [read], resolveAppKeys(model, snapshot), snapshot);
    assert.equal(use?.file, 'compose.yaml + compose.override.yaml');
    assert.equal(use?.key?.reveal(), A);
    assert.equal(use?.via, 'env_file');
  });

  test('a service building a folder with no Gemini call says nothing', () => {
    assert.deepEqual(composeView('services:\n  web:\n    build: ./frontend\n', {}, {}), []);
  });
});

describe('compose services: the shapes Compose accepts', () => {
  test('build as a string or a mapping (context defaults to "."), env_file as a string, list or mappings, environment as a map or list', () => {
    const { doc } = parseComposeYaml(
      [
        'x-common: &common',
        '  environment:',
        '    SHARED: "1"',
        'services:',
        '  a:',
        '    <<: *common',
        '    build: {dockerfile: Dockerfile.dev}',
        '    env_file: a.env',
        '  b:',
        '    build: ./b',
        '    env_file: [one.env, {path: two.env, required: false, format: raw}]',
        '    environment: [A=1, B, C=x=y]',
        '  c: not-a-mapping',
      ].join('\n'),
    );
    const [a, b] = composeServices(doc);
    assert.equal(a?.build, '.');
    assert.deepEqual(a?.environment, [{ name: 'SHARED', value: '1' }]);
    assert.deepEqual(a?.envFiles, [{ path: 'a.env', required: true, raw: false }]);
    assert.equal(b?.build, './b');
    assert.deepEqual(b?.envFiles, [
      { path: 'one.env', required: true, raw: false },
      { path: 'two.env', required: false, raw: true },
    ]);
    assert.deepEqual(b?.environment, [
      { name: 'A', value: '1' },
      { name: 'B', value: null },
      { name: 'C', value: 'x=y' },
    ]);
    assert.equal(composeServices(doc).length, 2);
  });

  test('bad YAML is an error with its line, never a throw', () => {
    const bad = parseComposeYaml('services:\n  api:\n    build: .\n   env_file: x\n');
    assert.equal(bad.doc, null);
    assert.match(bad.error ?? '', /^line 4: /);
    assert.deepEqual(composeServices(null), []);
    assert.deepEqual(composeServices('just a string'), []);
  });

  test('an alias bomb is refused, not expanded', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      );
    const result = parseComposeYaml(lines.join('\n'));
    assert.equal(result.doc, null);
    assert.ok(result.error);
  });
});
