import { type ComposeLookup, interpolate } from './compose-interpolate.js';
import type { ComposeService } from './compose-services.js';

/**
 * The environment Docker Compose gives a service's container, from the Compose documentation
 * (docs.docker.com/compose/how-tos/environment-variables/set-environment-variables/ and
 * envvars-precedence/, variable-interpolation/ — docker/docs
 * content/manuals/compose/how-tos/environment-variables/*.md — and the Compose Specification,
 * compose-spec/compose-spec 05-services.md `env_file`, `environment`, 12-interpolation.md):
 *  - a container gets only what `environment` and `env_file` give it ("A container's environment
 *    is not set until there's an explicit entry in the service configuration"); the `.env` beside
 *    the compose file only feeds `${}` interpolation;
 *  - `env_file` files are read top down, a later file overriding an earlier one; paths are
 *    relative to the compose file; a missing file stops Compose unless `required: false`;
 *  - `environment` overrides `env_file`, "even if those values are empty or undefined"; a bare
 *    `KEY` takes the value Compose resolves (the shell, then the `.env` file: envvars-precedence
 *    results 10 and 11) and, when unresolved, the variable is removed from the container;
 *  - unquoted and double-quoted values of env files and compose values are interpolated.
 * Not modelled: `docker compose run -e`, `--env-file` on the command line, the image's own `ENV`
 * (the doctor does not build images), compose.override.yaml and `include`.
 */

export interface ContainerVar {
  value: string;
  /** `env:NAME` (the shell), `file:<abs path>:NAME` (an env file or the `.env` beside compose), `compose:<abs path>:NAME` (a literal). */
  source: string;
  /** Which attribute set it. */
  via: 'environment' | 'env_file';
}

export interface ContainerEnv {
  vars: Map<string, ContainerVar>;
  /** Why Compose would refuse to start the service (a missing required env_file, `${VAR:?err}`). */
  errors: string[];
  /** `${VAR}` names that were unset, so Compose put an empty string (it only warns). */
  unset: Set<string>;
  /** Names an env_file set and an `environment` entry then replaced (or removed). */
  overridden: Set<string>;
}

/** What the doctor needs to know of one env_file: its text (null when missing or unreadable) and absolute path. */
export type EnvFileText = (path: string) => { abs: string; text: string | null };

/**
 * The `KEY=VALUE` lines of an env file in Compose's format (05-services.md "Env_file format"):
 * `#` comments, `=` or `:` as the delimiter, single quotes literal, double quotes with escapes,
 * ` #` starting a comment after an unquoted value, and a bare `KEY` (value null: Compose looks it up).
 */
export function composeEnvFileLines(
  text: string,
): { name: string; value: string | null; literal: boolean }[] {
  const out: { name: string; value: string | null; literal: boolean }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([^\s#=:][^\s=:]*)\s*(?:([=:])\s*(.*?))?\s*$/.exec(line);
    if (!m || line.trim().startsWith('#')) continue;
    if (m[2] === undefined) {
      out.push({ name: m[1]!, value: null, literal: false });
      continue;
    }
    const raw = m[3] ?? '';
    const single = /^'((?:[^'\\]|\\.)*)'/.exec(raw);
    const double = /^"((?:[^"\\]|\\.)*)"/.exec(raw);
    if (single) out.push({ name: m[1]!, value: single[1]!.replace(/\\'/g, "'"), literal: true });
    else if (double)
      out.push({
        name: m[1]!,
        value: double[1]!.replace(/\\(["\\nrt])/g, (_, c: string) =>
          c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c,
        ),
        literal: false,
      });
    else out.push({ name: m[1]!, value: raw.replace(/\s+#.*$/, ''), literal: false });
  }
  return out;
}

/**
 * What Compose fills `${}` from: the shell, then the `.env` beside the compose file (whose own
 * unquoted and double-quoted values are interpolated in turn: variable-interpolation.md's
 * `COMPOSE_DEBUG=${DEV_MODE:-false}` example). `--env-file` on the command line is not modelled.
 */
export function interpolationLookup(
  shell: Readonly<Record<string, string | undefined>>,
  dotEnvText: string | null,
  dotEnvPath: string,
): { lookup: ComposeLookup; dotEnv: ReadonlyMap<string, string> } {
  const dotEnv = new Map<string, string>();
  const lookup: ComposeLookup = (name) => {
    const fromShell = shell[name];
    if (typeof fromShell === 'string') return { value: fromShell, source: `env:${name}` };
    const fromFile = dotEnv.get(name);
    return fromFile === undefined ? undefined : { value: fromFile, source: `file:${dotEnvPath}:${name}` };
  };
  for (const line of composeEnvFileLines(dotEnvText ?? '')) {
    if (line.value === null) continue;
    dotEnv.set(line.name, line.literal ? line.value : interpolate(line.value, lookup).value);
  }
  return { lookup, dotEnv };
}

/** The container environment of one service: its env_file files, then its environment entries. */
export function containerEnv(
  service: ComposeService,
  composeFile: string,
  lookup: ComposeLookup,
  envFile: EnvFileText,
): ContainerEnv {
  const vars = new Map<string, ContainerVar>();
  const errors: string[] = [];
  const unset = new Set<string>();
  const expand = (text: string) => {
    const result = interpolate(text, lookup);
    for (const name of result.unset) unset.add(name);
    if (result.error) errors.push(result.error);
    return result;
  };
  for (const ref of service.envFiles) {
    const { abs, text } = envFile(expand(ref.path).value);
    if (text === null) {
      if (ref.required) errors.push(`env file ${ref.path} not found`);
      continue;
    }
    for (const line of composeEnvFileLines(text)) {
      if (line.value === null) {
        const hit = lookup(line.name);
        if (hit) vars.set(line.name, { value: hit.value, source: hit.source, via: 'env_file' });
        continue;
      }
      const literal = ref.raw || line.literal;
      const value = literal ? line.value : expand(line.value).value;
      vars.set(line.name, { value, source: `file:${abs}:${line.name}`, via: 'env_file' });
    }
  }
  const overridden = new Set<string>();
  for (const entry of service.environment) {
    if (vars.get(entry.name)?.via === 'env_file') overridden.add(entry.name);
    if (entry.value === null) {
      const hit = lookup(entry.name);
      if (hit) vars.set(entry.name, { value: hit.value, source: hit.source, via: 'environment' });
      else vars.delete(entry.name); // unresolved: removed, even when an env_file set it
      continue;
    }
    const result = expand(entry.value);
    const whole = /^\$\{?[_A-Za-z][_A-Za-z0-9]*(?:[:-][^}]*)?\}?$/.test(entry.value.trim());
    vars.set(entry.name, {
      value: result.value,
      source: whole && result.source ? result.source : `compose:${composeFile}:${entry.name}`,
      via: 'environment',
    });
  }
  return { vars, errors, unset, overridden };
}
