import type { ProjectSnapshot } from '../project-snapshot.js';
import { CLIENT_PACKAGE, type ClientKeyRule, clientKeyRule } from '../resolution/client-key-rules.js';
import {
  type EffectiveEnv,
  type EnvEntry,
  loadWithoutOverride,
  shellEnv,
} from '../resolution/effective-env.js';
import { type PathApi, pathLabel, selfAndAncestors } from '../resolution/path-strings.js';
import { envFileAt, fileAt, pathApiOf, textFileAt } from '../resolution/snapshot-files.js';
import { SecretKey } from '../secret-key.js';
import {
  type FrameworkEnv,
  frameworkOf,
  publicPrefixOf,
  STREAMLIT_SECRETS_FILES,
  streamlitRootSecrets,
  viteEnvFiles,
} from './framework-env.js';
import { nextExpand } from './next-env-expand.js';
import type { DependencyVersion, PackageModel, ProjectModel } from './project-model.js';
import type { AppClient, ClientCall, KeyRead, SourceFacts } from './source-facts.js';
import { viteExpand } from './vite-env-expand.js';

/** One Gemini call site of the app, and the key it really sends. */
export interface AppKeyUse {
  /** The package folder, relative to the project root ('' for the root). */
  package: string;
  client: AppClient;
  /** Where the call is (file relative to the project root, line). */
  call: { file: string; line: number };
  /** Other call sites of the same client reading the same variable (`file:line`). */
  alsoAt: string[];
  /** The variable the code reads, with its location; null when the client's own lookup decides. */
  read: { variable: string; file: string; line: number } | null;
  /** The variable whose value is sent (the code's, or the client's default pick); null when none is set. */
  variable: string | null;
  /** The key as sent (after the client's trimming), or null when nothing is sent. */
  key: SecretKey | null;
  /**
   * Set when the key comes from a `.env` that nothing in the code or the scripts loads: the app
   * gets it only when started this way (a README's `node --env-file=.env app.js`); a plain start
   * sends nothing.
   */
  onlyWith: string | null;
  /**
   * What the client puts on the wire instead of a key when the variable is unset: the legacy SDK
   * and raw fetch send the string "undefined" (or the code's own `|| "…"` fallback). Never a key.
   */
  sendsLiteral: string | null;
  /** The value as found, when the client changes it before sending (trimming). */
  foundAs: SecretKey | null;
  /** `env:NAME`, `file:apps/web/.env.local:NAME`, `secrets:.streamlit/secrets.toml:NAME`. */
  source: string | null;
  /** The client version whose rules applied. */
  version: (DependencyVersion & { range: string }) | null;
  rule: ClientKeyRule;
  /** Who loads the env for this code, as a sentence ("Next.js loads .env.development.local, …"). */
  loading: string;
  /** Files that loader would read, in precedence order (display paths). */
  loadFiles: string[];
  /** The same files, absolute. */
  loadFileAbs: string[];
  /** The framework, when one loads the env. */
  framework: FrameworkEnv | null;
  /** The public prefix that inlines this variable into browser code, when it does. */
  browserPrefix: string | null;
  /** The variable is set, but the framework hides it from this code (CRA, Expo, Vite clients see only their public prefix). */
  hiddenFromCode: boolean;
  language: 'js' | 'python';
  notes: string[];
}

/** Paths the edge must snapshot so `resolveAppKeys` can see every file the apps' loaders read. */
export function appEnvFilePaths(model: ProjectModel, cwd: string, home: string, api: PathApi): string[] {
  const out = new Set<string>();
  for (const pkg of model.packages) {
    const fw = frameworkOf(pkg.npm);
    const envDir = pkg.viteEnvDir ? api.join(pkg.dir, pkg.viteEnvDir) : pkg.dir;
    for (const name of fw?.files ?? []) out.add(api.join(envDir, name));
    // `vite build` runs in production mode: its files too, to say what the built app gets.
    if (fw?.expands === 'vite')
      for (const name of viteEnvFiles('production')) out.add(api.join(envDir, name));
    for (const name of ['.env', '.env.local']) out.add(api.join(pkg.dir, name));
    for (const file of envFileScripts(pkg)) out.add(api.join(pkg.dir, file.path));
    for (const facts of pkg.sources) {
      for (const loader of facts.loaders) {
        if (loader.path) out.add(api.join(pkg.dir, loader.path));
        if (loader.loader === 'python-dotenv' && !loader.path) {
          const start = loader.usecwd ? cwd : api.dirname(api.join(model.root, facts.file));
          for (const dir of selfAndAncestors(start, api)) out.add(api.join(dir, '.env'));
        }
      }
    }
    if (pkg.python.has('streamlit')) {
      for (const name of STREAMLIT_SECRETS_FILES) out.add(api.join(pkg.dir, name));
      out.add(api.join(home, '.streamlit', 'secrets.toml'));
    }
  }
  out.add(api.join(model.root, '.env'));
  return [...out];
}

/** `node --env-file=X` / `--env-file-if-exists=X` in the package's scripts. */
function envFileScripts(pkg: PackageModel): { path: string; optional: boolean }[] {
  const out: { path: string; optional: boolean }[] = [];
  for (const script of pkg.scripts) {
    for (const m of script.matchAll(/--env-file(-if-exists)?[= ]("[^"]+"|'[^']+'|\S+)/g))
      out.push({ path: m[2]!.replace(/^["']|["']$/g, ''), optional: m[1] !== undefined });
  }
  return out;
}

/**
 * For every Gemini call in every package: which variable the code reads (or the client's own
 * lookup), which files the framework or loader of that code loads, and so which key is sent.
 */
export function resolveAppKeys(model: ProjectModel, snapshot: ProjectSnapshot): AppKeyUse[] {
  const api = pathApiOf(snapshot);
  const out: AppKeyUse[] = [];
  for (const pkg of model.packages) {
    const seen = new Map<string, AppKeyUse>();
    for (const facts of pkg.sources) {
      for (const call of facts.calls) {
        const client = call.client ?? projectClient(pkg, facts.language);
        if (client === null) continue;
        if (call.key.kind === 'literal' || call.key.kind === 'unknown') continue;
        const read = call.key.kind === 'variable' ? call.key.read : null;
        const id = `${client}|${read ? read.variable : '*'}`;
        const first = seen.get(id);
        if (first) {
          const at = read ? `${read.file}:${read.line}` : `${call.file}:${call.line}`;
          if (!first.alsoAt.includes(at)) first.alsoAt.push(at);
          continue;
        }
        const use = resolveCall(model, pkg, facts, { ...call, client }, snapshot, api);
        seen.set(id, use);
        out.push(use);
      }
    }
  }
  return out;
}

/** The package's Gemini client for a call whose consumer the reader could not see. */
function projectClient(pkg: PackageModel, language: 'js' | 'python'): AppClient | null {
  const order: AppClient[] =
    language === 'js'
      ? ['@google/genai', '@google/generative-ai', '@ai-sdk/google', '@langchain/google-genai']
      : ['google-genai', 'google-generativeai', 'langchain-google-genai'];
  for (const client of order) {
    const pkgName = CLIENT_PACKAGE[client];
    if (pkgName && (language === 'js' ? pkg.npm : pkg.python).has(pkgName.name)) return client;
  }
  return null;
}

interface Loaded {
  env: EffectiveEnv;
  /** Files loaded only if the app is started with `node --env-file` (nothing else loads them). */
  assumed: string | null;
  loading: string;
  files: string[];
  framework: FrameworkEnv | null;
  notes: string[];
}

function resolveCall(
  model: ProjectModel,
  pkg: PackageModel,
  facts: SourceFacts,
  call: ClientCall & { client: AppClient },
  snapshot: ProjectSnapshot,
  api: PathApi,
): AppKeyUse {
  const pkgName = CLIENT_PACKAGE[call.client];
  const version = pkgName ? (pkg.versions.get(pkgName.name) ?? null) : null;
  const rule = clientKeyRule(call.client, version?.version ?? null);
  const loaded = facts.language === 'js' ? jsEnv(pkg, snapshot, api) : pythonEnv(model, pkg, snapshot, api);
  const notes = [...loaded.notes];
  const read = call.key.kind === 'variable' ? call.key.read : null;
  const fw = loaded.framework;
  const { variable, entry, hiddenFromCode } = pickEntry({ pkg, facts, call, rule, loaded, read, notes });
  const raw = entry?.value ?? null;
  const sent = raw === null ? null : rule.sentTrimmed ? raw.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '') : raw;
  if (raw !== null && sent !== raw)
    notes.push(
      `${call.client} sends through fetch, which trims the value: the trimmed key is what Google sees`,
    );
  const label = (path: string) => pathLabel(path, model.root, snapshot.home, api);
  if (fw?.expands === 'vite' && read && facts.language === 'js') {
    const built = viteModeEntry(pkg, fw, read.variable, 'production', snapshot, api);
    if ((built?.value ?? null) !== raw)
      notes.push(
        `\`vite build\` runs in production mode and loads ${viteEnvFiles('production').join(', ')} instead of the development files: the built app gets ${built ? `another value for ${read.variable}, from ${relabel(built.source, model.root, snapshot, api)}` : `no ${read.variable}`}`,
      );
  }
  return {
    package: pkg.rel,
    client: call.client,
    call: { file: call.file, line: call.line },
    alsoAt: [],
    read: read ? { variable: read.variable, file: read.file, line: read.line } : null,
    variable: sent ? variable : null,
    key: sent ? new SecretKey(sent) : null,
    foundAs: raw !== null && sent !== raw && raw !== '' ? new SecretKey(raw) : null,
    sendsLiteral:
      sent || !read || rule.missingSends === undefined
        ? null
        : call.key.kind === 'variable' && call.key.orLiteral !== undefined
          ? call.key.orLiteral || null
          : rule.missingSends,
    onlyWith:
      sent && loaded.assumed !== null && entry!.source.startsWith(`file:${loaded.assumed}:`)
        ? 'node --env-file=.env'
        : null,
    source: sent ? relabel(entry!.source, model.root, snapshot, api) : null,
    version: version ? { ...version, range: rule.range } : null,
    rule,
    loading: loaded.loading,
    loadFiles: loaded.files.map(label),
    loadFileAbs: loaded.files,
    framework: fw,
    browserPrefix: facts.language === 'js' && read ? browserPrefixOf(read, fw, pkg) : null,
    hiddenFromCode,
    language: facts.language,
    notes,
  };
}

/** What the call finds: the variable its read names (if the app code can see it), else the client's own lookup. */
function pickEntry(input: {
  pkg: PackageModel;
  facts: SourceFacts;
  call: ClientCall & { client: AppClient };
  rule: ClientKeyRule;
  loaded: Loaded;
  read: KeyRead | null;
  notes: string[];
}): { variable: string | null; entry: EnvEntry | undefined; hiddenFromCode: boolean } {
  const { pkg, facts, call, rule, loaded, read, notes } = input;
  const fw = loaded.framework;
  // Browser bundles (CRA, Expo, Vite clients) have no process.env for the SDK's own lookup.
  const browserOnly = fw?.onlyPublicVisible === true && facts.language === 'js';
  if (!read) {
    const pick = browserOnly ? null : defaultPick(rule, loaded.env);
    return { variable: pick?.name ?? null, entry: pick?.entry, hiddenFromCode: false };
  }
  let entry = loaded.env.get(read.variable);
  let hiddenFromCode = false;
  if (entry !== undefined && browserOnly && fw) {
    const visible =
      publicPrefixOf(fw, read.variable) !== null || (pkg.viteDefines ?? []).includes(read.variable);
    if (!visible) {
      hiddenFromCode = true;
      notes.push(
        `${fw.label} gives app code only ${fw.publicPrefixes.join('/')} variables: ${read.variable} is undefined there`,
      );
      entry = undefined;
    }
  }
  if (entry !== undefined) return { variable: read.variable, entry, hiddenFromCode };
  if (facts.required.includes(read.variable)) {
    notes.push(`${read.variable} is unset: ${read.file} stops there (it requires the variable)`);
  } else if (rule.undefinedFallsBack && rule.defaultVariables.length > 0 && !browserOnly) {
    const fallback = defaultPick(rule, loaded.env);
    if (fallback) {
      notes.push(
        `${read.variable} is unset, so ${call.client} falls back to its own lookup: ${fallback.name}`,
      );
      return { variable: fallback.name, entry: fallback.entry, hiddenFromCode };
    }
  }
  return { variable: null, entry: undefined, hiddenFromCode };
}

/** The browser-exposing prefix (or Vite define) under which the code reads its key, if any. */
function browserPrefixOf(read: KeyRead, fw: FrameworkEnv | null, pkg: PackageModel): string | null {
  return (
    publicPrefixOf(fw, read.variable) ??
    ((pkg.viteDefines ?? []).includes(read.variable) ? 'vite define' : null) ??
    (read.via === '$env/static/public' || read.via === '$env/dynamic/public' ? 'PUBLIC_' : null)
  );
}

function defaultPick(rule: ClientKeyRule, env: EffectiveEnv): { name: string; entry: EnvEntry } | null {
  for (const name of rule.defaultVariables) {
    const entry = env.get(name);
    // @google/genai trims env values and treats empty as unset; LangChain uses `||`: same outcome.
    if (entry !== undefined && entry.value.trim() !== '') return { name, entry };
  }
  return null;
}

/** The env a JS call sees: the shell, then its framework's files, the code's dotenv calls, `--env-file`. */
function jsEnv(pkg: PackageModel, snapshot: ProjectSnapshot, api: PathApi): Loaded {
  let env = shellEnv(snapshot.env, snapshot.platform);
  const notes: string[] = [];
  const files: string[] = [];
  const detected = frameworkOf(pkg.npm);
  // vite.config's envPrefix replaces VITE_ as what client code sees (vite.dev/config/shared-options#envprefix).
  const fw =
    detected?.framework === 'vite' && pkg.viteEnvPrefix
      ? { ...detected, publicPrefixes: pkg.viteEnvPrefix }
      : detected;
  const parts: string[] = [];
  const load = (path: string, kind: 'dotenv' | 'node', override = false) => {
    files.push(path);
    const parsed = envFileAt(snapshot, path);
    if (parsed === null) return;
    env = loadWithoutOverride(env, kind === 'node' ? parsed.node : parsed.dotenv, path, undefined, override);
  };
  if (fw && fw.files.length > 0) {
    const envDir = pkg.viteEnvDir ? api.join(pkg.dir, pkg.viteEnvDir) : pkg.dir;
    const paths = fw.files.map((name) => api.join(envDir, name));
    if (fw.expands === 'vite') env = viteLoad(env, paths, snapshot, files);
    else if (fw.expands === 'next') env = nextLoad(env, paths, snapshot, files);
    else for (const path of paths) load(path, 'dotenv');
    parts.push(
      `${fw.label} loads ${fw.files.join(', ')} from ${pkg.rel === '' ? 'the app folder' : `${pkg.rel}/`} only`,
    );
  }
  for (const facts of pkg.sources.filter((f) => f.language === 'js')) {
    for (const loader of facts.loaders) {
      const path = api.join(pkg.dir, loader.path ?? '.env');
      if (files.includes(path)) continue;
      load(path, 'dotenv', loader.override);
      parts.push(`${loader.loader} loads ${loader.path ?? '.env'} (${facts.file}:${loader.line})`);
    }
  }
  for (const script of envFileScripts(pkg)) {
    const path = api.join(pkg.dir, script.path);
    if (files.includes(path)) continue;
    load(path, 'node');
    parts.push(`node --env-file loads ${script.path}`);
  }
  let assumed: string | null = null;
  if (parts.length === 0) {
    parts.push(
      'nothing in this app loads a .env file (no framework, no dotenv call, no --env-file script): only the environment counts, unless you start it with `node --env-file=.env`',
    );
    const dotEnv = api.join(pkg.dir, '.env');
    // Many READMEs start a plain server with `node --env-file=.env app.js`: what that would send is
    // kept, marked as holding only for that start.
    if (envFileAt(snapshot, dotEnv) !== null) {
      assumed = dotEnv;
      load(dotEnv, 'node');
    }
  }
  return { env, assumed, loading: parts.join('; '), files, framework: fw, notes };
}

/**
 * What client code of a Vite app sees for `variable` in a mode (`import.meta.env`, as `vite` /
 * `vite build --mode` load it): the shell, then the mode's files in envDir, public prefixes only.
 */
export function viteModeEntry(
  pkg: PackageModel,
  fw: FrameworkEnv,
  variable: string,
  mode: string,
  snapshot: ProjectSnapshot,
  api: PathApi,
): EnvEntry | undefined {
  const envDir = pkg.viteEnvDir ? api.join(pkg.dir, pkg.viteEnvDir) : pkg.dir;
  const paths = viteEnvFiles(mode).map((name) => api.join(envDir, name));
  const env = viteLoad(shellEnv(snapshot.env, snapshot.platform), paths, snapshot, []);
  const visible = publicPrefixOf(fw, variable) !== null || (pkg.viteDefines ?? []).includes(variable);
  return visible ? env.get(variable) : undefined;
}

/**
 * Vite's loadEnv over the mode's files (`paths` first wins): merged, then `$VAR` references
 * expanded (vite-env-expand.ts); each name keeps the file its winning value came from. The shell
 * still wins: its names are already in `env`.
 */
function viteLoad(
  env: EffectiveEnv,
  paths: readonly string[],
  snapshot: ProjectSnapshot,
  files: string[],
): EffectiveEnv {
  const merged = new Map<string, string>();
  const fileOf = new Map<string, string>();
  files.push(...paths);
  for (const path of [...paths].reverse()) {
    for (const [name, value] of envFileAt(snapshot, path)?.dotenv ?? []) {
      merged.set(name, value);
      fileOf.set(name, path);
    }
  }
  const shell: Record<string, string | undefined> = {};
  for (const [name, entry] of env) if (entry.source.startsWith('env:')) shell[name] = entry.value;
  const out = new Map(env);
  for (const [name, value] of viteExpand(merged, shell))
    if (!out.has(name)) out.set(name, { value, source: `file:${fileOf.get(name)}:${name}` });
  return out;
}

/** @next/env over its files (`paths` first wins): each file expanded against the shell and the files before it. */
function nextLoad(
  env: EffectiveEnv,
  paths: readonly string[],
  snapshot: ProjectSnapshot,
  files: string[],
): EffectiveEnv {
  let out = env;
  for (const path of paths) {
    files.push(path);
    const parsed = envFileAt(snapshot, path)?.dotenv;
    if (parsed === undefined) continue;
    const seen: Record<string, string | undefined> = {};
    for (const [name, entry] of out) seen[name] = entry.value;
    out = loadWithoutOverride(out, nextExpand(parsed, seen), path);
  }
  return out;
}

/** The env a Python call sees: Streamlit secrets, the shell, then `load_dotenv()` (walking up from the calling file). */
function pythonEnv(model: ProjectModel, pkg: PackageModel, snapshot: ProjectSnapshot, api: PathApi): Loaded {
  let env = shellEnv(snapshot.env, snapshot.platform);
  const notes: string[] = [];
  const files: string[] = [];
  const parts: string[] = [];
  if (pkg.python.has('streamlit')) {
    // Secrets load at startup and their root-level keys are written into os.environ.
    for (const path of [
      ...STREAMLIT_SECRETS_FILES.map((n) => api.join(pkg.dir, n)),
      api.join(snapshot.home, '.streamlit', 'secrets.toml'),
    ]) {
      files.push(path);
      const text = textFileAt(snapshot, path);
      if (text === null) continue;
      env = loadWithoutOverride(env, streamlitRootSecrets(text), path, undefined, true);
    }
    parts.push(
      'Streamlit sets the root-level keys of .streamlit/secrets.toml as environment variables; it never loads .env',
    );
  }
  for (const facts of pkg.sources.filter((f) => f.language === 'python')) {
    for (const loader of facts.loaders) {
      let found: string | null = null;
      if (loader.path) found = api.join(pkg.dir, loader.path);
      else {
        // find_dotenv(): from the calling file's folder up to the filesystem root, first `.env` that is a file.
        const start = loader.usecwd ? snapshot.cwd : api.dirname(api.join(model.root, facts.file));
        for (const dir of selfAndAncestors(start, api)) {
          const path = api.join(dir, '.env');
          if (fileAt(snapshot, path).kind === 'file') {
            found = path;
            break;
          }
        }
      }
      const where = `${facts.file}:${loader.line}`;
      if (found === null) {
        parts.push(
          `load_dotenv() at ${where} finds no .env walking up from ${api.dirname(facts.file) || '.'}`,
        );
        continue;
      }
      if (files.includes(found)) continue;
      files.push(found);
      const parsed = envFileAt(snapshot, found);
      if (parsed !== null) env = loadWithoutOverride(env, parsed.dotenv, found, undefined, loader.override);
      const label = pathLabel(found, model.root, snapshot.home, api);
      parts.push(
        `load_dotenv() at ${where} loads ${label}${loader.override ? ' (override=True)' : ' without overriding variables already set'}`,
      );
    }
  }
  if (parts.length === 0)
    parts.push('nothing in this app loads a .env file (no load_dotenv()): only the environment counts');
  return {
    env,
    assumed: null,
    loading: parts.join('; '),
    files,
    framework: pkg.python.has('streamlit') ? frameworkOf(new Set(['streamlit'])) : null,
    notes,
  };
}

/** `file:/abs/path:NAME` (as loadWithoutOverride labels it) → `file:<display path>:NAME`. */
function relabel(source: string, root: string, snapshot: ProjectSnapshot, api: PathApi): string {
  if (!source.startsWith('file:')) return source;
  const end = source.lastIndexOf(':');
  const path = source.slice(5, end);
  const label = pathLabel(path, root, snapshot.home, api);
  return `${path.endsWith('secrets.toml') ? 'secrets' : 'file'}:${label}${source.slice(end)}`;
}
