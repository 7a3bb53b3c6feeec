import { relative, resolve } from 'node:path';
import { displayPath } from '../../core/display-path.js';
import type { CommandSpec } from '../command-spec.js';
import type { CommandHandler } from '../context.js';
import { parseCommand } from '../parse-command.js';
import { UsageError } from '../usage-error.js';

export const SPEC: CommandSpec = {
  name: 'gemini-key-doctor hook',
  description: 'Install a git pre-commit hook that blocks commits adding a Gemini API key.',
  arguments: [['<action>', 'install']],
  options: [
    ['--force', 'replace an existing pre-commit hook (the old one is kept as a numbered pre-commit.backup)'],
    ['--cwd <dir>', 'run as if started in this folder'],
    ['--no-color', 'no colours'],
  ],
};

/** `hook install [--force]`: writes a git pre-commit hook that runs `scan --staged`. */
export const hookCommand: CommandHandler = async (argv, ctx) => {
  const { flags, args } = await parseCommand<{ force?: boolean; cwd?: string }>(SPEC, argv, ctx);
  const [action] = args;
  if (action !== 'install') throw new UsageError(`unknown hook action '${action}' (try: hook install)`);
  const cwd = resolve(ctx.cwd, flags.cwd ?? '.');
  const { gitWorkTreeRoot } = await import('../../io/git-files.js');
  const root = await gitWorkTreeRoot(cwd);
  if (root === null)
    throw new UsageError('hook install needs a git work tree (run it inside your repository)');
  const [{ HookExistsError, HookSymlinkError }, { installScanHook }] = await Promise.all([
    import('../../io/git-hooks.js'),
    import('../../scan/hook-script.js'),
  ]);
  try {
    const result = await installScanHook(root, Boolean(flags.force));
    const shown = relative(cwd, result.path) || result.path;
    ctx.out(`✓ Installed the pre-commit hook: ${displayPath(shown)}\n`);
    if (result.backupPath)
      ctx.out(`  The previous hook was kept as ${displayPath(relative(cwd, result.backupPath))}.\n`);
    if (result.previous === 'ours') ctx.out('  (It replaced an older copy of the same hook.)\n');
    ctx.out(
      '  Every commit now runs `gemini-key-doctor scan --staged`; skip once with `git commit --no-verify`.\n',
    );
    return 0;
  } catch (error) {
    if (error instanceof HookExistsError || error instanceof HookSymlinkError) {
      throw new UsageError(displayPath(error.message));
    }
    throw error;
  }
};
