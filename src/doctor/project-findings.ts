import type { Finding } from '../core/finding.js';
import type { AppKeyUse } from '../core/project/app-keys.js';
import { frameworkOf } from '../core/project/framework-env.js';
import { isProbeableModel, retiredModel } from '../core/project/model-lifecycle.js';
import type { KeyCandidate } from '../core/project-snapshot.js';
import type { SecretKey } from '../core/secret-key.js';
import type { ProbeContext } from './probe-candidate.js';
import { callProbe } from './probe-key.js';
import { appKeyFingerprints, type ProjectView } from './project-view.js';
import type { ReportProject } from './report.js';

type Live = 'live' | 'rejected' | 'unknown' | undefined;

const where = (file: string, line: number) => `${file}:${line}`;

/** "@google/genai 2.32.0 (installed)", "@langchain/google-genai ≥ 2.3.0 rules (no version found: the newest)". */
export function rulesLabel(use: AppKeyUse): string {
  if (use.version === null)
    return `${use.client}${use.rule.range === 'all' ? '' : ` ${use.rule.range} rules (no version found: the newest rules)`}`;
  const from =
    use.version.from === 'range' ? 'lowest version of the range in the manifest' : use.version.from;
  return `${use.client} ${use.version.version} (${from}${use.rule.range === 'all' ? '' : `; ${use.rule.range} rules`})`;
}

/** One finding per Gemini call site: which variable the code reads, which file loads it, what is sent. */
export function appUseFindings(
  view: ProjectView,
  candidates: readonly KeyCandidate[],
  probed: ReadonlyMap<string, Live>,
): Finding[] {
  return [...cliFindings(view, probed), ...view.uses.map((use) => useFinding(view, use, candidates, probed))];
}

/** gemini-cli configured in the project: its own resolution is the app's key. */
function cliFindings(view: ProjectView, probed: ReadonlyMap<string, Live>): Finding[] {
  const cli = view.cliUse;
  if (cli === null) return [];
  if (cli.key === null)
    return [
      {
        check: 'project.key-read',
        status: 'fail',
        cause: 'key_missing',
        title: 'This repository runs gemini-cli, and gemini-cli finds no key',
        detail: `${cli.notes.join('; ')}. In API-key mode gemini-cli reads GEMINI_API_KEY only (GOOGLE_API_KEY is ignored).`,
        fix: [
          'Set GEMINI_API_KEY (for GitHub Actions: a repository secret passed as GEMINI_API_KEY), or put it in .gemini/.env or .env.',
        ],
        evidence: {},
        clients: ['gemini-cli'],
      },
    ];
  const verdict = probed.get(cli.key.fingerprint);
  return [
    {
      check: 'project.key-read',
      status: verdict === 'rejected' ? 'fail' : 'pass',
      cause: null,
      title: `This repository runs gemini-cli: it sends ${cli.key.masked} from ${cli.source}${verdict === 'live' ? ', and the key works' : verdict === 'rejected' ? ', and Google rejects it' : ''}`,
      detail: `${cli.notes.join('; ')}.`,
      fix: [],
      evidence: {},
      keys: [cli.key.fingerprint],
      clients: ['gemini-cli'],
    },
  ];
}

function useFinding(
  view: ProjectView,
  use: AppKeyUse,
  candidates: readonly KeyCandidate[],
  probed: ReadonlyMap<string, Live>,
): Finding {
  {
    const more =
      use.alsoAt.length > 0
        ? ` (also ${use.alsoAt.slice(0, 3).join(', ')}${use.alsoAt.length > 3 ? ', …' : ''})`
        : '';
    const readAt = use.read ? ` at ${where(use.read.file, use.read.line)}${more}` : '';
    const subject = use.read
      ? `Your code reads ${use.read.variable}${readAt} for ${use.client}`
      : `${use.client} (${where(use.call.file, use.call.line)}) reads its key from ${use.rule.defaultVariables.join(' or ')}`;
    const detail = [
      use.loading.endsWith('.') ? use.loading : `${use.loading}.`,
      `Rules applied: ${rulesLabel(use)} — ${use.rule.cite}.`,
      ...use.notes.map((n) => (n.endsWith('.') ? n : `${n}.`)),
    ].join(' ');
    if (use.key === null) {
      const elsewhere = storedElsewhere(use, candidates);
      return {
        check: 'project.key-read',
        status: 'fail',
        cause: use.hiddenFromCode || elsewhere.length > 0 ? 'env_wrong_name' : 'key_missing',
        title: use.hiddenFromCode
          ? `${subject}, but ${use.framework?.label} hides it from that code`
          : `${subject}, and nothing the app loads sets it`,
        detail: `${detail} Without it, ${use.client} ${use.rule.whenMissing}.`,
        fix: missingKeyFixes(view, use, elsewhere),
        evidence: {},
        clients: [use.client],
      } satisfies Finding;
    }
    const verdict = probed.get(use.key.fingerprint);
    const sentFrom = `it gets ${use.key.masked} from ${use.source}`;
    return {
      check: 'project.key-read',
      status: verdict === 'rejected' ? 'fail' : use.onlyWith ? 'warn' : 'pass',
      cause: null,
      title:
        verdict === 'rejected'
          ? `${subject}: ${sentFrom}, and Google rejects that key (see the probe)`
          : use.onlyWith
            ? `${subject}: it gets ${use.key.masked} from ${use.source} only if you start the app with \`${use.onlyWith}\``
            : `${subject}: ${sentFrom}${verdict === 'live' ? ', and the key works' : ''}`,
      detail,
      fix:
        verdict === 'rejected'
          ? [
              `Put a working key in ${use.variable} where ${use.source?.replace(/^(file|env|secrets):/, '')} sets it — that is the value this code sends.`,
            ]
          : use.onlyWith
            ? [
                `Start it with \`${use.onlyWith}\` (Node 20.6+), or load the file in code: \`import 'dotenv/config'\` as the first import.`,
              ]
            : [],
      evidence: {},
      keys: [use.key.fingerprint],
      clients: [use.client],
    } satisfies Finding;
  }
}

/** Other places a key-like value sits, under a name this code does not read (`GOOGLE_API_KEY` in `.env`). */
function storedElsewhere(use: AppKeyUse, candidates: readonly KeyCandidate[]): string[] {
  const wanted = use.read?.variable ?? null;
  const out: string[] = [];
  for (const c of candidates) {
    for (const source of c.sources) {
      const name = source.slice(source.lastIndexOf(':') + 1);
      if (name !== wanted && !out.includes(source)) out.push(source);
    }
  }
  return out;
}

/** Fixes that name the variable the code reads and the file its loader loads, in the project's language. */
function missingKeyFixes(view: ProjectView, use: AppKeyUse, elsewhere: string[]): string[] {
  const variable = use.read?.variable ?? use.rule.defaultVariables[0] ?? 'GEMINI_API_KEY';
  const pkgPrefix = use.package === '' ? '' : `${use.package}/`;
  const fixes: string[] = [];
  const target = targetFile(use, pkgPrefix);
  const line = use.read ? `${use.read.file} line ${use.read.line}` : `${use.call.file} line ${use.call.line}`;
  if (use.hiddenFromCode && use.framework) {
    const prefix = use.framework.publicPrefixes[0] ?? '';
    fixes.push(
      `${use.framework.label} passes only ${use.framework.publicPrefixes.join('/')} variables to this code. Do not rename the variable unless you also change ${line}. Better: call Gemini from a server route, where the key stays secret; a ${prefix} variable ships the key to every visitor.`,
    );
  }
  for (const source of elsewhere.slice(0, 3)) {
    const [kind, ...rest] = source.split(':');
    const name = rest.pop();
    const file = rest.join(':');
    const place = kind === 'env' ? 'your environment' : file;
    fixes.push(
      `A key is stored as ${name} in ${place}, but this code reads ${variable} (${line}): rename it to ${variable} in ${kind === 'env' ? target : place}${kind === 'file' && !use.loadFiles.includes(file) ? ` — ${place} is not a file this app loads; use ${target}` : ''}, or change ${line} to read ${name}.`,
    );
  }
  if (view.model.workspaceRootAbove !== null && use.language === 'js' && use.framework)
    fixes.push(
      `${use.framework.label} loads env files from this app's own folder only, never from the monorepo root (${view.model.workspaceRootAbove}).`,
    );
  if (use.language === 'python') {
    fixes.push(
      target.endsWith('secrets.toml')
        ? `Add ${variable} = "your-key" to ${target} (Streamlit exports root-level secrets as environment variables).`
        : `Add ${variable}=your-key to ${target}${use.loadFiles.length > 0 ? '' : ', and call load_dotenv() (python-dotenv) before the client is created'} — or set it in the shell.`,
    );
  } else {
    fixes.push(`Add ${variable}=your-key to ${target} — or set it in the environment that runs the app.`);
  }
  return fixes;
}

/** The file to put the key in: the framework's `.env.local` (Next.js, CRA, Expo, Vite), the loader's file, or `.env`. */
function targetFile(use: AppKeyUse, pkgPrefix: string): string {
  if (use.framework?.framework === 'streamlit') return `${pkgPrefix}.streamlit/secrets.toml`;
  if (use.framework?.files.includes('.env.local')) return `${pkgPrefix}.env.local`;
  if (use.loadFiles.length > 0) return use.loadFiles[use.loadFiles.length - 1]!;
  return `${pkgPrefix}.env`;
}

/** A key in a variable a framework inlines into browser code: the key ships to every visitor. */
export function browserKeyFindings(view: ProjectView): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const use of view.uses) {
    if (use.browserPrefix === null || use.read === null || seen.has(use.read.variable)) continue;
    seen.add(use.read.variable);
    const label = use.framework?.label ?? 'The bundler';
    out.push({
      check: 'project.browser-key',
      status: 'warn',
      cause: null,
      title: `${use.read.variable} ships to every visitor: ${label} inlines ${use.browserPrefix} variables into the code it sends to browsers`,
      detail: `Read at ${where(use.read.file, use.read.line)}. Anyone can copy the key from the page (or the app bundle) and spend your quota.`,
      fix: [
        `Call Gemini from a server route and keep the key in a server-only variable (no ${use.browserPrefix} prefix); change ${use.read.file} line ${use.read.line} to call that route.`,
        'Until then, restrict the key in Google Cloud Console → Credentials: application restriction (HTTP referrers: your site) and API restriction (Generative Language API).',
        'If the app is already public, treat the key as leaked: create a new one and delete this one.',
      ],
      evidence: {},
      ...(use.key ? { keys: [use.key.fingerprint] } : {}),
    });
  }
  return out;
}

export interface ModelCheck {
  id: string;
  file: string;
  line: number;
  status: 'retired' | 'not_found' | 'ok' | 'unchecked';
}

/**
 * The model ids the app's code names: a retired one fails (its requests answer 404 whatever the
 * key); others are asked of the API with the app's key (countTokens-free `models.get`), unless
 * offline. Started alongside the key probes.
 */
export async function modelChecks(
  view: ProjectView,
  context: ProbeContext,
  offline: boolean,
): Promise<{ findings: Finding[]; models: ModelCheck[] }> {
  const appPackages = new Set(view.uses.map((u) => u.package));
  const refs = new Map<string, { file: string; line: number }>();
  for (const pkg of view.model.packages) {
    if (!appPackages.has(pkg.rel)) continue;
    for (const facts of pkg.sources)
      for (const m of facts.models) if (!refs.has(m.id)) refs.set(m.id, { file: m.file, line: m.line });
  }
  const key: SecretKey | null = view.uses.find((u) => u.key)?.key ?? null;
  const checks = await Promise.all(
    [...refs].map(async ([id, at]): Promise<{ check: ModelCheck; finding: Finding | null }> => {
      const retired = retiredModel(id);
      if (retired) {
        return {
          check: { id, ...at, status: 'retired' },
          finding: {
            check: 'project.model',
            status: 'fail',
            cause: 'model_not_found',
            title: `Your code calls ${id} (${where(at.file, at.line)}), which Google has retired`,
            detail: `${retired.why}: every request naming it answers 404 NOT_FOUND, whatever the key.`,
            fix: [
              `Change ${at.file} line ${at.line} to ${retired.replacements.join(' or ')}.`,
              'List the models your key can use: gemini-key-doctor ask --list-models, or GET https://generativelanguage.googleapis.com/v1beta/models',
            ],
            evidence: {},
          },
        };
      }
      if (offline || key === null || !isProbeableModel(id) || id === context.model)
        return { check: { id, ...at, status: 'unchecked' }, finding: null };
      const answer = await callProbe(key, 'model', {
        baseUrl: context.baseUrl,
        model: id,
        ...(context.timeoutMs !== undefined ? { timeoutMs: context.timeoutMs } : {}),
        ...(context.fetch ? { fetch: context.fetch } : {}),
        ...(context.signal ? { signal: context.signal } : {}),
      });
      if (answer.cause === 'model_not_found')
        return {
          check: { id, ...at, status: 'not_found' },
          finding: {
            check: 'project.model',
            status: 'fail',
            cause: 'model_not_found',
            title: `Your code calls ${id} (${where(at.file, at.line)}), and Google does not know that model`,
            detail:
              'The API answered 404 NOT_FOUND for it: the name is misspelled, or the model was retired.',
            fix: [
              `Change ${at.file} line ${at.line} to a current model, such as gemini-3.8-flash or gemini-2.5-flash.`,
            ],
            evidence: answer.evidence ?? {},
          },
        };
      return { check: { id, ...at, status: answer.cause === null ? 'ok' : 'unchecked' }, finding: null };
    }),
  );
  return {
    findings: checks.flatMap((c) => (c.finding ? [c.finding] : [])),
    models: checks.map((c) => c.check),
  };
}

/**
 * The exit code follows the keys the app really sends: a failing finding about a key nothing in
 * the project sends, or about the SDKs' default lookups the code overrides, becomes a warning
 * (revoke it, unset it).
 */
export function rebaseOnApp(findings: Finding[], view: ProjectView): Finding[] {
  const sent = appKeyFingerprints(view);
  const reads = view.uses
    .filter((u) => u.read)
    .map((u) => `${u.read!.variable} at ${where(u.read!.file, u.read!.line)}`);
  const readsText =
    reads.length > 0 ? `your code reads ${[...new Set(reads)].slice(0, 3).join(', ')}` : 'the app';
  const out: Finding[] = [];
  for (const f of findings) {
    // The SDKs' default lookups ("no key found", "a variable your client does not read", ".env not
    // loaded") are superseded by the code's own reads: project.key-read says what this app gets.
    if (f.check.startsWith('env.') && SUPERSEDED.has(f.cause ?? '') && view.uses.length > 0) continue;
    if (f.check === 'key.present' && view.uses.length > 0) continue;
    if (f.status !== 'fail' || f.check.startsWith('project.') || f.check.startsWith('hygiene')) {
      out.push(f);
      continue;
    }
    const keys = f.keys ?? [];
    const aboutSentKey = keys.some((fp) => sent.has(fp));
    if (aboutSentKey && !f.check.startsWith('env.')) {
      out.push(f);
      continue;
    }
    if (keys.length === 0 && !(f.check.startsWith('env.') || f.check.startsWith('key.'))) {
      out.push(f);
      continue;
    }
    out.push({
      ...f,
      status: 'warn',
      detail:
        keys.length > 0 && !aboutSentKey
          ? `${f.detail} Nothing in this project sends this key (${readsText}): if it may have leaked, revoke it; either way, unset it.`
          : `${f.detail} This concerns the SDKs' own lookups, which this project's code overrides (${readsText}).`,
    });
  }
  return out;
}

const SUPERSEDED = new Set(['key_missing', 'env_wrong_name', 'dotenv_not_loaded']);

/** The report's `project` section. */
export function projectReport(
  view: ProjectView,
  probed: ReadonlyMap<string, Live>,
  models: readonly ModelCheck[],
): ReportProject {
  const m = view.model;
  return {
    root: m.root,
    workspace: m.workspace,
    workspaceRootAbove: m.workspaceRootAbove,
    scan: m.scan,
    packages: m.packages.map((p) => ({
      path: p.rel,
      name: p.name,
      frameworks: [frameworkOf(new Set([...p.npm, ...p.python]))?.label].filter((x): x is string => !!x),
      versions: Object.fromEntries([...p.versions].map(([name, v]) => [name, `${v.version} (${v.from})`])),
    })),
    uses: view.uses.map((u) => {
      const live = u.key ? probed.get(u.key.fingerprint) : undefined;
      return {
        package: u.package,
        client: u.client,
        call: where(u.call.file, u.call.line),
        read: u.read,
        variable: u.variable,
        key: u.key ? { masked: u.key.masked, fingerprint: u.key.fingerprint } : null,
        source: u.source,
        rules: rulesLabel(u),
        loading: u.loading,
        files: u.loadFiles,
        browserPrefix: u.browserPrefix,
        verdict:
          u.key === null
            ? 'missing'
            : live === 'live'
              ? 'works'
              : live === 'rejected'
                ? 'rejected'
                : 'unchecked',
      };
    }),
    models: [...models],
    ...(view.compose.length > 0
      ? {
          compose: view.compose.map((c) => {
            const live = c.key ? probed.get(c.key.fingerprint) : undefined;
            return {
              file: c.file,
              service: c.service,
              package: c.package,
              variable: c.variable,
              key: c.key ? { masked: c.key.masked, fingerprint: c.key.fingerprint } : null,
              source: c.source,
              via: c.via,
              errors: c.errors,
              verdict: liveVerdict(c.key !== null, live),
            };
          }),
        }
      : {}),
  };
}

function liveVerdict(hasKey: boolean, live: Live): 'works' | 'rejected' | 'missing' | 'unchecked' {
  if (!hasKey) return 'missing';
  return live === 'live' ? 'works' : live === 'rejected' ? 'rejected' : 'unchecked';
}
