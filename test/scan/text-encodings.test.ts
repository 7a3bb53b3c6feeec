import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { run } from '../../src/cli/run.js';
import { scan } from '../../src/scan/scan.js';
import { assertNoLeak } from '../support/leak-check.js';
import { leakAuthKey, leakStandardKey, TempRepo } from './_repo.js';

const BOM16LE = Buffer.from([0xff, 0xfe]);
const utf16le = (text: string, bom = true) =>
  Buffer.concat([bom ? BOM16LE : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) =>
  Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
const utf32le = (text: string) => {
  const out = Buffer.alloc(4 + text.length * 4);
  out.writeUInt32LE(0xfeff, 0);
  for (let i = 0; i < text.length; i++) out.writeUInt32LE(text.charCodeAt(i), 4 + i * 4);
  return out;
};

/** Issue 10, item 7: UTF-16 and UTF-32 files are text; a binary's UTF-16 key run is found. */
describe('text encodings', () => {
  it('scan --staged blocks a PowerShell .env (UTF-16LE, BOM, CRLF) and appsettings saved the same way', async () => {
    const repo = new TempRepo();
    try {
      const key = leakStandardKey();
      const other = leakAuthKey();
      repo.write('.env', utf16le(`# local\r\nGEMINI_API_KEY=${key}\r\n`));
      repo.write(
        'appsettings.Development.json',
        utf16le(`{\r\n  "Gemini": { "ApiKey": "${other}" }\r\n}\r\n`),
      );
      repo.git('add', '-f', '.env', 'appsettings.Development.json');
      const result = await scan({ cwd: repo.dir, staged: true });
      const found = result.findings.filter((f) => f.fingerprint).map((f) => [f.file, f.line, f.variable]);
      assert.deepEqual(found.sort(), [
        ['.env', 2, 'GEMINI_API_KEY'],
        ['appsettings.Development.json', 2, 'ApiKey'],
      ]);
      const out = await run(['scan', '--staged'], { NO_COLOR: '1' }, { cwd: repo.dir });
      assert.equal(out.exitCode, 1);
      assertNoLeak(key, out.stdout, out.stderr);
    } finally {
      repo.remove();
    }
  });

  it('finds keys in UTF-16 without a BOM, UTF-16BE, UTF-32 and as a UTF-16 run inside a binary', async () => {
    const repo = new TempRepo(false);
    try {
      const keys = [leakStandardKey(), leakStandardKey(), leakAuthKey(), leakStandardKey()];
      repo.write('nobom.txt', utf16le(`key = ${keys[0]}\n`, false));
      repo.write('be.txt', utf16be(`key = ${keys[1]}\n`));
      repo.write('wide.txt', utf32le(`key = ${keys[2]}\n`));
      const binary = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]),
        utf16le(keys[3]!, false),
        Buffer.alloc(64),
      ]);
      repo.write('app.exe', binary);
      const result = await scan({ cwd: repo.dir });
      const files = result.findings
        .filter((f) => f.fingerprint)
        .map((f) => f.file)
        .sort();
      assert.deepEqual(files, ['app.exe', 'be.txt', 'nobom.txt', 'wide.txt']);
    } finally {
      repo.remove();
    }
  });

  it('explain --file reads a UTF-16 log', async () => {
    const repo = new TempRepo(false);
    try {
      const key = leakStandardKey();
      repo.write('error.log', utf16le(`API key not valid. Please pass a valid API key. key=${key}\r\n`));
      const out = await run(
        ['explain', '--file', 'error.log', '--json'],
        { NO_COLOR: '1' },
        { cwd: repo.dir },
      );
      assert.equal(out.exitCode, 0, out.stderr);
      assert.match(out.stdout, /key_invalid|api_key_invalid|invalid/);
      assertNoLeak(key, out.stdout, out.stderr);
    } finally {
      repo.remove();
    }
  });
});
