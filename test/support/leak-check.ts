import assert from 'node:assert/strict';

/** The shortest run of a key that counts as leaking it. */
export const LEAK_RUN = 12;

/** The first LEAK_RUN-character run of `key` found in `output`, or undefined. */
export function leakedRun(output: string, key: string): string | undefined {
  for (let i = 0; i + LEAK_RUN <= key.length; i++) {
    const run = key.slice(i, i + LEAK_RUN);
    if (output.includes(run)) return run;
  }
  return undefined;
}

/** Fails when any 12-character substring of the planted key appears in any of the outputs. */
export function assertNoLeak(key: string, ...outputs: readonly string[]): void {
  for (const output of outputs) {
    const run = leakedRun(output, key);
    assert.equal(
      run,
      undefined,
      `a run of the planted key (${run}) reached the output:\n${output.slice(0, 2000)}`,
    );
  }
}

/** The encodings a key can be pasted under (issue 10, item 1): each returns the disguised key. */
export const KEY_DISGUISES: Record<string, (key: string) => string> = {
  plain: (key) => key,
  zeroWidthAfterFirst: (key) => `${key[0]}\u200b${key.slice(1)}`,
  tabSplit: (key) => `${key.slice(0, 18)}\t${key.slice(18)}`,
  ansiColour: (key) => `${key.slice(0, 10)}\x1b[31m${key.slice(10)}\x1b[0m`,
  cyrillicA: (key) => `\u0410${key.slice(1)}`,
  percentFirst: (key) => `%${key.charCodeAt(0).toString(16).toUpperCase()}${key.slice(1)}`,
  percentMiddle: (key) => `${key.slice(0, 20)}%${key.charCodeAt(20).toString(16)}${key.slice(21)}`,
  htmlFirst: (key) => `&#${key.charCodeAt(0)};${key.slice(1)}`,
  htmlHexMiddle: (key) => `${key.slice(0, 16)}&#x${key.charCodeAt(16).toString(16)};${key.slice(17)}`,
  unicodeEscape: (key) => `\\u00${key.charCodeAt(0).toString(16)}${key.slice(1)}`,
  softHyphen: (key) => `${key.slice(0, 20)}\u00ad${key.slice(20)}`,
  fullWidthPrefix: (key) => `\uff21${key.slice(1)}`,
};
