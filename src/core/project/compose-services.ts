import type { PathApi } from '../resolution/path-strings.js';

/**
 * The parts of a Compose file's services that decide a container's environment, read from the
 * parsed YAML (compose-spec/compose-spec 05-services.md `build`, `env_file`, `environment`;
 * build.md `context`). Anything of another shape is skipped, never thrown on.
 */

/** Compose's default file names in one folder, in the order it prefers them (03-compose-file.md). */
export const COMPOSE_FILE_NAMES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yaml',
  'docker-compose.yml',
] as const;

export interface ComposeEnvFileRef {
  /** As written (relative to the compose file's folder), before interpolation. */
  path: string;
  /** `required: false` lets Compose skip a missing file; the default is true. */
  required: boolean;
  /** `format: raw`: values are taken as written, no quotes or interpolation. */
  raw: boolean;
}

/** One `environment` entry: `KEY: value`, `KEY=value`, or a bare `KEY` (value null: passed through). */
export interface ComposeEnvironmentEntry {
  name: string;
  value: string | null;
}

export interface ComposeService {
  name: string;
  /** The build context as written (`build: ./backend` or `build: {context: ./backend}`), or null. */
  build: string | null;
  image: string | null;
  envFiles: ComposeEnvFileRef[];
  environment: ComposeEnvironmentEntry[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** YAML scalars as Compose reads them into strings (`true`, `8080`); null and objects are no value. */
function scalar(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

function envFiles(v: unknown): ComposeEnvFileRef[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  const out: ComposeEnvFileRef[] = [];
  for (const item of list) {
    if (typeof item === 'string') out.push({ path: item, required: true, raw: false });
    else if (isRecord(item) && typeof item['path'] === 'string')
      out.push({
        path: item['path'],
        required: item['required'] !== false && item['required'] !== 'false',
        raw: item['format'] === 'raw',
      });
  }
  return out;
}

function environment(v: unknown): ComposeEnvironmentEntry[] {
  if (Array.isArray(v))
    return v.flatMap((item): ComposeEnvironmentEntry[] => {
      const text = scalar(item);
      if (text === null || text === '') return [];
      const eq = text.indexOf('=');
      return eq < 0
        ? [{ name: text, value: null }]
        : [{ name: text.slice(0, eq), value: text.slice(eq + 1) }];
    });
  if (isRecord(v)) return Object.entries(v).map(([name, value]) => ({ name, value: scalar(value) }));
  return [];
}

/** The override file Compose reads beside the base file when it exists, in the order it looks for one. */
export const COMPOSE_OVERRIDE_FILE_NAMES = [
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
] as const;

/** `environment`, `env_file` and `build` in one shape whichever form was written, so two files merge by the rules. */
function normalizedService(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  if ('environment' in raw)
    out['environment'] = Object.fromEntries(environment(raw['environment']).map((e) => [e.name, e.value]));
  const files = raw['env_file'];
  if (files !== undefined && files !== null) out['env_file'] = Array.isArray(files) ? files : [files];
  if (typeof raw['build'] === 'string') out['build'] = { context: raw['build'] };
  return out;
}

/**
 * Compose's merge of an override file into the base (compose-spec 13-merge.md; docs.docker.com
 * compose/how-tos/multiple-compose-files/merge/): mappings merge key by key (the override wins:
 * `environment` by variable name), sequences append (`env_file`), scalars are replaced (`image`).
 */
function merge(base: unknown, over: unknown): unknown {
  if (isRecord(base) && isRecord(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(over)) out[key] = key in base ? merge(base[key], value) : value;
    return out;
  }
  if (Array.isArray(base) && Array.isArray(over)) return [...base, ...over];
  return over;
}

/** The base compose document with the override file merged into its services. */
export function mergeComposeOverride(base: unknown, override: unknown): unknown {
  const services = (doc: unknown) => {
    const raw = isRecord(doc) && isRecord(doc['services']) ? doc['services'] : {};
    return Object.fromEntries(
      Object.entries(raw).map(([name, service]) => [
        name,
        isRecord(service) ? normalizedService(service) : service,
      ]),
    );
  };
  if (!isRecord(override)) return base;
  return { ...(isRecord(base) ? base : {}), services: merge(services(base), services(override)) };
}

/** The services of a parsed compose file (an empty list when it has none or is not a mapping). */
export function composeServices(doc: unknown): ComposeService[] {
  const services = isRecord(doc) ? doc['services'] : undefined;
  if (!isRecord(services)) return [];
  return Object.entries(services).flatMap(([name, raw]) => {
    if (!isRecord(raw)) return [];
    const build = raw['build'];
    return [
      {
        name,
        build: typeof build === 'string' ? build : isRecord(build) ? (scalar(build['context']) ?? '.') : null,
        image: scalar(raw['image']),
        envFiles: envFiles(raw['env_file']),
        environment: environment(raw['environment']),
      },
    ];
  });
}

/** The folder a build context names, when it is a local path (not a git or http URL). */
export function buildFolder(composeDir: string, context: string, api: PathApi): string | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(context) || /^git@|\.git(#|$)/.test(context)) return null;
  return api.resolve(composeDir, context);
}
