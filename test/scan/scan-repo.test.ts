import assert from 'node:assert/strict';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run } from '../../src/cli/run.js';
import { fingerprintOf } from '../../src/core/key-material.js';
import { scan } from '../../src/scan/scan.js';
import type { ScanFinding, ScanResult } from '../../src/scan/types.js';
import { fakeAuthKey, fakeStandardKey } from '../support/fake-keys.js';
import { leakAuthKey, leakStandardKey, randomKeyChars, TempRepo } from './_repo.js';

/**
 * One generated repository with a key in every context the scanner must handle, a key that
 * only lives in history, hygiene problems, decoys, a binary file and a symlink loop.
 */
describe('scan: a generated repository', () => {
  const repo = new TempRepo();
  const keys = {
    tsConst: leakStandardKey(),
    url: leakStandardKey(),
    stringsXml: leakStandardKey(),
    jsonEscaped: leakAuthKey(),
    minified: leakStandardKey(),
    notebook: leakAuthKey(),
    firebase: leakStandardKey(),
    dotenv: leakAuthKey(),
    historyOnly: leakStandardKey(),
    dockerIgnored: leakAuthKey(),
    inBinary: leakStandardKey(),
    untracked: leakStandardKey(),
  };
  const testKeys = [fakeStandardKey(), fakeAuthKey()];
  let historyCommit = '';
  let result: ScanResult;

  before(async () => {
    repo.write('.gitignore', '.env.local\n*.log\n');
    repo.write('src/config.ts', `export const GEMINI_API_KEY = "${keys.tsConst}";\n`);
    repo.write('app/url.js', `fetch(\`https://x.googleapis.com/v1beta/models?key=${keys.url}&alt=sse\`);\n`);
    repo.write(
      'android/res/values/strings.xml',
      `<resources>\n    <string name="google_api_key">${keys.stringsXml}</string>\n</resources>\n`,
    );
    repo.write('data/messages.json', `{"note": "first line\\n${keys.jsonEscaped}"}\n`);
    repo.write('dist/app.min.js', `${'var a=1,b=2;'.repeat(3000)}const c={key:"${keys.minified}"};f(a);\n`);
    repo.write(
      'notebooks/demo.ipynb',
      JSON.stringify({
        cells: [
          {
            cell_type: 'code',
            source: ['import os\n', `os.environ["GOOGLE_API_KEY"] = "${keys.notebook}"\n`],
          },
        ],
      }),
    );
    repo.write(
      'web/firebase.js',
      `const firebaseConfig = {\n  apiKey: "${keys.firebase}",\n  authDomain: "demo-app.firebaseapp.com",\n  projectId: "demo-app",\n};\n`,
    );
    repo.write('.env', `GEMINI_API_KEY=${keys.dotenv}\n`);
    repo.write(
      'test/fixtures.ts',
      `export const A = '${testKeys[0]}';\nexport const B = '${testKeys[1]}';\n`,
    );
    repo.write(
      'src/decoys.ts',
      [
        `const short = "AIza${randomKeyChars(34)}";`,
        `const long = "AIza${randomKeyChars(36)}";`,
        `const embedded = "token_${leakStandardKey()}";`,
        `const embedded2 = "${leakStandardKey()}x";`,
        `const authShort = "AQ.${randomKeyChars(12)}";`,
        `const authLong = "AQ.${randomKeyChars(140)}";`,
        'const placeholder = "AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";',
      ].join('\n'),
    );
    repo.write(
      'assets/logo.bin',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x00, 0x01]), Buffer.from(keys.inBinary)]),
    );
    repo.write('Dockerfile', 'FROM node:20\nCOPY . .\n');
    repo.write('old/secret.py', `API_KEY = "${keys.historyOnly}"\n`);
    repo.commit('first');
    historyCommit = repo.git('log', '-1', '--format=%H', '--', 'old/secret.py').trim();
    repo.git('rm', '-q', 'old/secret.py');
    repo.commit('remove the secret');
    // Working tree only: an ignored file with a key (Docker would copy it), an untracked file, a loop.
    repo.write('.env.local', `GEMINI_API_KEY=${keys.dockerIgnored}\n`);
    repo.write('notes/untracked.md', `key: ${keys.untracked}\n`);
    symlinkSync('loop', join(repo.dir, 'loop'));
    result = await scan({ cwd: repo.dir, history: true });
  });
  after(() => repo.remove());

  const findingsOf = (key: string, source?: ScanFinding['source']) => {
    return result.findings.filter(
      (f) => f.fingerprint === fingerprintOf(key) && (source === undefined || f.source === source),
    );
  };

  it('finds the key in every context, with its variable', () => {
    const expected: Array<[string, string, string | undefined]> = [
      [keys.tsConst, 'src/config.ts', 'GEMINI_API_KEY'],
      [keys.url, 'app/url.js', 'key'],
      [keys.stringsXml, 'android/res/values/strings.xml', 'google_api_key'],
      [keys.jsonEscaped, 'data/messages.json', undefined],
      [keys.minified, 'dist/app.min.js', 'key'],
      [keys.notebook, 'notebooks/demo.ipynb', 'GOOGLE_API_KEY'],
      [keys.dotenv, '.env', 'GEMINI_API_KEY'],
      [keys.untracked, 'notes/untracked.md', 'key'],
    ];
    for (const [key, file, variable] of expected) {
      const [finding] = findingsOf(key, 'worktree');
      assert.ok(finding, `no finding for ${file}`);
      assert.equal(finding.file, file);
      assert.equal(finding.variable, variable, file);
      assert.equal(finding.kind, 'key');
      assert.equal(finding.failing, true);
      assert.equal(finding.rule, key.startsWith('AQ.') ? 'gemini-auth-key' : 'gemini-standard-key');
      assert.ok(finding.line && finding.column);
    }
  });

  it('reports line and column of the key', () => {
    const [xml] = findingsOf(keys.stringsXml, 'worktree');
    assert.equal(xml?.line, 2);
    assert.equal(xml?.column, '    <string name="google_api_key">'.length + 1);
  });

  it('keeps Firebase config keys, with their own lower severity', () => {
    const [finding] = findingsOf(keys.firebase, 'worktree');
    assert.equal(finding?.rule, 'firebase-config-key');
    assert.equal(finding?.severity, 'warning');
  });

  it('reports documented test keys as test-key notes that do not fail', () => {
    const tests = result.findings.filter((f) => f.kind === 'test-key' && f.source === 'worktree');
    assert.equal(tests.length, 2);
    assert.ok(tests.every((f) => f.severity === 'note' && !f.failing));
  });

  it('names the commit and path where a key that is only in history was added', () => {
    assert.deepEqual(findingsOf(keys.historyOnly, 'worktree'), []);
    const history = findingsOf(keys.historyOnly, 'history');
    assert.equal(history.length, 1);
    assert.equal(history[0]?.file, 'old/secret.py');
    assert.equal(history[0]?.commit, historyCommit);
    assert.equal(history[0]?.line, 1);
  });

  it('finds a key in a git-ignored file that the Docker build context would copy', () => {
    const [finding] = findingsOf(keys.dockerIgnored);
    assert.equal(finding?.rule, 'docker-context-key');
    assert.equal(finding?.file, '.env.local');
  });

  it('reports the tracked .env', () => {
    assert.ok(result.findings.some((f) => f.rule === 'dotenv-tracked' && f.file === '.env'));
  });

  it('does not report decoys, placeholders or keys inside binary files', () => {
    assert.deepEqual(
      result.findings.filter((f) => f.file === 'src/decoys.ts'),
      [],
    );
    assert.ok(result.summary.placeholdersIgnored >= 1);
    assert.deepEqual(findingsOf(keys.inBinary), []);
  });

  it('skips the binary file and the symlink loop with a reason, counted in the summary', () => {
    assert.ok(result.skipped.some((s) => s.file === 'assets/logo.bin' && s.reason === 'binary'));
    assert.ok(result.skipped.some((s) => s.file === 'loop' && s.reason === 'symlink-loop'));
    assert.equal(result.summary.skippedByReason.binary, 1);
    assert.equal(result.summary.skipped, result.skipped.length);
  });

  it('finds the same with a worker thread', async () => {
    const threaded = await scan({ cwd: repo.dir, workers: 1 });
    const key = (f: ScanFinding) => `${f.file}:${f.line}:${f.fingerprint}:${f.rule}`;
    const plain = result.findings.filter((f) => f.source !== 'history');
    assert.deepEqual(threaded.findings.map(key).sort(), plain.map(key).sort());
    assert.deepEqual(threaded.summary.skippedByReason, result.summary.skippedByReason);
  });

  it('counts distinct real keys (test keys excluded)', () => {
    const real = Object.entries(keys).filter(([name]) => name !== 'inBinary');
    assert.equal(result.summary.distinctKeys, real.length);
  });

  it('exits 1 and never prints a raw key, in any format', async () => {
    const everyKey = [...Object.values(keys), ...testKeys];
    for (const format of ['text', 'json', 'sarif']) {
      const out = await run(['scan', '--history', '--format', format], {}, { cwd: repo.dir });
      assert.equal(out.exitCode, 1, `${format}: ${out.stderr}`);
      for (const key of everyKey) {
        assert.ok(!out.stdout.includes(key.slice(4, 30)), `${format} output leaks a key`);
        assert.ok(!out.stderr.includes(key.slice(4, 30)), `${format} stderr leaks a key`);
      }
    }
  });

  it('writes JSON with schemaVersion, findings, skipped and summary', async () => {
    const out = await run(['scan', '--json'], {}, { cwd: repo.dir });
    const report = JSON.parse(out.stdout) as ScanResult;
    assert.equal(report.schemaVersion, 1);
    assert.ok(Array.isArray(report.findings) && Array.isArray(report.skipped));
    const first = report.findings.find((f) => f.kind === 'key');
    assert.match(first?.fingerprint ?? '', /^[0-9a-f]{8}$/);
    assert.match(first?.masked ?? '', /^(AIza|AQ\.)…[\w-]{4}$/);
  });

  it('accepts baselined findings: exit 0 once every key is in the baseline', async () => {
    const written = await run(
      ['scan', '--write-baseline', 'baseline.json', '--format', 'json'],
      {},
      { cwd: repo.dir },
    );
    assert.equal(written.exitCode, 1);
    const again = await run(['scan', '--baseline', 'baseline.json'], {}, { cwd: repo.dir });
    assert.equal(again.exitCode, 0, again.stdout);
    // A new key is not in the baseline.
    writeFileSync(join(repo.dir, 'notes/new.md'), `${leakStandardKey()}\n`);
    const withNew = await run(['scan', '--baseline', 'baseline.json', '--json'], {}, { cwd: repo.dir });
    assert.equal(withNew.exitCode, 1);
    const failing = (JSON.parse(withNew.stdout) as ScanResult).findings.filter((f) => f.failing);
    assert.deepEqual(
      failing.map((f) => f.file),
      ['notes/new.md'],
    );
  });
});

describe('scan: outside git, skips and errors', () => {
  it('walks every file, skips node_modules, too-large files and symlink loops with reasons', async () => {
    const dir = new TempRepo(false);
    try {
      const key = leakStandardKey();
      dir.write('a/config.yaml', `api_key: ${key}\n`);
      dir.write('node_modules/dep/index.js', `k="${leakStandardKey()}"`);
      dir.write('big.txt', `${'x'.repeat(4096)}\n${leakStandardKey()}\n`);
      symlinkSync('..', join(dir.dir, 'a', 'up'));
      symlinkSync('self', join(dir.dir, 'self'));
      writeFileSync(
        Buffer.concat([Buffer.from(`${dir.dir}/bad-`), Buffer.from([0xff, 0xfe])]),
        `${leakStandardKey()}`,
      );
      const result = await scan({ cwd: dir.dir, maxFileSize: 1024 });
      assert.equal(result.summary.mode, 'directory');
      assert.deepEqual(
        result.findings.map((f) => [f.file, f.variable]),
        [['a/config.yaml', 'api_key']],
      );
      const reasons = Object.fromEntries(
        result.skipped.map((s) => [s.file.replace(/[^\x20-\x7e]/g, '?'), s.reason]),
      );
      assert.equal(reasons['node_modules'], 'dependency-folder');
      assert.equal(reasons['big.txt'], 'too-large');
      assert.equal(reasons['a/up'], 'symlink-loop');
      assert.equal(reasons['self'], 'symlink-loop');
      assert.ok(result.skipped.some((s) => s.reason === 'non-utf8-name'));
    } finally {
      dir.remove();
    }
  });

  it('exits 2 with one line for a missing path, and for --history outside git', async () => {
    const dir = new TempRepo(false);
    try {
      const missing = await run(['scan', 'no/such/path'], {}, { cwd: dir.dir });
      assert.equal(missing.exitCode, 2);
      assert.match(missing.stderr, /no such file or folder/);
      const history = await run(['scan', '--history'], {}, { cwd: dir.dir });
      assert.equal(history.exitCode, 2);
      assert.match(history.stderr, /needs a git work tree/);
      const badFormat = await run(['scan', '--format', 'xml'], {}, { cwd: dir.dir });
      assert.equal(badFormat.exitCode, 2);
    } finally {
      dir.remove();
    }
  });

  it('exits 0 on a clean folder', async () => {
    const dir = new TempRepo(false);
    try {
      dir.write('readme.md', 'nothing here\n');
      const out = await run(['scan'], {}, { cwd: dir.dir });
      assert.equal(out.exitCode, 0);
      assert.match(out.stdout, /No leaked keys/);
    } finally {
      dir.remove();
    }
  });
});

describe('scan --history attribution', () => {
  it('names only the commit that added a key, not later commits that kept it', async () => {
    const repo = new TempRepo();
    try {
      const key = leakStandardKey();
      repo.write('a.ts', `const K = "${key}";\n`);
      const added = repo.commit('add');
      repo.write('a.ts', `// edited\nconst K = "${key}";\n`);
      repo.commit('edit, key kept');
      repo.write('b.ts', `const K2 = "${key}";\n`);
      const copied = repo.commit('same key in another file');
      const result = await scan({ cwd: repo.dir, history: true });
      const history = result.findings.filter((f) => f.source === 'history');
      assert.deepEqual(history.map((f) => [f.file, f.commit]).sort(), [
        ['a.ts', added],
        ['b.ts', copied],
      ]);
    } finally {
      repo.remove();
    }
  });

  it('scans a path named on the command line even when git ignores it', async () => {
    const repo = new TempRepo();
    try {
      repo.write('.gitignore', 'secrets/\n');
      repo.write('secrets/k.txt', `${leakAuthKey()}\n`);
      repo.commit('ignore');
      assert.equal((await scan({ cwd: repo.dir })).findings.length, 0);
      const named = await scan({ cwd: repo.dir, paths: ['secrets'] });
      assert.deepEqual(
        named.findings.map((f) => f.file),
        ['secrets/k.txt'],
      );
    } finally {
      repo.remove();
    }
  });
});
