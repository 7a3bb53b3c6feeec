import type { ProjectSnapshot } from '../project-snapshot.js';
import { KEY_VARIABLES } from '../resolution/key-variables.js';
import { type PathApi, pathLabel } from '../resolution/path-strings.js';
import { pathApiOf, textFileAt } from '../resolution/snapshot-files.js';
import { SecretKey } from '../secret-key.js';
import type { AppKeyUse } from './app-keys.js';
import { type ContainerEnv, containerEnv, interpolationLookup } from './compose-env.js';
import { interpolate } from './compose-interpolate.js';
import {
  buildFolder,
  type ComposeService,
  composeServices,
  mergeComposeOverride,
} from './compose-services.js';
import type { ProjectModel } from './project-model.js';

/** A compose file the edge found and parsed (or could not parse). */
export interface ComposeFileRead {
  /** Absolute path. */
  path: string;
  /** The parsed YAML, or null when it could not be read or parsed. */
  doc: unknown;
  /** Why it could not be read ("line 4: …", "larger than 256 KB"), or null. */
  error: string | null;
  /**
   * Found in a folder above the project (its parent, or the workspace root): only its services
   * that build one of the project's apps concern this project.
   */
  aboveRoot: boolean;
  /** The override file beside it (compose.override.yaml), which Compose merges in when it exists. */
  override?: { path: string; doc: unknown; error: string | null };
}

/** The compose document as Compose runs it: the base file, with its override file merged in. */
function composeDocOf(file: ComposeFileRead): unknown {
  return file.override && file.override.doc !== null
    ? mergeComposeOverride(file.doc, file.override.doc)
    : file.doc;
}

/** What one Compose service's container gets for a key variable the app in it reads. */
export interface ComposeKeyUse {
  /** The compose file, as displayed. */
  file: string;
  service: string;
  /** The package the service builds (relative to the project root), or null for an image-only service. */
  package: string | null;
  /** The service's `image:`, when it names one. */
  image: string | null;
  /**
   * The service runs one of the apps (it builds its folder), or passes a variable the project's
   * code reads. Otherwise it is a key variable in someone else's service (a Maps key in
   * GOOGLE_API_KEY): reported, but it never fails the run.
   */
  appLinked: boolean;
  variable: string;
  /** Where the app's code reads it, when the service builds an app the doctor read. */
  read: { file: string; line: number } | null;
  /** What the container gets (null: unset or empty). */
  key: SecretKey | null;
  /** `env:NAME`, `file:<display path>:NAME`, `compose:<display path>:NAME`; null when unset. */
  source: string | null;
  via: 'environment' | 'env_file' | null;
  /** Why Compose would refuse to start the service, if it would. */
  errors: string[];
  /** The `${VAR}` that was unset, when the variable is set from one (Compose puts an empty string). */
  unsetFrom: string | null;
  /** An env_file sets the variable, but an `environment` entry replaces it (with an empty value, here). */
  envFileOverridden: boolean;
  /** True when the service has no `environment`/`env_file` entry for the variable at all. */
  noEntry: boolean;
  /** The `.env` beside the compose file (display path) and whether it holds the variable. */
  dotEnv: { file: string; has: boolean };
}

/** The `.env` beside each compose file: the edge reads these first (env_file paths may use `${}` from them). */
export function composeDotEnvPaths(files: readonly ComposeFileRead[], api: PathApi): string[] {
  return [...new Set(files.map((f) => api.join(api.dirname(f.path), '.env')))];
}

/** Each service's env_file paths, interpolated as Compose does (the snapshot must hold the `.env` files). */
export function composeEnvFilePaths(files: readonly ComposeFileRead[], snapshot: ProjectSnapshot): string[] {
  const api = pathApiOf(snapshot);
  const out = new Set<string>();
  for (const f of files) {
    const dir = api.dirname(f.path);
    const dotEnvPath = api.join(dir, '.env');
    const { lookup } = interpolationLookup(snapshot.env, textFileAt(snapshot, dotEnvPath), dotEnvPath);
    for (const service of composeServices(composeDocOf(f)))
      for (const ref of service.envFiles) out.add(api.resolve(dir, interpolate(ref.path, lookup).value));
  }
  return [...out];
}

/**
 * The variables a service's app reads its key from: the code's reads, else its client's own lookup
 * (the first of the client's variables the container sets, else the first it reads).
 */
function variablesFor(
  uses: readonly AppKeyUse[],
  env: ContainerEnv,
): { variable: string; read: AppKeyUse['read'] }[] {
  const out = new Map<string, AppKeyUse['read']>();
  for (const use of uses) {
    if (use.read) {
      if (!out.get(use.read.variable)) out.set(use.read.variable, use.read); // the first read found names it
      continue;
    }
    const names = use.rule.defaultVariables;
    const name = names.find((n) => (env.vars.get(n)?.value.trim() ?? '') !== '') ?? names[0];
    if (name !== undefined && !out.has(name)) out.set(name, null);
  }
  return [...out].map(([variable, read]) => ({ variable, read }));
}

/**
 * For every service of every compose file that builds an app the doctor read (its `build:`
 * context is that app's folder), or whose env names a Gemini key variable: what its container
 * gets for the variable the app's code reads.
 */
export function resolveComposeKeys(
  model: ProjectModel,
  files: readonly ComposeFileRead[],
  uses: readonly AppKeyUse[],
  snapshot: ProjectSnapshot,
): ComposeKeyUse[] {
  const api = pathApiOf(snapshot);
  const label = (path: string) => pathLabel(path, model.root, snapshot.home, api);
  const readNames = new Set(uses.flatMap((u) => (u.read ? [u.read.variable] : [])));
  const keyNames = new Set<string>([...KEY_VARIABLES, ...readNames]);
  const out: ComposeKeyUse[] = [];
  for (const file of files) {
    if (file.doc === null) continue;
    const dir = api.dirname(file.path);
    const dotEnvPath = api.join(dir, '.env');
    const { lookup, dotEnv } = interpolationLookup(
      snapshot.env,
      textFileAt(snapshot, dotEnvPath),
      dotEnvPath,
    );
    for (const service of composeServices(composeDocOf(file))) {
      const folder = service.build === null ? null : buildFolder(dir, service.build, api);
      const pkg = folder === null ? undefined : model.packages.find((p) => api.normalize(p.dir) === folder);
      const pkgUses = pkg ? uses.filter((u) => u.package === pkg.rel) : [];
      const env = containerEnv(service, file.path, lookup, (path) => {
        const abs = api.resolve(dir, path);
        return { abs, text: textFileAt(snapshot, abs) };
      });
      // A service building a folder with no Gemini call is not an app of this project.
      if (pkg !== undefined && pkgUses.length === 0) continue;
      // An image-only service: only the key variables its env names (above the project: only those its code reads).
      const wanted =
        pkgUses.length > 0
          ? variablesFor(pkgUses, env)
          : namedKeyVariables(service, env, file.aboveRoot ? readNames : keyNames).map((variable) => ({
              variable,
              read: null,
            }));
      const shown = file.override
        ? `${label(file.path)} + ${api.basename(file.override.path)}`
        : label(file.path);
      const at = { file: shown, service, pkg: pkg?.rel ?? null, dotEnv: label(dotEnvPath) };
      for (const { variable, read } of wanted)
        out.push({
          ...keyUse(at, variable, read, env, label, dotEnv.has(variable)),
          appLinked: pkg !== undefined || readNames.has(variable),
        });
    }
  }
  return out;
}

/** Key variables a service's own env names (for a service whose app the doctor did not read). */
function namedKeyVariables(
  service: ComposeService,
  env: ContainerEnv,
  keyNames: ReadonlySet<string>,
): string[] {
  const names = new Set([...service.environment.map((e) => e.name), ...env.vars.keys()]);
  return [...names].filter((n) => keyNames.has(n));
}

function keyUse(
  at: { file: string; service: ComposeService; pkg: string | null; dotEnv: string },
  variable: string,
  read: AppKeyUse['read'],
  env: ContainerEnv,
  label: (path: string) => string,
  dotEnvHas: boolean,
): Omit<ComposeKeyUse, 'appLinked'> {
  const found = env.vars.get(variable);
  const value = found?.value.trim() ?? '';
  const entry = at.service.environment.find((e) => e.name === variable);
  const unsetFrom = entry?.value ? (/\$\{?([_A-Za-z][_A-Za-z0-9]*)/.exec(entry.value)?.[1] ?? null) : null;
  return {
    file: at.file,
    service: at.service.name,
    package: at.pkg,
    image: at.service.image,
    variable,
    read: read ? { file: read.file, line: read.line } : null,
    key: value === '' ? null : new SecretKey(found!.value),
    source: value === '' ? null : relabel(found!.source, label),
    via: found?.via ?? null,
    errors: env.errors,
    unsetFrom: value === '' && unsetFrom !== null && env.unset.has(unsetFrom) ? unsetFrom : null,
    envFileOverridden: value === '' && env.overridden.has(variable),
    noEntry: entry === undefined && found === undefined && at.service.envFiles.length === 0,
    dotEnv: { file: at.dotEnv, has: dotEnvHas },
  };
}

/** `file:/abs/path:NAME` → `file:<display path>:NAME` (the same for `compose:`). */
function relabel(source: string, label: (path: string) => string): string {
  const m = /^(file|compose):(.*):([^:]*)$/.exec(source);
  return m ? `${m[1]}:${label(m[2]!)}:${m[3]}` : source;
}
