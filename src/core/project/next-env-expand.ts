/**
 * `@next/env` expands `$VAR` / `${VAR}` / `${VAR:-default}` in each file it loads (it bundles an
 * older dotenv-expand; checked against the real loadEnvConfig in
 * test/conformance/key-resolution-loaders.test.ts). Files are expanded one at a time, in
 * precedence order (`.env.development.local` first); each file's values are then visible to the
 * next file's references, as expand writes them into process.env. For each name: a value already
 * in the environment is kept; otherwise the file's value is expanded from the right, each
 * reference taking the environment's non-empty value, else its default, else this file's value.
 */
export function nextExpand(
  parsed: ReadonlyMap<string, string>,
  env: Readonly<Record<string, string | undefined>>,
): Map<string, string> {
  const out = new Map(parsed);
  for (const [key, raw] of out) {
    const start = Object.hasOwn(env, key) && env[key] !== undefined ? env[key]! : raw;
    out.set(key, interpolate(start, env, out).replace(/\\\$/g, '$'));
  }
  return out;
}

function interpolate(
  value: string,
  env: Readonly<Record<string, string | undefined>>,
  parsed: ReadonlyMap<string, string>,
): string {
  let result = value;
  // Bounded: each pass replaces the last reference; a value that references itself stops.
  for (let guard = 0; guard < 1000; guard++) {
    const last = lastUnescapedDollar(result);
    if (last < 0) return result;
    const m = /((?<!\\)\${?(\w+)(?::-([^}\\]*))?}?)/.exec(result.slice(last));
    if (m === null) return result;
    const [, template, name, fallback] = m;
    const next = result.replace(template!, env[name!] || fallback || parsed.get(name!) || '');
    if (next === result) return result;
    result = next;
  }
  return result;
}

function lastUnescapedDollar(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (text[i] === '$' && text[i - 1] !== '\\') return i;
  return -1;
}
