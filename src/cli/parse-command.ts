import { maskKeysInText } from '../core/key-material.js';
import type { CommandSpec, ParsedCommand } from './command-spec.js';
import type { CliContext } from './context.js';
import { quickParse } from './quick-parse.js';
import { UsageError } from './usage-error.js';

/**
 * A command's flags and operands: read quickly when the argv is plain, by commander (loaded then)
 * for --help and for every mistake. A usage message echoes what was typed, and a pasted text may
 * hold a key: it is masked.
 */
export async function parseCommand<Flags>(
  spec: CommandSpec,
  argv: readonly string[],
  ctx: CliContext,
): Promise<ParsedCommand<Flags>> {
  const quick = quickParse<Flags>(spec, argv);
  if (quick !== undefined) return quick;
  const { parseWithCommander } = await import('./_commander.js');
  try {
    return await parseWithCommander<Flags>(spec, argv, ctx);
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(maskKeysInText(error.message), error.code);
    throw error;
  }
}
