/**
 * Vite's `loadEnv` expands `$VAR` / `${VAR}` references in the values it loads (Vite vendors
 * dotenv-expand 12: vite/src/node/env.ts; checked against the real loadEnv in
 * test/conformance/vite-loader.test.ts). The files are merged first (a later file, higher in
 * precedence, replaces the value but keeps the name's first position), then each name in that
 * order: a non-empty, different shell value wins; otherwise the value is expanded against the
 * names already expanded and the shell (the shell winning), with `${VAR:-default}`,
 * `${VAR-default}`, `${VAR:+alt}`, `${VAR+alt}`, and `\$` for a literal `$`.
 */
export function viteExpand(
  merged: ReadonlyMap<string, string>,
  shell: Readonly<Record<string, string | undefined>>,
): Map<string, string> {
  const parsed = new Map(merged);
  for (const [key, raw] of parsed) {
    const fromShell = shell[key];
    const value = fromShell && fromShell !== raw ? fromShell : expandValue(raw, shell, parsed);
    parsed.set(key, value.replace(/\\\$/g, '$'));
  }
  return parsed;
}

function expandValue(
  value: string,
  shell: Readonly<Record<string, string | undefined>>,
  running: ReadonlyMap<string, string>,
): string {
  const lookup = (name: string) => shell[name] ?? running.get(name);
  const regex = /(?<!\\)\${([^{}]+)}|(?<!\\)\$([A-Za-z_][A-Za-z0-9_]*)/g;
  let result = value;
  const seen = new Set<string>();
  // Bounded: each pass replaces one reference; a self-reference stops at its default.
  for (let guard = 0; guard < 1000; guard++) {
    const match = regex.exec(result);
    if (match === null) break;
    seen.add(result);
    const [template, braced, unbraced] = match;
    const expression = (braced ?? unbraced)!;
    const splitter = /(:\+|\+|:-|-)/.exec(expression)?.[0] ?? null;
    const parts = splitter === null ? [expression] : expression.split(splitter);
    const key = parts.shift()!;
    const rest = splitter === null ? '' : parts.join(splitter);
    let replacement: string;
    if (splitter === ':+' || splitter === '+') replacement = lookup(key) ? rest : '';
    else {
      const found = lookup(key);
      replacement = found ? (seen.has(found) ? rest : found) : rest;
    }
    result = result.replace(template, replacement);
    if (result === running.get(key)) break;
    regex.lastIndex = 0;
  }
  return result;
}
