/**
 * What the project's own source says about its Gemini key: where the code reads a variable, which
 * Gemini client each read feeds, and which model ids it names. The doctor trusts these reads over
 * the SDKs' default lookups: `new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY })` sends
 * GEMINI_API_KEY whatever GOOGLE_API_KEY holds.
 */

/** The Gemini clients whose calls the source readers recognise. */
export type AppClient =
  | '@google/genai'
  | '@google/generative-ai'
  | '@ai-sdk/google'
  | '@langchain/google-genai'
  | 'openai'
  | 'fetch'
  | 'google-genai'
  | 'google-generativeai'
  | 'langchain-google-genai'
  | 'litellm'
  | 'llama-index';

export type SourceLanguage = 'js' | 'python';

export interface SourceLocation {
  /** Project-relative path with `/` separators. */
  file: string;
  /** 1-based. */
  line: number;
}

/** How the code reads a variable: `process.env`, `import.meta.env`, `os.getenv`, `st.secrets`… */
export type ReadVia =
  | 'process.env'
  | 'import.meta.env'
  | 'Deno.env'
  | 'Bun.env'
  | '$env/static/private'
  | '$env/static/public'
  | '$env/dynamic/private'
  | '$env/dynamic/public'
  | 'os.environ'
  | 'st.secrets'
  | 'pydantic-settings';

export interface KeyRead extends SourceLocation {
  variable: string;
  via: ReadVia;
}

/**
 * Where a client call gets its key: a variable the code reads, the client's own default lookup
 * (no key passed), or something the reader cannot follow (a literal, a function result).
 */
export type CallKey =
  /** `orLiteral`: the code's own fallback (`process.env.X || ""`), sent when X is unset. */
  | { kind: 'variable'; read: KeyRead; orLiteral?: string }
  | { kind: 'default' }
  | { kind: 'literal' }
  | { kind: 'unknown' };

export interface ClientCall extends SourceLocation {
  /** null: an `apiKey` option whose consumer the reader cannot see (the project's Gemini client is assumed). */
  client: AppClient | null;
  key: CallKey;
  /** For `openai`: the base URL names Gemini's OpenAI-compatible route. */
  note?: string;
}

export interface ModelRef extends SourceLocation {
  id: string;
}

/** A call that loads a `.env` file from the code (`load_dotenv()`, `dotenv.config()`, `import 'dotenv/config'`). */
export interface LoaderCall extends SourceLocation {
  loader: 'python-dotenv' | 'dotenv' | 'dotenv-flow';
  /** An explicit path argument, when a string literal. */
  path?: string;
  override: boolean;
  /** python-dotenv `find_dotenv(usecwd=True)`: the walk starts at the working folder. */
  usecwd?: boolean;
}

export interface SourceFacts {
  file: string;
  language: SourceLanguage;
  reads: KeyRead[];
  calls: ClientCall[];
  models: ModelRef[];
  loaders: LoaderCall[];
  /**
   * Variables the code refuses to run without (`if (!process.env.X) throw …`, `if os.getenv("X") is
   * None: raise …`): when one is unset, the app stops there, before any client's own fallback.
   */
  required: string[];
}

/** Key-ish variable names a read must look like to matter (a read of PORT is not about Gemini). */
export function isKeyVariableName(name: string): boolean {
  return /(KEY|TOKEN|SECRET)/i.test(name) && !/_(URL|MODEL|ID|NAME|PATH|FILE|REGION|LOCATION)$/i.test(name);
}

/** Gemini-family model ids as they appear in code (`models/` prefix allowed). */
export const MODEL_ID_PATTERN = /^(?:models\/)?((?:gemini|gemma|imagen|veo)-[a-z0-9][a-z0-9.-]*)$/;

/** Model ids inside an endpoint URL (`…/models/gemini-2.0-flash:generateContent`). */
export const MODEL_IN_URL = /models\/((?:gemini|gemma)-[a-z0-9][a-z0-9.-]*?)(?=[:?/]|$)/;

/** 1-based line of a character offset. */
export function lineAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}
