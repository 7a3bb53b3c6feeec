import { type AppKeyUse, appEnvFilePaths, resolveAppKeys } from '../core/project/app-keys.js';
import {
  type ComposeFileRead,
  type ComposeKeyUse,
  composeDotEnvPaths,
  composeEnvFilePaths,
  resolveComposeKeys,
} from '../core/project/compose-keys.js';
import type { ProjectModel } from '../core/project/project-model.js';
import type {
  ClientResolution,
  FileSnapshot,
  KeyCandidate,
  ProjectSnapshot,
} from '../core/project-snapshot.js';
import { isKeyLikeVariable } from '../core/resolution/key-variables.js';
import { pathLabel } from '../core/resolution/path-strings.js';
import { envFileAt, pathApiOf } from '../core/resolution/snapshot-files.js';
import { SecretKey } from '../core/secret-key.js';
import { readComposeFiles } from '../io/read-compose.js';
import { readFileSnapshot } from '../io/read-project.js';
import { readProjectModel } from '../io/read-project-sources.js';

/** The project as its code runs: the model read from the source, and the key each call sends. */
export interface ProjectView {
  model: ProjectModel;
  uses: AppKeyUse[];
  /** What each Docker Compose service running one of the apps gets for the key its code reads. */
  compose: ComposeKeyUse[];
  /** Compose files that could not be read (bad YAML, too big): display path and why. */
  composeErrors: { file: string; error: string }[];
  /**
   * gemini-cli's resolution, when the project configures gemini-cli (`.gemini/`, a workflow that
   * runs it); filled once the SDK resolution is known.
   */
  cliUse: ClientResolution | null;
  /** The snapshot with every file the apps' loaders read. */
  snapshot: ProjectSnapshot;
}

/**
 * Reads the project's source and the files its frameworks load, and resolves the app's keys.
 * Null when the code holds no Gemini call the doctor can follow and no gemini-cli set-up: then
 * the SDKs' default lookups are all the doctor has.
 */
export async function readProjectView(snapshot: ProjectSnapshot): Promise<ProjectView | null> {
  const model = await readProjectModel(snapshot.cwd);
  const api = pathApiOf(snapshot);
  const wanted = appEnvFilePaths(model, snapshot.cwd, snapshot.home, api).filter(
    (p) => !snapshot.files.has(p),
  );
  const [extra, composeFiles] = await Promise.all([
    Promise.all(wanted.map(async (p) => [p, await readFileSnapshot(p)] as const)),
    readComposeFiles(model),
  ]);
  const files = new Map<string, FileSnapshot>([...snapshot.files, ...extra]);
  // The .env beside each compose file first: env_file paths may name `${VAR}` from it.
  for (const p of composeDotEnvPaths(composeFiles, api))
    if (!files.has(p)) files.set(p, await readFileSnapshot(p));
  const full: ProjectSnapshot = { ...snapshot, files };
  for (const p of composeEnvFilePaths(composeFiles, full))
    if (!files.has(p)) files.set(p, await readFileSnapshot(p));
  const uses = resolveAppKeys(model, full);
  if (uses.length === 0 && !model.packages.some((p) => p.geminiCli)) return null;
  return {
    model,
    uses,
    compose: resolveComposeKeys(model, composeFiles, uses, full),
    composeErrors: composeErrorsOf(composeFiles, model.root, snapshot, api),
    cliUse: null,
    snapshot: full,
  };
}

function composeErrorsOf(
  files: readonly ComposeFileRead[],
  root: string,
  snapshot: ProjectSnapshot,
  api: ReturnType<typeof pathApiOf>,
): { file: string; error: string }[] {
  return files
    .flatMap((f) => [f, ...(f.override ? [f.override] : [])])
    .flatMap((f) =>
      f.error === null ? [] : [{ file: pathLabel(f.path, root, snapshot.home, api), error: f.error }],
    );
}

/** Fingerprints of the keys the app really sends. */
export function appKeyFingerprints(view: ProjectView): Set<string> {
  const out = new Set<string>();
  for (const use of view.uses) if (use.key) out.add(use.key.fingerprint);
  // A key a Compose service passes to the app is a key the app sends when run that way.
  for (const use of view.compose) if (use.key && use.appLinked) out.add(use.key.fingerprint);
  if (view.cliUse?.key) out.add(view.cliUse.key.fingerprint);
  return out;
}

/**
 * Adds what the project adds to the keys to lint and probe: every key the app sends (with where it
 * came from), and every key-like value in the files the apps' loaders read (a key stored under a
 * name the code does not read is still a key to check, and to warn about).
 */
export function addProjectCandidates(view: ProjectView, candidates: KeyCandidate[]): void {
  const add = (value: string, source: string) => {
    if (value === '') return;
    const key = new SecretKey(value);
    const same = candidates.find((c) => c.key.equals(key));
    if (same) {
      if (!same.sources.includes(source)) same.sources.push(source);
    } else candidates.push({ key, sources: [source], usedBy: [] });
  };
  for (const use of view.uses) if (use.key && use.source) add(use.key.reveal(), use.source);
  for (const use of view.compose) if (use.key && use.source) add(use.key.reveal(), use.source);
  const api = pathApiOf(view.snapshot);
  for (const path of new Set(view.uses.flatMap((u) => u.loadFileAbs))) {
    const parsed = envFileAt(view.snapshot, path);
    if (parsed === null) continue;
    const label = pathLabel(path, view.model.root, view.snapshot.home, api);
    for (const [name, value] of parsed.dotenv)
      if (isKeyLikeVariable(name, value) || /^(AIza|AQ\.)/.test(value.trim()))
        add(value, `file:${label}:${name}`);
  }
}
