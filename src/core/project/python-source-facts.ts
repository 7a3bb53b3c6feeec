import {
  type CallKey,
  type ClientCall,
  isKeyVariableName,
  type KeyRead,
  type LoaderCall,
  lineAt,
  lineStartsOf,
  MODEL_ID_PATTERN,
  MODEL_IN_URL,
  type ModelRef,
  type SourceFacts,
} from './source-facts.js';

/**
 * The key reads, client calls, model ids and `load_dotenv()` calls in one Python file, read with
 * patterns (the product cannot assume a Python interpreter). Comments and docstrings are blanked
 * first so a commented-out `os.getenv("X")` is not a read; string contents are kept for the
 * literals the patterns look at.
 *
 * Reads: `os.getenv("X")`, `getenv("X")`, `os.environ["X"]`, `os.environ.get("X")`,
 * `environ["X"]`, `st.secrets["X"]`, `st.secrets.get("X")`, `st.secrets.X`, and the fields of a
 * pydantic-settings `BaseSettings` class (`gemini_api_key: str` reads GEMINI_API_KEY, any case).
 * Calls: google-genai `genai.Client(api_key=…)`, google-generativeai `genai.configure(api_key=…)`,
 * langchain-google-genai `ChatGoogleGenerativeAI(google_api_key=… | api_key=…)`, LiteLLM
 * `completion(model="gemini/…", api_key=…)`, LlamaIndex `GoogleGenAI(api_key=…)` / `Gemini(api_key=…)`.
 */
export function pythonSourceFacts(file: string, source: string): SourceFacts {
  const text = blankComments(source);
  const lines = lineStartsOf(text);
  const scan: PythonScan = { file, text, at: (offset: number) => lineAt(lines, offset), readAt: new Map() };
  const reads = envReads(scan);
  const bindings = boundReads(scan);
  for (const read of pydanticSettingsReads(file, text, scan.at)) {
    reads.push(read);
    bindings.set(read.variable.toLowerCase(), read);
  }
  return {
    file,
    language: 'python',
    reads,
    calls: clientCalls(scan, bindings),
    models: modelRefs(scan),
    loaders: dotenvLoads(scan),
    required: requiredVariables(scan, bindings),
  };
}

/** One Python file being read: its text (comments blanked), line lookup, and the reads found by offset. */
interface PythonScan {
  file: string;
  text: string;
  at: (offset: number) => number;
  readAt: Map<number, KeyRead>;
}

const READ_PATTERNS: [RegExp, KeyRead['via']][] = [
  [/\b(?:os\.)?getenv\(\s*(['"])([A-Za-z_][A-Za-z0-9_]*)\1/g, 'os.environ'],
  [/\b(?:os\.)?environ\.get\(\s*(['"])([A-Za-z_][A-Za-z0-9_]*)\1/g, 'os.environ'],
  [/\b(?:os\.)?environ\[\s*(['"])([A-Za-z_][A-Za-z0-9_]*)\1\s*\]/g, 'os.environ'],
  [/\bst\.secrets(?:\.get\(\s*|\[\s*)(['"])([A-Za-z_][A-Za-z0-9_]*)\1/g, 'st.secrets'],
  [/\bst\.secrets\.()([A-Za-z_][A-Za-z0-9_]*)\b(?!\s*\()/g, 'st.secrets'],
];

/** Every env and secrets read (recorded by offset in `scan.readAt`); returns those of key variables. */
function envReads(scan: PythonScan): KeyRead[] {
  const reads: KeyRead[] = [];
  for (const [pattern, via] of READ_PATTERNS) {
    for (const m of scan.text.matchAll(pattern)) {
      const variable = m[2]!;
      if (
        via === 'st.secrets' &&
        ['get', 'keys', 'items', 'to_dict', 'load_if_toml_exists'].includes(variable)
      )
        continue;
      const read: KeyRead = { file: scan.file, line: scan.at(m.index), variable, via };
      scan.readAt.set(m.index, read);
      if (isKeyVariableName(variable)) reads.push(read);
    }
  }
  return reads;
}

/** NAME = <read> (… or "" / … or other) binds NAME to the read on that line. */
function boundReads(scan: PythonScan): Map<string, KeyRead> {
  const bindings = new Map<string, KeyRead>();
  for (const m of scan.text.matchAll(
    /^[ \t]*([A-Za-z_][A-Za-z0-9_.]*)[ \t]*(?::[^=\n]+)?=(?!=)[ \t]*(.*)$/gm,
  )) {
    const valueStart = m.index + m[0].length - m[2]!.length;
    const read = firstReadIn(scan.readAt, valueStart, valueStart + m[2]!.length);
    if (read) bindings.set(m[1]!, read);
  }
  return bindings;
}

const CALLS: { pattern: RegExp; client: ClientCall['client']; keyArgs: string[]; needs?: RegExp }[] = [
  {
    pattern: /\b(?:genai\.)?Client\(/g,
    client: 'google-genai',
    keyArgs: ['api_key'],
    needs: /google\s*(?:import\s+genai|\.genai)/,
  },
  { pattern: /\bgenai\.configure\(/g, client: 'google-generativeai', keyArgs: ['api_key'] },
  {
    pattern: /\b(?:ChatGoogleGenerativeAI|GoogleGenerativeAIEmbeddings|GoogleGenerativeAI)\(/g,
    client: 'langchain-google-genai',
    keyArgs: ['google_api_key', 'api_key'],
    needs: /langchain_google_genai/,
  },
  { pattern: /\b(?:litellm\.)?a?completion\(/g, client: 'litellm', keyArgs: ['api_key'], needs: /litellm/ },
  {
    pattern: /\b(?:GoogleGenAI|Gemini|GeminiEmbedding|GoogleGenAIEmbedding)\(/g,
    client: 'llama-index',
    keyArgs: ['api_key'],
    needs: /llama_index/,
  },
];

/** The Gemini client calls and the key each is given (a read, a bound name, a literal, or its default). */
function clientCalls(scan: PythonScan, bindings: ReadonlyMap<string, KeyRead>): ClientCall[] {
  const { text } = scan;
  const keyOf = (start: number, end: number, expression: string): CallKey => {
    const direct = firstReadIn(scan.readAt, start, end);
    if (direct) return { kind: 'variable', read: direct };
    const name = expression.trim();
    const bound = bindings.get(name) ?? bindings.get(name.replace(/^(self|settings|config)\./, ''));
    if (bound) return { kind: 'variable', read: bound };
    if (/^[rbfu]?["']/.test(name)) return { kind: 'literal' };
    return { kind: 'unknown' };
  };
  const calls: ClientCall[] = [];
  for (const spec of CALLS) {
    if (spec.needs && !spec.needs.test(text)) continue;
    for (const m of text.matchAll(spec.pattern)) {
      const open = m.index + m[0].length;
      const close = matchingParen(text, open - 1);
      const args = text.slice(open, close);
      if (spec.client === 'litellm' && !/model\s*=\s*['"]gemini\//.test(args)) continue;
      const keyArg = new RegExp(`\\b(?:${spec.keyArgs.join('|')})\\s*=\\s*`).exec(args);
      let key: CallKey = { kind: 'default' };
      if (keyArg) {
        const start = open + keyArg.index + keyArg[0].length;
        const end = open + argumentEnd(args, keyArg.index + keyArg[0].length);
        key = keyOf(start, end, text.slice(start, end));
      }
      // genai.Client(os.getenv("X")) without api_key=: a positional first argument is not the key
      // (keyword-only in google-genai), so the client still uses its default lookup.
      calls.push({ file: scan.file, line: scan.at(m.index), client: spec.client, key });
    }
  }
  return calls;
}

/** `load_dotenv(…)` calls: path, override and usecwd as written. */
function dotenvLoads(scan: PythonScan): LoaderCall[] {
  const loaders: LoaderCall[] = [];
  for (const m of scan.text.matchAll(/\bload_dotenv\(/g)) {
    const open = m.index + m[0].length;
    const args = scan.text.slice(open, matchingParen(scan.text, open - 1));
    const path = /^\s*(?:dotenv_path\s*=\s*)?(['"])([^'"]+)\1/.exec(args)?.[2];
    loaders.push({
      file: scan.file,
      line: scan.at(m.index),
      loader: 'python-dotenv',
      override: /\boverride\s*=\s*True\b/.test(args),
      ...(path !== undefined ? { path } : {}),
      ...(/usecwd\s*=\s*True/.test(args) ? { usecwd: true } : {}),
    });
  }
  return loaders;
}

/** Model ids in string literals (`"gemini-2.5-flash"`, LiteLLM's `"gemini/…"`, model URLs). */
function modelRefs(scan: PythonScan): ModelRef[] {
  const models: ModelRef[] = [];
  for (const m of scan.text.matchAll(/(['"])([^'"\n]{3,80})\1/g)) {
    const id =
      MODEL_ID_PATTERN.exec(m[2]!)?.[1] ??
      /^gemini\/(gemini-[a-z0-9.-]+)$/.exec(m[2]!)?.[1] ??
      MODEL_IN_URL.exec(m[2]!)?.[1];
    if (id) models.push({ file: scan.file, line: scan.at(m.index), id });
  }
  return models;
}

/** `if not X:` / `if X is None:` followed by raise / st.stop() / sys.exit() / return: X is required. */
function requiredVariables(scan: PythonScan, bindings: ReadonlyMap<string, KeyRead>): string[] {
  const required = new Set<string>();
  for (const m of scan.text.matchAll(
    /^([ \t]*)if\s+(not\s+)?(.+?)(\s+is\s+None)?\s*:[ \t]*\n((?:\1[ \t]+.*\n?){1,4})/gm,
  )) {
    if (!m[2] && !m[4]) continue;
    if (!/\b(?:raise|return)\b|\bst\.stop\(|\bsys\.exit\(|\bexit\(/.test(m[5]!)) continue;
    const testStart = m.index + m[0].indexOf(m[3]!);
    const read = firstReadIn(scan.readAt, testStart, testStart + m[3]!.length) ?? bindings.get(m[3]!.trim());
    if (read) required.add(read.variable);
  }
  return [...required];
}

function firstReadIn(readAt: ReadonlyMap<number, KeyRead>, start: number, end: number): KeyRead | null {
  let best: [number, KeyRead] | null = null;
  for (const [offset, read] of readAt) {
    if (offset >= start && offset < end && (best === null || offset < best[0])) best = [offset, read];
  }
  return best?.[1] ?? null;
}

/** `class Settings(BaseSettings):` fields, read by pydantic-settings from the variable of the same name (case-insensitive by default). */
function pydanticSettingsReads(file: string, text: string, at: (offset: number) => number): KeyRead[] {
  const out: KeyRead[] = [];
  for (const m of text.matchAll(
    /^class\s+\w+\s*\([^)]*BaseSettings[^)]*\)\s*:\s*\n((?:[ \t]+.*\n?|\s*\n)*)/gm,
  )) {
    const body = m[1]!;
    const bodyStart = m.index + m[0].length - body.length;
    const prefix = /env_prefix\s*=\s*['"]([^'"]*)['"]/.exec(body)?.[1] ?? '';
    for (const f of body.matchAll(/^[ \t]+([a-z_][a-z0-9_]*)\s*:\s*[^=\n]+/gim)) {
      const variable = `${prefix}${f[1]!}`.toUpperCase();
      if (isKeyVariableName(variable))
        out.push({ file, line: at(bodyStart + f.index), variable, via: 'pydantic-settings' });
    }
  }
  return out;
}

/** Index of the `)` closing the `(` at `open` (strings skipped), or the text's end. */
function matchingParen(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return text.length;
}

/** End of one argument starting at `from` in an argument list: the next top-level comma. */
function argumentEnd(args: string, from: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < args.length; i++) {
    const ch = args[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) return i;
  }
  return args.length;
}

/**
 * `#` comments and triple-quoted strings replaced by spaces (newlines kept, so offsets and line
 * numbers stay those of the file).
 */
export function blankComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const triple = text.slice(i, i + 3);
    if (triple === '"""' || triple === "'''") {
      const end = text.indexOf(triple, i + 3);
      const stop = end === -1 ? text.length : end + 3;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== ch && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '#') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
