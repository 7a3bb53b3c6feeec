/**
 * The catalog's tiny template language, so a fix step reads well whether or not a value is known:
 *
 * - `{name}` inserts the value `name`; when it is missing, the default wording for that name
 *   (`PLACEHOLDER_DEFAULTS`) is used, e.g. `{project}` → "your Google Cloud project".
 * - `{name|words}` inserts the value, or `words` when it is missing.
 * - `[ … ]` is an optional segment: it is dropped whole when any placeholder inside it has no value
 *   (fallbacks inside a segment are ignored), e.g. `Enable the API[ in project {project}].`
 * - `\{`, `\}`, `\[`, `\]`, `\\` are literal characters.
 *
 * Values are inserted verbatim (evidence never holds a key, only masked forms) and are never parsed
 * again, so a `{` inside a value stays literal text. Rendering is total: a malformed template
 * (an unclosed `{` or `[`) renders its remaining text literally rather than throwing.
 */

export type TemplateValues = Readonly<Record<string, string>>;

/** Wording used for `{name}` (without `|words`) when the value is missing, so no step ever shows `{…}`. */
export const PLACEHOLDER_DEFAULTS: Readonly<Record<string, string>> = {
  project: 'your Google Cloud project',
  activationUrl: 'the API library page in the Cloud Console',
  enableUrl: 'https://console.cloud.google.com/apis/library/generativelanguage.googleapis.com',
  credentialsUrl: 'https://console.cloud.google.com/apis/credentials',
  quotaId: 'the quota named in the error',
  quotaMetric: 'the quota metric named in the error',
  quotaValue: 'the limit',
  retryDelay: 'the delay the server asks for',
  model: 'the model',
  variable: 'the variable that holds your key',
  otherVariable: 'the other key variable',
  expectedVariable: 'the variable your client reads',
  value: 'the value set',
  client: 'your client',
  credentialKind: 'another kind of credential',
  file: 'your .env file',
  maskedKey: 'the key',
  keyKindName: 'a key of unknown kind',
  location: 'your location',
  baseUrl: 'the configured base URL',
  endpoint: 'the endpoint called',
  service: 'the API',
  method: 'the method called',
  httpStatus: 'no HTTP status',
  rpcStatus: 'no RPC status',
  reason: 'no reason',
  domain: 'no domain',
  message: 'no message text',
  answered: 'an error',
};

const GENERIC_DEFAULT = 'the value named in the error';

/** An own string property only: `{constructor}` must not find `Object.prototype.constructor`. */
function ownString(record: Readonly<Record<string, string>>, name: string): string | undefined {
  if (!Object.hasOwn(record, name)) return undefined;
  const value = record[name];
  return typeof value === 'string' ? value : undefined;
}

interface Cursor {
  readonly text: string;
  index: number;
}

/** Reads `{name}` or `{name|words}` starting just after the `{`. Returns undefined when unclosed. */
function readPlaceholder(cursor: Cursor): { name: string; fallback: string | undefined } | undefined {
  const close = cursor.text.indexOf('}', cursor.index);
  if (close < 0) return undefined;
  const body = cursor.text.slice(cursor.index, close);
  cursor.index = close + 1;
  const bar = body.indexOf('|');
  if (bar < 0) return { name: body.trim(), fallback: undefined };
  return { name: body.slice(0, bar).trim(), fallback: body.slice(bar + 1) };
}

/**
 * Renders a run of text until `stop` (`]` for a segment, none at top level).
 * `optional` means a missing value makes the whole run vanish (returns undefined).
 */
function renderRun(cursor: Cursor, values: TemplateValues, optional: boolean): string | undefined {
  let out = '';
  let missing = false;
  const { text } = cursor;
  while (cursor.index < text.length) {
    const ch = text[cursor.index] as string;
    if (ch === '\\' && cursor.index + 1 < text.length) {
      out += text[cursor.index + 1];
      cursor.index += 2;
      continue;
    }
    if (ch === ']' && optional) {
      cursor.index += 1;
      return missing ? undefined : out;
    }
    if (ch === '[' && !optional) {
      const start = cursor.index;
      cursor.index += 1;
      const segment = renderRun(cursor, values, true);
      if (cursor.index > text.length || text[cursor.index - 1] !== ']') {
        // Unclosed segment: keep its text literally rather than lose it.
        out += text.slice(start);
        cursor.index = text.length;
        break;
      }
      if (segment !== undefined) out += segment;
      continue;
    }
    if (ch === '{') {
      const start = cursor.index;
      cursor.index += 1;
      const placeholder = readPlaceholder(cursor);
      if (placeholder === undefined) {
        out += text.slice(start);
        cursor.index = text.length;
        break;
      }
      const value = ownString(values, placeholder.name);
      if (value !== undefined) out += value;
      else if (optional) missing = true;
      else
        out += placeholder.fallback ?? ownString(PLACEHOLDER_DEFAULTS, placeholder.name) ?? GENERIC_DEFAULT;
      continue;
    }
    out += ch;
    cursor.index += 1;
  }
  // Reached the end inside a segment: the caller sees no closing `]` and keeps the text literally.
  if (optional) cursor.index = text.length + 1;
  return missing ? undefined : out;
}

/** Fills a template from `values`. Pure and total. */
export function fillTemplate(template: string, values: TemplateValues): string {
  const cursor: Cursor = { text: template, index: 0 };
  return renderRun(cursor, values, false) ?? '';
}

/** Names of every placeholder a template mentions (for tests and documentation). */
export function placeholderNames(template: string): string[] {
  const names: string[] = [];
  const pattern = /(?<!\\)\{([^}|]*)(?:\|[^}]*)?\}/g;
  for (const match of template.matchAll(pattern)) names.push((match[1] ?? '').trim());
  return names;
}
