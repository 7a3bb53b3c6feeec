import type { CliContext, ExitCode } from '../cli/context.js';

/** Placeholder until the emulator lands: the demo runs the doctor against it. */
export async function runDemo(
  ctx: CliContext,
  _options: { verbose: boolean; json: boolean },
): Promise<ExitCode> {
  ctx.err('gemini-key-doctor: the demo needs the embedded emulator, which is not built yet\n');
  return 2;
}
