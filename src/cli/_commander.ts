import { Command, CommanderError } from 'commander';
import type { CliContext } from './context.js';
import { HelpShown, UsageError } from './usage-error.js';

export { HelpShown };

/**
 * A commander program wired to the context instead of the process: output goes to ctx,
 * usage mistakes become UsageError (exit 2), help becomes HelpShown (exit 0), nothing exits.
 */
export function newCommand(name: string, ctx: CliContext): Command {
  return new Command(name)
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out(s), writeErr: () => {}, outputError: () => {} })
    .helpOption('-h, --help', 'show this help')
    .allowExcessArguments(false);
}

/** Parses argv (without node and script) and returns commander's parsed options and operands. */
export async function parseWith(program: Command, argv: readonly string[]): Promise<Command> {
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return program;
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
}
