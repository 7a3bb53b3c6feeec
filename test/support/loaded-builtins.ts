import { fileURLToPath } from 'node:url';

/** `node --require` this to have a process print, at exit, the built-ins it loaded (log-loaded-builtins.cjs). */
export const LOADED_BUILTINS_HOOK = fileURLToPath(new URL('./log-loaded-builtins.cjs', import.meta.url));

/** The built-in modules listed in a hooked process's output (its `builtins: …` line); [] when none. */
export function loadedBuiltins(output: string): string[] {
  return /builtins: (.*)/.exec(output)?.[1]?.trim().split(',') ?? [];
}
