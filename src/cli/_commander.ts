import { Command, CommanderError } from 'commander';
import type { CommandSpec, ParsedCommand } from './command-spec.js';
import type { CliContext } from './context.js';
import { HelpShown, UsageError } from './usage-error.js';

/**
 * Parses argv (without node and script) with commander, from a command's declarations: --help
 * is printed to ctx (then HelpShown, exit 0), and a mistake becomes a UsageError (exit 2) with
 * commander's message. Nothing writes to the process or exits. Loaded only when the quick parse
 * (quick-parse.ts) leaves the argv to commander.
 */
export async function parseWithCommander<Flags>(
  spec: CommandSpec,
  argv: readonly string[],
  ctx: CliContext,
): Promise<ParsedCommand<Flags>> {
  const program = programFor(spec, ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.help' ||
        error.code === 'commander.version'
      ) {
        throw new HelpShown();
      }
      throw new UsageError(error.message.replace(/^error: /, ''), error.code);
    }
    throw error;
  }
  return { flags: program.opts<Flags & Record<string, unknown>>(), args: program.args };
}

/** A commander program wired to the context instead of the process. */
function programFor(spec: CommandSpec, ctx: Pick<CliContext, 'out'>): Command {
  const program = new Command(spec.name)
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out(s), writeErr: () => {}, outputError: () => {} })
    .helpOption('-h, --help', 'show this help')
    .allowExcessArguments(false)
    .description(spec.description);
  for (const [syntax, description] of spec.arguments ?? []) program.argument(syntax, description);
  for (const [flags, description, defaultValue] of spec.options) {
    if (defaultValue === undefined) program.option(flags, description);
    else program.option(flags, description, defaultValue);
  }
  if (spec.helpAfter !== undefined) program.addHelpText('after', spec.helpAfter);
  return program;
}
