import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { probeRequest } from '../../src/core/gemini-endpoints.js';
import { diagnose } from '../../src/doctor/diagnose.js';
import {
  curlEquivalent,
  detectShell,
  persistVariableStep,
  variableOfSource,
} from '../../src/doctor/platform-fixes.js';
import { fakeAuthKey } from '../support/fake-keys.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkd-guards-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fix steps fit the platform', () => {
  test('the shell comes from SHELL, else the platform', () => {
    assert.equal(detectShell({ SHELL: '/usr/bin/fish' }, 'linux'), 'fish');
    assert.equal(detectShell({ SHELL: '/bin/zsh' }, 'darwin'), 'zsh');
    assert.equal(detectShell({}, 'darwin'), 'zsh');
    assert.equal(detectShell({ PSModulePath: 'C:\\x' }, 'win32'), 'powershell');
    assert.equal(detectShell({ SHELL: 'C:\\Program Files\\Git\\usr\\bin\\bash.exe' }, 'win32'), 'bash');
  });

  test('persisting a variable reads the key from a hidden prompt, never from the command line', () => {
    assert.match(persistVariableStep('bash', 'GEMINI_API_KEY'), /read -rsp .* ~\/\.bashrc/);
    assert.match(persistVariableStep('zsh', 'GEMINI_API_KEY'), /~\/\.zshrc/);
    assert.match(persistVariableStep('fish', 'GEMINI_API_KEY'), /set -Ux GEMINI_API_KEY \(read -s/);
    assert.match(
      persistVariableStep('powershell', 'GEMINI_API_KEY'),
      /SetEnvironmentVariable\('GEMINI_API_KEY', \(Read-Host/,
    );
  });

  test('curl reads the key from the variable, in the header the route expects', () => {
    const base = 'https://generativelanguage.googleapis.com';
    assert.match(
      curlEquivalent(probeRequest('models', base, 'gemini-2.5-flash'), 'GEMINI_API_KEY', 'bash'),
      /curl -sS -H "x-goog-api-key: \$GEMINI_API_KEY" "https:\/\/generativelanguage\.googleapis\.com\/v1beta\/models/,
    );
    assert.match(
      curlEquivalent(probeRequest('openai', base, 'gemini-2.5-flash'), 'OPENAI_API_KEY', 'powershell'),
      /curl\.exe -sS -H "Authorization: Bearer \$env:OPENAI_API_KEY"/,
    );
    assert.equal(variableOfSource('file:/p/.env:GOOGLE_API_KEY'), 'GOOGLE_API_KEY');
    assert.equal(variableOfSource('stdin'), 'GEMINI_API_KEY');
  });
});

describe('a check that throws becomes a finding, never an aborted run', () => {
  test('a crashing core: findings say which check could not run', async () => {
    const boom = (): never => {
      throw new Error(`boom ${fakeAuthKey()}`);
    };
    const report = await diagnose({
      env: { HOME: dir, GEMINI_API_KEY: fakeAuthKey() },
      cwd: dir,
      offline: true,
      core: {
        candidateEnvFilePaths: () => [],
        resolveClients: boom,
        collectKeyCandidates: boom,
        lintKey: boom,
        lintEnvironment: boom,
      },
    });
    const crashed = report.findings.filter((f) => /could not run/.test(f.title)).map((f) => f.check);
    assert.ok(crashed.includes('env.resolution') && crashed.includes('env.lint'), crashed.join(', '));
    assert.ok(!JSON.stringify(report).includes('AQ.FAKE'), 'a key inside an error message is masked');
  });
});
