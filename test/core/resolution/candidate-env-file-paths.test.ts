import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { candidateEnvFilePaths } from '../../../src/core/resolution/candidate-env-file-paths.js';

describe('candidateEnvFilePaths', () => {
  it('lists the working folder’s .env family, gemini-cli’s walk-up search in order, then home', () => {
    const paths = candidateEnvFilePaths('/home/dev/app', '/home/dev');
    for (const p of [
      '/home/dev/app/.env',
      '/home/dev/app/.env.local',
      '/home/dev/app/.env.production',
      '/home/dev/app/env',
      '/home/dev/app/.env.txt',
    ]) {
      assert.ok(paths.includes(p), p);
    }
    const walk = paths.filter((p) => p.endsWith('/.env') && !p.includes('/app/.env.'));
    assert.deepEqual(walk, [
      '/home/dev/app/.env',
      '/home/dev/app/.gemini/.env',
      '/home/dev/.gemini/.env',
      '/home/dev/.env',
      '/home/.gemini/.env',
      '/home/.env',
      '/.gemini/.env',
      '/.env',
    ]);
    assert.ok(paths.indexOf('/home/dev/app/.gemini/.env') < paths.indexOf('/home/dev/.env'));
    assert.ok(paths.includes('/home/dev/.gemini/settings.json'));
    assert.ok(paths.includes('/home/dev/.gemini/trustedFolders.json'));
    assert.ok(paths.includes('/home/dev/app/package.json'));
    assert.ok(paths.includes('/package.json'));
  });

  it('honours GEMINI_CLI_HOME and GEMINI_CLI_TRUSTED_FOLDERS_PATH', () => {
    const paths = candidateEnvFilePaths('/work/app', '/home/dev', {
      GEMINI_CLI_HOME: '/opt/cli',
      GEMINI_CLI_TRUSTED_FOLDERS_PATH: '/etc/trust.json',
    });
    assert.ok(paths.includes('/opt/cli/.gemini/.env'));
    assert.ok(paths.includes('/opt/cli/.env'));
    assert.ok(paths.includes('/opt/cli/.gemini/settings.json'));
    assert.ok(paths.includes('/etc/trust.json'));
  });

  it('uses Windows path rules for a Windows working folder', () => {
    const paths = candidateEnvFilePaths('C:\\Users\\dev\\app', 'C:\\Users\\dev', {}, 'win32');
    assert.ok(paths.includes('C:\\Users\\dev\\app\\.env'));
    assert.ok(paths.includes('C:\\Users\\dev\\.gemini\\.env'));
    assert.ok(paths.includes('C:\\.env'));
  });

  it('is a pure function of its arguments (no duplicates, absolute paths only)', () => {
    const a = candidateEnvFilePaths('/a/b', '/a');
    assert.deepEqual(a, candidateEnvFilePaths('/a/b', '/a'));
    assert.equal(new Set(a).size, a.length);
    assert.ok(a.every((p) => p.startsWith('/')));
  });
});
