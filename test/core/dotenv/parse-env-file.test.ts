import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectEnvFileEncoding } from '../../../src/core/dotenv/env-file-encoding.js';
import { parseEnvFile } from '../../../src/core/dotenv/parse-env-file.js';
import { fakeAuthKey } from '../../support/fake-keys.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const out: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out.push(...(littleEndian ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff]));
  }
  return new Uint8Array(out);
}

describe('parseEnvFile: each loader’s real semantics', () => {
  const key = fakeAuthKey();

  it('reads a plain file the same way in dotenv and Node', () => {
    const parsed = parseEnvFile(utf8(`GEMINI_API_KEY=${key}\nOTHER=1\n`));
    assert.equal(parsed.encoding, 'utf8');
    assert.equal(parsed.dotenv.get('GEMINI_API_KEY'), key);
    assert.equal(parsed.node.get('GEMINI_API_KEY'), key);
    assert.deepEqual(parsed.divergentNames, []);
  });

  it('BOM: dotenv skips it, Node keeps it in the first name (the key is lost)', () => {
    const parsed = parseEnvFile(utf8(`\uFEFFGEMINI_API_KEY=${key}\n`));
    assert.equal(parsed.encoding, 'utf8-bom');
    assert.equal(parsed.dotenv.get('GEMINI_API_KEY'), key);
    assert.equal(parsed.node.get('GEMINI_API_KEY'), undefined);
    assert.equal(parsed.node.get('\uFEFFGEMINI_API_KEY'), key);
    assert.ok(parsed.divergentNames.includes('GEMINI_API_KEY'));
  });

  it('UTF-16 LE and BE (with or without BOM) are detected, and nothing parses', () => {
    for (const bytes of [
      utf16(`GEMINI_API_KEY=${key}\r\n`, true),
      utf16(`GEMINI_API_KEY=${key}\r\n`, false),
      utf16(`GEMINI_API_KEY=${key}\n`, true, false),
    ]) {
      const parsed = parseEnvFile(bytes);
      assert.match(parsed.encoding, /^utf16(le|be)$/);
      assert.equal(parsed.dotenv.get('GEMINI_API_KEY'), undefined);
      assert.equal(parsed.node.get('GEMINI_API_KEY'), undefined);
    }
    assert.equal(detectEnvFileEncoding(utf16('A=1\n', false, false)), 'utf16be');
  });

  it('CRLF is normalised by both parsers', () => {
    const parsed = parseEnvFile(utf8(`GEMINI_API_KEY=${key}\r\nB=2\r\n`));
    assert.equal(parsed.crlf, true);
    assert.equal(parsed.dotenv.get('GEMINI_API_KEY'), key);
    assert.equal(parsed.node.get('GEMINI_API_KEY'), key);
  });

  it('quotes: a matching pair is removed; smart and unmatched quotes stay (or the line is dropped by Node)', () => {
    const parsed = parseEnvFile(utf8(`A="${key}"\nB='${key}'\nC=\u201c${key}\u201d\nD="${key}\n`));
    assert.equal(parsed.dotenv.get('A'), key);
    assert.equal(parsed.dotenv.get('B'), key);
    assert.equal(parsed.dotenv.get('C'), `\u201c${key}\u201d`);
    assert.equal(parsed.node.get('C'), `\u201c${key}\u201d`);
    assert.equal(parsed.dotenv.get('D'), `"${key}`);
    const styles = Object.fromEntries(parsed.assignments.map((a) => [a.name, a.quote]));
    assert.deepEqual(styles, { A: 'double', B: 'single', C: 'smart', D: 'unmatched' });
  });

  it('`export` is ignored by both; `KEY: value` only by dotenv', () => {
    const parsed = parseEnvFile(utf8(`export GEMINI_API_KEY=${key}\nGOOGLE_API_KEY: ${key}\n`));
    assert.equal(parsed.dotenv.get('GEMINI_API_KEY'), key);
    assert.equal(parsed.node.get('GEMINI_API_KEY'), key);
    assert.equal(parsed.dotenv.get('GOOGLE_API_KEY'), key);
    assert.equal(parsed.node.get('GOOGLE_API_KEY'), undefined);
    assert.equal(parsed.assignments[0]?.exported, true);
    assert.equal(parsed.assignments[1]?.colonSeparator, true);
  });

  it('an unquoted # truncates the value, even without a space; quoted # is kept', () => {
    const parsed = parseEnvFile(utf8(`A=${key.slice(0, 20)}#${key.slice(20)}\nB="x#y" # comment\n`));
    assert.equal(parsed.dotenv.get('A'), key.slice(0, 20));
    assert.equal(parsed.node.get('A'), key.slice(0, 20));
    assert.equal(parsed.dotenv.get('B'), 'x#y');
    assert.equal(parsed.assignments[0]?.hashInValue, true);
    assert.equal(parsed.assignments[1]?.hashInValue, false);
  });

  it('duplicates: the last definition wins in both, and is reported', () => {
    const parsed = parseEnvFile(utf8('A=1\nA=2\n'));
    assert.equal(parsed.dotenv.get('A'), '2');
    assert.equal(parsed.node.get('A'), '2');
    assert.deepEqual(parsed.duplicateNames, ['A']);
  });

  it('empty values are empty strings, not missing', () => {
    const parsed = parseEnvFile(utf8('A=\nB=""\nC=\'\'\n'));
    for (const name of ['A', 'B', 'C']) {
      assert.equal(parsed.dotenv.get(name), '');
      assert.equal(parsed.assignments.find((a) => a.name === name)?.empty, true);
    }
  });

  it('spaces around = are accepted by both parsers and recorded (a shell would reject them)', () => {
    const parsed = parseEnvFile(utf8(`GEMINI_API_KEY = ${key}\n`));
    assert.equal(parsed.dotenv.get('GEMINI_API_KEY'), key);
    assert.equal(parsed.node.get('GEMINI_API_KEY'), key);
    assert.equal(parsed.assignments[0]?.spacedEquals, true);
  });

  it('a name such as __proto__ neither throws nor pollutes prototypes', () => {
    const parsed = parseEnvFile(utf8('__proto__=x\nconstructor=y\n'));
    assert.equal(parsed.node.get('constructor'), 'y');
    assert.equal(({} as Record<string, unknown>)['x'], undefined);
  });

  it('binary content is flagged and parsing does not throw', () => {
    const parsed = parseEnvFile(new Uint8Array([0x41, 0x3d, 0xc3, 0x28, 0x00, 0x0a]));
    assert.equal(parsed.encoding, 'binary');
  });
});
