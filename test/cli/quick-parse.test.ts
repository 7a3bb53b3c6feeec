import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseWithCommander } from '../../src/cli/_commander.js';
import type { CommandSpec } from '../../src/cli/command-spec.js';
import * as ask from '../../src/cli/commands/ask.js';
import * as demo from '../../src/cli/commands/demo.js';
import * as doctor from '../../src/cli/commands/doctor.js';
import * as emulate from '../../src/cli/commands/emulate.js';
import * as explain from '../../src/cli/commands/explain.js';
import * as hook from '../../src/cli/commands/hook.js';
import * as mcp from '../../src/cli/commands/mcp.js';
import * as scan from '../../src/cli/commands/scan.js';
import type { CliContext } from '../../src/cli/context.js';
import { quickParse } from '../../src/cli/quick-parse.js';

/**
 * The quick parse reads only what commander would read the same way: on every command's own
 * declarations, for any argv, it either steps aside (undefined) or gives exactly commander's flags
 * and operands. And it does not step aside on the plain argv of everyday runs.
 */
const SPECS: Record<string, CommandSpec> = {
  ask: ask.SPEC,
  demo: demo.SPEC,
  doctor: doctor.SPEC,
  emulate: emulate.SPEC,
  explain: explain.SPEC,
  hook: hook.SPEC,
  mcp: mcp.SPEC,
  scan: scan.SPEC,
};

const ctx = { out: () => {} } as unknown as CliContext;

async function commander(spec: CommandSpec, argv: string[]) {
  try {
    return await parseWithCommander<Record<string, unknown>>(spec, argv, ctx);
  } catch (error) {
    return { error: (error as Error).name };
  }
}

/** Words an argv is made of: this command's flags (long, short, `--x=`), values, operands, oddities. */
function words(spec: CommandSpec): fc.Arbitrary<string> {
  const flags = spec.options.flatMap(([syntax]) => {
    const long = /--[a-z][a-z0-9-]*/.exec(syntax)?.[0] ?? '';
    const short = /^-[A-Za-z]\b/.exec(syntax)?.[0];
    return [long, `${long}=`, `${long}=x`, `${long}=-`, ...(short ? [short, `${short}x`] : [])];
  });
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...flags) },
    { weight: 3, arbitrary: fc.constantFrom('x', 'two words', '-', '', '10', '-5', 'json', '.') },
    {
      weight: 1,
      arbitrary: fc.constantFrom('--', '-h', '--help', '--unknown', '-vx', '-Z', '--json=true', '---x'),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  );
}

describe('quick parse agrees with commander', () => {
  for (const [name, spec] of Object.entries(SPECS)) {
    test(`${name}: any argv — the same flags and operands, or left to commander`, async () => {
      let quick = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(words(spec), { maxLength: 7 }), async (argv) => {
          const fast = quickParse<Record<string, unknown>>(spec, argv);
          if (fast === undefined) return;
          quick++;
          assert.deepEqual(
            { flags: { ...fast.flags }, args: fast.args },
            await commander(spec, argv),
            JSON.stringify(argv),
          );
        }),
        { numRuns: 400, seed: 11 },
      );
      assert.ok(quick > 20, `${name}: only ${quick} of 400 argv read quickly`);
    });
  }

  test('everyday argv is read quickly', () => {
    const everyday: Array<[CommandSpec, string[]]> = [
      [explain.SPEC, ['--json', '-']],
      [explain.SPEC, ['API key not valid. Please pass a valid API key.']],
      [explain.SPEC, ['--file', 'error.log', '--no-color']],
      [doctor.SPEC, []],
      [doctor.SPEC, ['--offline', '--json']],
      [doctor.SPEC, ['-v', '--timeout=5000', '--key-env', 'GEMINI_API_KEY']],
      [scan.SPEC, ['.', '--format', 'sarif', '-o', 'report.sarif']],
      [scan.SPEC, ['--staged']],
      [emulate.SPEC, ['--port', '8080', '--exec', '--', 'node', 'app.js', '--flag']],
      [ask.SPEC, ['hello', 'there', '--model', 'gemini-2.5-flash']],
      [hook.SPEC, ['install', '--force']],
    ];
    for (const [spec, argv] of everyday) assert.ok(quickParse(spec, argv), `${spec.name} ${argv.join(' ')}`);
  });

  test('help, a value an option may or may not take, and mistakes are left to commander', () => {
    const left: Array<[CommandSpec, string[]]> = [
      [explain.SPEC, ['--help']],
      [explain.SPEC, ['-h']],
      [explain.SPEC, ['--jsn', '-']],
      [explain.SPEC, ['--file']],
      [explain.SPEC, ['--json=yes']],
      [doctor.SPEC, ['--html']],
      [doctor.SPEC, ['--html', 'report.html']],
      [doctor.SPEC, ['extra']],
      [doctor.SPEC, ['--timeout', '-5']],
      [hook.SPEC, []],
      [ask.SPEC, []],
      [scan.SPEC, ['-vo', 'x']],
    ];
    for (const [spec, argv] of left)
      assert.equal(quickParse(spec, argv), undefined, `${spec.name} ${argv.join(' ')}`);
  });
});
