import { type HookInstallResult, installPreCommitHook } from '../io/git-hooks.js';

/** Marks a hook this tool wrote, so re-installing it needs no --force. */
export const HOOK_MARKER = 'gemini-key-doctor pre-commit hook';

/**
 * The pre-commit hook: scans what is staged and blocks the commit when a key is in it. It finds
 * the tool on PATH, then in the project's node_modules, then through npx without installing.
 */
export function preCommitHookScript(): string {
  return `#!/bin/sh
# ${HOOK_MARKER}: blocks a commit that adds a Gemini API key.
# Installed by \`gemini-key-doctor hook install\`. Skip once with \`git commit --no-verify\`.
if command -v gemini-key-doctor >/dev/null 2>&1; then
  exec gemini-key-doctor scan --staged
elif [ -x ./node_modules/.bin/gemini-key-doctor ]; then
  exec ./node_modules/.bin/gemini-key-doctor scan --staged
elif command -v npx >/dev/null 2>&1 && npx --no-install gemini-key-doctor --version >/dev/null 2>&1; then
  exec npx --no-install gemini-key-doctor scan --staged
else
  echo "pre-commit: gemini-key-doctor is not installed (npm i -D gemini-key-doctor), so staged files were not scanned for keys." >&2
  echo "pre-commit: install it, or remove this hook: $0" >&2
  exit 1
fi
`;
}

/** Installs this tool's pre-commit hook in the repository at `cwd` (the library's entry point). */
export async function installScanHook(cwd: string, force = false): Promise<HookInstallResult> {
  return installPreCommitHook(cwd, { text: preCommitHookScript(), marker: HOOK_MARKER }, force);
}
