import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ProjectModel } from '../../src/core/project/project-model.js';
import { MAX_COMPOSE_FILE_BYTES, readComposeFiles } from '../../src/io/read-compose.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'dist', 'bin', 'gemini-key-doctor.cjs');

let box: string;
before(async () => {
  box = await mkdtemp(join(tmpdir(), 'gkd-compose-'));
});
after(async () => {
  await rm(box, { recursive: true, force: true });
});

const modelAt = (root: string, appDirs: string[] = []): ProjectModel => ({
  root,
  workspace: null,
  workspaceRootAbove: null,
  packages: appDirs.map((dir) => ({
    dir,
    rel: dir.slice(root.length + 1),
    name: null,
    npm: new Set(),
    python: new Set(),
    versions: new Map(),
    scripts: [],
    geminiCli: false,
    sources: [],
  })),
  scan: { files: 0, read: 0, skipped: 0, truncated: false, parser: 'none' },
});

let n = 0;
async function project(files: Record<string, string>): Promise<string> {
  const dir = join(box, String(n++), 'repo');
  await mkdir(dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

describe('reading compose files', () => {
  test('compose.yaml is preferred over docker-compose.yml in one folder; an app folder and the parent are looked at too', async () => {
    const dir = await project({
      'compose.yaml': 'services: {a: {image: x}}\n',
      'docker-compose.yml': 'services: {b: {image: y}}\n',
      'api/docker-compose.yaml': 'services: {c: {build: .}}\n',
      '../compose.yml': 'services: {d: {build: ./repo}}\n',
    });
    const files = await readComposeFiles(modelAt(dir, [join(dir, 'api')]));
    assert.deepEqual(
      files.map((f) => [f.path.slice(dirname(dir).length), f.aboveRoot]),
      [
        ['/repo/compose.yaml', false],
        ['/compose.yml', true],
        ['/repo/api/docker-compose.yaml', false],
      ],
    );
    assert.ok(files.every((f) => f.error === null && typeof f.doc === 'object'));
  });

  test('the override file beside the base one is read with it', async () => {
    const dir = await project({
      'compose.yaml': 'services: {a: {build: .}}\n',
      'compose.override.yaml': 'services: {a: {env_file: [.env]}}\n',
    });
    const [file] = await readComposeFiles(modelAt(dir));
    assert.equal(file?.override?.path, join(dir, 'compose.override.yaml'));
    assert.deepEqual(file?.override?.doc, { services: { a: { env_file: ['.env'] } } });
  });

  test('a bad or oversized file is an error to report, never a throw', async () => {
    const bad = await project({ 'compose.yaml': 'services:\n  a:\n    image: x\n   build: .\n' });
    const [badFile] = await readComposeFiles(modelAt(bad));
    assert.equal(badFile?.doc, null);
    assert.match(badFile?.error ?? '', /^line 4: /);
    const big = await project({ 'compose.yaml': `# ${'x'.repeat(MAX_COMPOSE_FILE_BYTES)}\n` });
    const [bigFile] = await readComposeFiles(modelAt(big));
    assert.match(bigFile?.error ?? '', /larger than 256 KB/);
  });

  test('no compose file: nothing read', async () => {
    assert.deepEqual(await readComposeFiles(modelAt(await project({ 'app.py': 'print(1)\n' }))), []);
  });
});

/**
 * The built CLI loads the YAML parser (its own bundle, dist/bin/lazy/compose-yaml.cjs) only for a
 * project with a compose file: `--version`, `explain` and a doctor run elsewhere never pay for it.
 * A `--require` hook records every file Node loads.
 */
describe('the YAML parser is loaded lazily', {
  skip: !existsSync(BIN) && 'dist/ is not built (npm test builds it)',
}, () => {
  const hook = join(ROOT, 'test', 'support', 'log-required-files.cjs');
  const loaded = (args: string[], cwd: string): string[] => {
    const out = execFileSync(process.execPath, ['--require', hook, BIN, ...args], {
      cwd,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: box,
        METADATA_SERVER_DETECTION: 'none',
        GKD_LOG_REQUIRES: '1',
      },
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return out.split('\n').filter((l) => l.startsWith('required: '));
  };
  const yamlLoaded = (lines: string[]) => lines.some((l) => l.includes('compose-yaml'));
  const run = (args: string[], cwd: string) => {
    try {
      return loaded(args, cwd);
    } catch (error) {
      // The doctor exits 1 (no key): its stderr still holds the log.
      return String((error as { stderr?: string }).stderr ?? '')
        .split('\n')
        .filter((l) => l.startsWith('required: '));
    }
  };

  test('--version and explain never load it', async () => {
    const dir = await project({ 'compose.yaml': 'services: {a: {image: x}}\n' });
    assert.equal(yamlLoaded(run(['--version'], dir)), false);
    assert.equal(yamlLoaded(run(['explain', 'API_KEY_INVALID'], dir)), false);
  });

  test('doctor loads it only where a compose file exists', async () => {
    const code =
      "from google import genai\nimport os\nclient = genai.Client(api_key=os.getenv('GEMINI_API_KEY'))\n";
    const plain = await project({ 'app.py': code, 'requirements.txt': 'google-genai\n' });
    assert.equal(yamlLoaded(run(['doctor', '--offline', '--cwd', plain], plain)), false);
    const composed = await project({
      'app.py': code,
      'requirements.txt': 'google-genai\n',
      'compose.yaml': 'services:\n  app:\n    build: .\n',
    });
    assert.equal(yamlLoaded(run(['doctor', '--offline', '--cwd', composed], composed)), true);
  });
});
