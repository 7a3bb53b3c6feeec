import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { fakeAuthKey } from '../support/fake-keys.js';

/** Prevention advice end to end: .env kept out of git, no key pasted into source next to it. */
let dir: string;
const key = fakeAuthKey();
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
    cwd: dir,
    stdio: 'ignore',
  });

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkd-hygiene-'));
  git('init', '-q');
  await writeFile(join(dir, '.env'), `GEMINI_API_KEY=${key}\n`);
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function hygiene(): Promise<{ check: string; title: string; status: string }[]> {
  const r = await run(['--offline', '--json', '--cwd', dir], { HOME: dir });
  assert.ok(!r.stdout.includes(key.slice(4)));
  const report = JSON.parse(r.stdout) as { findings: { check: string; title: string; status: string }[] };
  return report.findings.filter((f) => f.check.startsWith('hygiene.'));
}

describe('hygiene checks', () => {
  test('.env not ignored by git → a warning with the fix', async () => {
    const found = await hygiene();
    assert.ok(
      found.some(
        (f) => f.check === 'hygiene.gitignore' && f.status === 'warn' && /not ignored/.test(f.title),
      ),
    );
  });

  test('.env ignored → no warning', async () => {
    await writeFile(join(dir, '.gitignore'), '.env\n');
    assert.equal((await hygiene()).filter((f) => f.check === 'hygiene.gitignore').length, 0);
  });

  test('.env committed → a warning even though it is ignored now', async () => {
    git('add', '-f', '.env');
    git('commit', '-qm', 'oops');
    assert.ok((await hygiene()).some((f) => f.check === 'hygiene.gitignore' && /committed/.test(f.title)));
  });

  test('package.json and .gemini/settings.json in git are not .env files: no advice to untrack them', async () => {
    await mkdir(join(dir, '.gemini'), { recursive: true });
    await writeFile(join(dir, 'package.json'), '{"dependencies":{"@google/genai":"1.0.0"}}\n');
    await writeFile(join(dir, '.gemini', 'settings.json'), '{}\n');
    git('add', 'package.json', '.gemini/settings.json');
    git('commit', '-qm', 'manifest');
    const titles = (await hygiene()).map((f) => f.title);
    assert.ok(!titles.some((t) => /package\.json|settings\.json/.test(t)), titles.join('\n'));
  });

  test('a key hardcoded in index.js next to .env → a warning naming file and line, key masked', async () => {
    await writeFile(join(dir, 'index.js'), `// app\nconst genai = new GoogleGenAI({ apiKey: "${key}" });\n`);
    const found = await hygiene();
    assert.ok(found.some((f) => f.check === 'hygiene.hardcoded' && f.title.includes('index.js:2')));
  });
});
