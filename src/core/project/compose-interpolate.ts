/**
 * Docker Compose's `${}` interpolation, as the Compose Specification writes it
 * (compose-spec/compose-spec 12-interpolation.md; docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/):
 * `$VAR`, `${VAR}`, `${VAR:-default}` (unset or empty), `${VAR-default}` (unset),
 * `${VAR:?err}` / `${VAR?err}` (Compose refuses to run), `${VAR:+alt}` / `${VAR+alt}`, nesting in
 * the default, and `$$` for a literal `$`. An unset variable without a default becomes an empty
 * string (Compose only warns).
 */

/** Where a variable's value comes from when Compose interpolates: the shell first, then the `.env` beside the compose file. */
export type ComposeLookup = (name: string) => { value: string; source: string } | undefined;

export interface Interpolated {
  value: string;
  /** Variables named without a value and without a default: Compose put an empty string there. */
  unset: string[];
  /** `${VAR:?err}` with VAR unset: Compose stops with this message. */
  error: string | null;
  /** Where the first substituted variable's value came from (`env:NAME`, `file:<path>:NAME`). */
  source: string | null;
}

const NAME = /^[_A-Za-z][_A-Za-z0-9]*/;

/** The index of the `}` closing the `${` that starts at `open`, counting nested braces; -1 if none. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

export function interpolate(text: string, lookup: ComposeLookup): Interpolated {
  const out: Interpolated = { value: '', unset: [], error: null, source: null };
  const found = (name: string) => {
    const hit = lookup(name);
    if (hit && out.source === null) out.source = hit.source;
    return hit?.value;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c !== '$') {
      out.value += c;
      i++;
      continue;
    }
    if (text[i + 1] === '$') {
      out.value += '$';
      i += 2;
      continue;
    }
    if (text[i + 1] === '{') {
      const end = closingBrace(text, i + 1);
      if (end < 0) {
        out.value += text.slice(i);
        break;
      }
      braced(text.slice(i + 2, end), found, lookup, out);
      i = end + 1;
      continue;
    }
    const name = NAME.exec(text.slice(i + 1))?.[0];
    if (name === undefined) {
      out.value += c; // not a variable: kept as written
      i++;
      continue;
    }
    const value = found(name);
    if (value === undefined) out.unset.push(name);
    out.value += value ?? '';
    i += 1 + name.length;
  }
  return out;
}

/** The inside of one `${…}`: a name, then an optional `:-`, `-`, `:?`, `?`, `:+` or `+` and its word. */
function braced(
  inner: string,
  found: (name: string) => string | undefined,
  lookup: ComposeLookup,
  out: Interpolated,
): void {
  const name = NAME.exec(inner)?.[0] ?? '';
  const rest = inner.slice(name.length);
  const op = /^(:?[-?+])/.exec(rest)?.[1] ?? '';
  const word = () => {
    const nested = interpolate(rest.slice(op.length), lookup);
    out.unset.push(...nested.unset);
    out.error ??= nested.error;
    out.source ??= nested.source;
    return nested.value;
  };
  const value = found(name);
  const empty = value === undefined || (op.startsWith(':') && value === '');
  switch (op) {
    case '':
      if (value === undefined) out.unset.push(name);
      out.value += value ?? '';
      return;
    case ':-':
    case '-':
      out.value += empty ? word() : value;
      return;
    case ':?':
    case '?':
      if (empty) out.error ??= `required variable ${name} is missing a value: ${word()}`;
      else out.value += value;
      return;
    default: // ':+' and '+'
      out.value += empty ? '' : word();
  }
}
