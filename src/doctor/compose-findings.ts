import type { Finding } from '../core/finding.js';
import type { ComposeKeyUse } from '../core/project/compose-keys.js';
import type { ProjectView } from './project-view.js';

type Live = 'live' | 'rejected' | 'unknown' | undefined;

const CITE =
  'docs.docker.com/compose/how-tos/environment-variables/set-environment-variables/, envvars-precedence/, variable-interpolation/; compose-spec 05-services.md (env_file, environment)';

/**
 * The Docker Compose view, one finding per service and key variable: what the container gets for
 * the variable the app's code reads. The doctor cannot know whether the app is started with
 * Compose or locally, so a service that gets no key fails the run only when the local view has no
 * key either (then the app has no key whichever way it starts); otherwise it is a warning of its
 * own. A key Compose passes is probed like any key the app sends: a rejected one fails. A service
 * that runs none of the apps and passes no variable the code reads never fails the run.
 */
export function composeFindings(view: ProjectView, probed: ReadonlyMap<string, Live>): Finding[] {
  const localWorks = view.uses.some((u) => u.key !== null);
  return [
    ...view.composeErrors.map(
      ({ file, error }): Finding => ({
        check: 'project.compose',
        status: 'warn',
        cause: null,
        title: `${file} could not be read: ${error}`,
        detail: `The doctor cannot say what the services in ${file} pass to their containers. \`docker compose config\` shows the same error.`,
        fix: [`Fix the YAML in ${file} (${error}).`],
        evidence: {},
      }),
    ),
    ...view.compose.map((use) =>
      use.key === null ? missingFinding(view, use, localWorks) : keyFinding(use, probed),
    ),
  ];
}

function subject(use: ComposeKeyUse): string {
  return `Under Docker Compose (${use.file}), service \`${use.service}\``;
}

function readText(use: ComposeKeyUse): string {
  return use.read
    ? `The app it builds (${use.package || 'the project root'}) reads ${use.variable} at ${use.read.file}:${use.read.line}.`
    : use.package !== null
      ? `The app it builds (${use.package || 'the project root'}) reads its key from ${use.variable}.`
      : `It runs ${use.image ? `the image ${use.image}` : 'an image'}, not a folder of this project; its Compose entries name ${use.variable}.`;
}

function keyFinding(use: ComposeKeyUse, probed: ReadonlyMap<string, Live>): Finding {
  const verdict = probed.get(use.key!.fingerprint);
  return {
    check: 'project.compose',
    status: verdict === 'rejected' ? (use.appLinked ? 'fail' : 'warn') : 'pass',
    cause: null,
    title: `${subject(use)} gets ${use.variable} = ${use.key!.masked} from ${use.source} (${use.via})${verdict === 'live' ? ', and the key works' : verdict === 'rejected' ? ', and Google rejects that key' : ''}`,
    detail: `${readText(use)} A container gets only what its service's environment and env_file entries give it; environment overrides env_file, and \${…} is filled from the shell, then the .env beside the compose file — ${CITE}.`,
    fix:
      verdict === 'rejected'
        ? [
            `Put a working key where ${use.source?.replace(/^(file|env|compose):/, '')} sets it: that is the value service \`${use.service}\` passes to the app.`,
          ]
        : [],
    evidence: {},
    keys: [use.key!.fingerprint],
  };
}

/** The local run's file holding the variable (`backend/.env`), to point env_file at it. */
function localFileWithKey(view: ProjectView, use: ComposeKeyUse): string | null {
  // Labels are relative to the project root: they name the path from the compose file only when it sits there.
  if (use.file.includes('/')) return null;
  for (const u of view.uses) {
    if (u.package !== use.package || u.source === null || !u.source.startsWith('file:')) continue;
    return u.source.slice(5, u.source.lastIndexOf(':'));
  }
  return null;
}

/** Why the container gets no key, and what to change in the compose file, from the documented rules. */
function missingReasons(use: ComposeKeyUse, local: string | null): { why: string[]; fix: string[] } {
  const svc = `services.${use.service}`;
  const why: string[] = [];
  const fix: string[] = [];
  if (use.errors.length > 0) {
    why.push(`Compose refuses to start it: ${use.errors.join('; ')}.`);
    fix.push(
      `Create the missing file (with ${use.variable}=your-key in it, if that is where the key goes), or mark the entry optional under ${svc}.env_file: \`- path: …\` with \`required: false\` (Compose 2.24+).`,
    );
  }
  if (use.unsetFrom !== null && use.envFileOverridden) {
    why.push(
      `Its env_file sets ${use.variable}, but its environment entry (\${${use.unsetFrom}}, unset in the shell and in ${use.dotEnv.file}) replaces it with an empty value: environment wins over env_file even when empty.`,
    );
    fix.push(
      `Remove ${use.variable} from ${svc}.environment in ${use.file}: the env_file entry then sets it. Or put ${use.unsetFrom}=your-key in ${use.dotEnv.file}.`,
    );
  } else if (use.unsetFrom !== null) {
    why.push(
      `Its environment sets ${use.variable} from \${${use.unsetFrom}}, which is set neither in the shell that runs \`docker compose\` nor in ${use.dotEnv.file}, so Compose puts an empty string there.`,
    );
    fix.push(
      `Put ${use.unsetFrom}=your-key in ${use.dotEnv.file} (Compose reads that file to fill \${…}; \`docker compose --env-file FILE\` reads FILE instead), or start it with \`${use.unsetFrom}=… docker compose up\`.`,
    );
  } else if (use.noEntry) {
    why.push(
      `The service has no environment or env_file entry for ${use.variable}: a container gets only what those give it. ${use.dotEnv.file}${use.dotEnv.has ? ` holds ${use.variable}, but it` : ''} only fills \${…} in the compose file; it is not passed to containers.`,
    );
    fix.push(
      `Under ${svc} in ${use.file}, add \`env_file: ${local && !use.dotEnv.has ? local : '.env'}\` (paths are relative to the compose file), or \`environment: [${use.variable}]\` (passes the value from the shell or ${use.dotEnv.file}).`,
    );
  } else if (use.errors.length === 0) {
    why.push(
      `Neither its env_file files nor its environment entries set ${use.variable} to a value (a bare \`${use.variable}\` with nothing in the shell or ${use.dotEnv.file} is removed from the container).`,
    );
    fix.push(
      `Add ${use.variable}=your-key to the env_file ${svc} names, or \`${use.variable}: \${${use.variable}}\` under ${svc}.environment with the key in ${use.dotEnv.file}.`,
    );
  }
  if (local !== null && use.unsetFrom !== null && !use.envFileOverridden)
    fix.push(
      `Your local run gets it from ${local}, which Compose does not read for \${…}: or add \`env_file: ${local}\` under ${svc} (an environment entry still overrides it, so drop ${use.variable} from environment then).`,
    );
  return { why, fix };
}

function missingFinding(view: ProjectView, use: ComposeKeyUse, localWorks: boolean): Finding {
  const { why, fix } = missingReasons(use, localFileWithKey(view, use));
  // Only with no entry: an entry, even an empty one, is already set when the app's loader runs, and loaders do not override.
  const loads = view.uses.find(
    (u) => use.noEntry && use.package !== null && u.package === use.package && u.loadFiles.length > 0,
  );
  if (loads)
    why.push(
      `(If the image holds ${loads.loadFiles.join(', ')} — \`COPY . .\` with no .dockerignore entry for it — the app loads it inside the container: that bakes the key into the image, where anyone who has the image can read it.)`,
    );
  return {
    check: 'project.compose',
    status: localWorks || !use.appLinked ? 'warn' : 'fail',
    // No cause: the catalog's key_missing steps (export it in your shell profile) do not fit a container.
    cause: null,
    title:
      use.errors.length > 0
        ? `${subject(use)} does not start: ${use.errors[0]}`
        : `${subject(use)} gets no ${use.variable}`,
    detail: [
      readText(use),
      ...why,
      localWorks
        ? 'The app finds a key when started locally; this is what its container gets if you start it with `docker compose up` (the doctor cannot tell which way you run it).'
        : '',
      `Rules: ${CITE}.`,
    ]
      .filter((s) => s !== '')
      .join(' '),
    fix,
    evidence: {},
  };
}
