// Types for source-facts.mjs, which the build runs as plain JavaScript and a test imports.

/** Every gated pattern (`flags/source`) and what it cannot match without; null: anything. */
export function regexLiterals(
  root: string,
): Promise<Record<string, ReadonlyArray<ReadonlyArray<readonly string[]>> | null>>;

/** What a reader sees for each non-ASCII character the CLI's own texts use. */
export function visibleForms(root: string): Promise<Record<string, string>>;
