import type { Evidence } from '../../catalog/types.js';
import type { ParsedEnvFile } from '../dotenv/parse-env-file.js';
import type { Finding } from '../finding.js';
import {
  AUTH_KEY_TYPICAL_LENGTH,
  fingerprintOf,
  keyKindOf,
  maskKey,
  STANDARD_KEY_LENGTH,
} from '../key-material.js';
import type { ClientId } from '../project-snapshot.js';
import { PROJECT_ENV_FILE_NAMES } from '../resolution/candidate-env-file-paths.js';
import { dotenvOverrides } from '../resolution/effective-env.js';
import { isKeyLikeVariable, isKnownKeyVariable, KEY_VARIABLES } from '../resolution/key-variables.js';
import { selfAndAncestors } from '../resolution/path-strings.js';
import { frameworkLoadsEnvLocal } from '../resolution/project-clients.js';
import { envFileAt, fileAt } from '../resolution/snapshot-files.js';
import { causeFinding, plainFinding } from './cause-finding.js';
import type { LintContext } from './lint-context.js';

/** Variables whose loss or override changes which key goes where. */
const RELEVANT = new Set<string>([
  ...KEY_VARIABLES,
  'GOOGLE_GENAI_USE_VERTEXAI',
  'GOOGLE_GENAI_USE_ENTERPRISE',
  'GOOGLE_GEMINI_BASE_URL',
  'GOOGLE_VERTEX_BASE_URL',
  'GOOGLE_CLOUD_PROJECT',
  'GOOGLE_CLOUD_LOCATION',
]);
const LOADERS_OF_DOT_ENV: ClientId[] = ['dotenv', 'node --env-file'];

/** The files loaders actually read, with who reads them and through which parser. */
function loadedFiles(ctx: LintContext): { path: string; clients: ClientId[] }[] {
  const out = [{ path: ctx.dotEnvPath, clients: [...LOADERS_OF_DOT_ENV] }];
  const cli = ctx.gemini.envFile;
  if (cli !== null) {
    if (cli === ctx.dotEnvPath) out[0]?.clients.push('gemini-cli');
    else out.push({ path: cli, clients: ['gemini-cli'] });
  }
  return out;
}

export function envFileFindings(ctx: LintContext): Finding[] {
  return [
    ...directoryFindings(ctx),
    ...encodingFindings(ctx),
    ...shadowFindings(ctx),
    ...notLoadedFindings(ctx),
    ...valueSyntaxFindings(ctx),
  ];
}

function directoryFindings(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const { path, clients } of loadedFiles(ctx)) {
    if (fileAt(ctx.snapshot, path).kind !== 'directory') continue;
    const detail = clients.includes('gemini-cli')
      ? `gemini-cli stops its search at ${ctx.label(path)} and loads nothing from any other .env.`
      : undefined;
    out.push(
      causeFinding(
        'env.dotenv',
        'dotenv_is_directory',
        { file: ctx.label(path) },
        {
          clients,
          status: ctx.statusFor(clients, 'fail'),
          ...(detail ? { detail } : {}),
        },
      ),
    );
  }
  return out;
}

function encodingFindings(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  const targets = loadedFiles(ctx);
  for (const name of PROJECT_ENV_FILE_NAMES) {
    const path = ctx.api.join(ctx.snapshot.cwd, name);
    if (!targets.some((t) => t.path === path)) targets.push({ path, clients: [] });
  }
  for (const { path, clients } of targets) {
    const parsed = envFileAt(ctx.snapshot, path);
    if (parsed === null) continue;
    const file = ctx.label(path);
    if (parsed.encoding === 'utf16le' || parsed.encoding === 'utf16be') {
      out.push(
        causeFinding(
          'env.dotenv',
          'dotenv_encoding',
          { file, encoding: parsed.encoding === 'utf16le' ? 'UTF-16 LE' : 'UTF-16 BE' },
          {
            clients,
            status: ctx.statusFor(clients, 'fail'),
            detail: `${file} is UTF-16 (${parsed.encoding === 'utf16le' ? 'little' : 'big'}-endian): no loader reads any variable from it.`,
          },
        ),
      );
    } else if (parsed.encoding === 'binary') {
      out.push(
        causeFinding(
          'env.dotenv',
          'dotenv_encoding',
          { file, encoding: 'not UTF-8' },
          {
            clients,
            status: 'warn',
            detail: `${file} is not valid UTF-8 text (NUL bytes or invalid sequences).`,
          },
        ),
      );
    } else if (parsed.encoding === 'utf8-bom' && clients.includes('node --env-file')) {
      const first = parsed.assignments[0]?.name;
      const relevant = first !== undefined && RELEVANT.has(first);
      out.push(
        causeFinding(
          'env.dotenv',
          'dotenv_encoding',
          { file, encoding: 'UTF-8 with BOM', ...(first ? { variable: first } : {}) },
          {
            clients: ['node --env-file'],
            status: relevant ? ctx.statusFor(['node --env-file'], 'fail') : 'warn',
            detail: `dotenv and gemini-cli skip the BOM, but \`node --env-file\` and \`process.loadEnvFile()\` read the first variable as "\\uFEFF${first ?? '…'}", so ${first ?? 'the first variable'} is never set.`,
          },
        ),
      );
    }
  }
  return out;
}

/** A set variable (even an empty one) wins over the file for every no-override loader. */
function shadowFindings(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const { path, clients } of loadedFiles(ctx)) {
    const parsed = envFileAt(ctx.snapshot, path);
    if (parsed === null) continue;
    const names = new Set([...parsed.dotenv.keys(), ...parsed.node.keys()]);
    for (const name of names) {
      if (!RELEVANT.has(name)) continue;
      const fileValue = parsed.dotenv.get(name) ?? parsed.node.get(name) ?? '';
      const shellValue = ctx.shell.get(name)?.value;
      const shadowed = clients.filter((c) => c !== 'dotenv' || !dotenvOverrides(ctx.shell));
      if (shadowed.length === 0) continue;
      if (typeof shellValue !== 'string' || fileValue === '' || shellValue === fileValue) continue;
      const isKey = isKnownKeyVariable(name);
      const emptyShell = shellValue.trim() === '';
      const keys = isKey
        ? [fingerprintOf(fileValue), ...(emptyShell ? [] : [fingerprintOf(shellValue)])]
        : [];
      const detail = emptyShell
        ? `${name} is set but EMPTY in the environment (an \`export ${name}=\` in a profile, an IDE or CI setting), and an empty variable still blocks the file's value.`
        : isKey
          ? `The environment's value (${maskKey(shellValue)}) is used instead of the file's (${maskKey(fileValue)}).`
          : `The environment's value is used instead of the file's.`;
      out.push(
        causeFinding(
          'env.shadowed',
          'env_shadowed',
          { variable: name, file: ctx.label(path) },
          {
            clients: shadowed,
            keys,
            status: emptyShell && isKey ? ctx.statusFor(shadowed, 'fail') : 'warn',
            detail,
          },
        ),
      );
    }
  }
  return out;
}

function keyNames(parsed: ParsedEnvFile): string[] {
  return [...parsed.dotenv.entries()]
    .filter(([n, v]) => isKeyLikeVariable(n, v) && v.trim() !== '')
    .map(([n]) => n);
}

/** Reports one `.env` that a loader does not read as the user expects. */
type NotLoadedReport = (
  evidence: Evidence,
  clients: ClientId[],
  detail: string,
  status?: 'warn' | 'fail',
) => void;

/** Env files that a loader misses or reads differently: one finding per file and cause. */
function notLoadedFindings(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  const report: NotLoadedReport = (evidence, clients, detail, status = 'warn') =>
    out.push(
      causeFinding('env.dotenv', 'dotenv_not_loaded', evidence, {
        clients,
        status: ctx.statusFor(clients, status),
        detail,
      }),
    );
  const dotEnv = envFileAt(ctx.snapshot, ctx.dotEnvPath);
  if (dotEnv !== null) divergentLineFindings(dotEnv, report);
  frameworkOnlyFileFindings(ctx, dotEnv, report);
  misnamedFileFindings(ctx, dotEnv, report);
  if (dotEnv === null || keyNames(dotEnv).length === 0) parentFolderFindings(ctx, dotEnv, report);
  geminiCliSkippedFindings(ctx, report);
  for (const { path, clients } of loadedFiles(ctx)) {
    const file = fileAt(ctx.snapshot, path);
    if (file.kind === 'unreadable')
      report({ file: ctx.label(path) }, clients, `${ctx.label(path)} cannot be read (${file.reason}).`);
  }
  return out;
}

/** Key names in `file` that neither ./.env nor the shell provides (so the file's copy is lost). */
function lostNames(ctx: LintContext, dotEnv: ParsedEnvFile | null, file: ParsedEnvFile | null): string[] {
  if (file === null) return [];
  return keyNames(file).filter((name) => !dotEnv?.dotenv.get(name) && !ctx.shell.get(name)?.value);
}

/** Node and dotenv read the same ./.env differently (YAML-style `KEY: value`, unterminated quotes…). */
function divergentLineFindings(dotEnv: ParsedEnvFile, report: NotLoadedReport): void {
  for (const name of dotEnv.divergentNames) {
    if (!RELEVANT.has(name)) continue;
    const line = dotEnv.assignments.find((a) => a.name === name);
    const where = line ? ` (line ${line.line})` : '';
    if (dotEnv.dotenv.has(name) && !dotEnv.node.has(name)) {
      if (dotEnv.encoding === 'utf8-bom' && dotEnv.assignments[0]?.name === name) continue; // reported as dotenv_encoding
      const why = line?.colonSeparator
        ? 'it is written `NAME: value`, which dotenv accepts and Node ignores'
        : line?.quote === 'unmatched'
          ? 'its quote is never closed, and Node drops such a line'
          : 'Node parses the line differently';
      report(
        { file: '.env', variable: name },
        ['node --env-file'],
        `${name}${where} is read by dotenv but not by \`node --env-file\`: ${why}.`,
        'fail',
      );
    } else if (!dotEnv.dotenv.has(name) && dotEnv.node.has(name)) {
      report(
        { file: '.env', variable: name },
        ['dotenv'],
        `${name}${where} is read by \`node --env-file\` but not by dotenv.`,
        'fail',
      );
    }
  }
}

/** .env.local & co: only frameworks load them. */
function frameworkOnlyFileFindings(
  ctx: LintContext,
  dotEnv: ParsedEnvFile | null,
  report: NotLoadedReport,
): void {
  if (frameworkLoadsEnvLocal(ctx.snapshot)) return;
  for (const name of ['.env.local', '.env.development', '.env.development.local']) {
    const lost = lostNames(ctx, dotEnv, envFileAt(ctx.snapshot, ctx.api.join(ctx.snapshot.cwd, name)));
    if (lost.length === 0) continue;
    report(
      { file: name, variable: lost[0] ?? '' },
      [...LOADERS_OF_DOT_ENV],
      `${name} is loaded by frameworks such as Next.js and Vite, not by dotenv or \`node --env-file\`, which read only .env.`,
    );
  }
}

/** Misnamed files: `env`, `.env.txt` (Windows hides the extension Notepad adds). */
function misnamedFileFindings(ctx: LintContext, dotEnv: ParsedEnvFile | null, report: NotLoadedReport): void {
  for (const name of ['env', '.env.txt']) {
    const lost = lostNames(ctx, dotEnv, envFileAt(ctx.snapshot, ctx.api.join(ctx.snapshot.cwd, name)));
    if (lost.length === 0) continue;
    report(
      { file: name, variable: lost[0] ?? '' },
      [...LOADERS_OF_DOT_ENV, 'gemini-cli'],
      `The file is named "${name}": loaders look for exactly ".env".`,
      ctx.anyClientHasKey ? 'warn' : 'fail',
    );
  }
}

/** A .env in a parent folder: gemini-cli walks up, dotenv and Node do not (the nearest one is reported). */
function parentFolderFindings(ctx: LintContext, dotEnv: ParsedEnvFile | null, report: NotLoadedReport): void {
  const { snapshot, api } = ctx;
  for (const dir of selfAndAncestors(snapshot.cwd, api).slice(1)) {
    const path = api.join(dir, '.env');
    const lost = lostNames(ctx, dotEnv, envFileAt(snapshot, path));
    if (lost.length === 0 || api.normalize(dir) === api.normalize(snapshot.home)) continue;
    report(
      { file: ctx.label(path), variable: lost[0] ?? '' },
      [...LOADERS_OF_DOT_ENV],
      `dotenv and \`node --env-file\` read .env from the working folder only (${snapshot.cwd}); ${ctx.label(path)} is in a parent folder.`,
    );
    return;
  }
}

/** gemini-cli: files its search skips (untrusted folder) or never reaches (an earlier file wins). */
function geminiCliSkippedFindings(ctx: LintContext, report: NotLoadedReport): void {
  const cliKey = ctx.resolutions.find((r) => r.client === 'gemini-cli')?.key?.reveal();
  for (const path of ctx.gemini.notLoaded) {
    const parsed = envFileAt(ctx.snapshot, path);
    if (parsed === null) continue;
    const value = parsed.dotenv.get('GEMINI_API_KEY') || parsed.dotenv.get('GOOGLE_API_KEY');
    if (!value || value === cliKey) continue;
    const skippedForTrust = !ctx.gemini.trusted && path.includes(`${ctx.api.sep}.gemini${ctx.api.sep}`);
    const winner = ctx.gemini.envFile === null ? 'no file' : ctx.label(ctx.gemini.envFile);
    report(
      {
        file: ctx.label(path),
        variable: parsed.dotenv.get('GEMINI_API_KEY') ? 'GEMINI_API_KEY' : 'GOOGLE_API_KEY',
        client: 'gemini-cli',
      },
      ['gemini-cli'],
      skippedForTrust
        ? `gemini-cli skips .gemini/.env files in an untrusted folder (${ctx.gemini.trustReason}).`
        : `gemini-cli loads only the first file of its walk-up search, and ${winner} comes first, so ${ctx.label(path)} is never read.`,
    );
  }
}

/** How key lines are written: a `#` that cuts a key, a key defined twice, shell-incompatible syntax. */
function valueSyntaxFindings(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const { path, clients } of loadedFiles(ctx)) {
    const parsed = envFileAt(ctx.snapshot, path);
    if (parsed === null) continue;
    const file = ctx.label(path);
    for (const a of parsed.assignments) {
      if (!a.hashInValue || !isKnownKeyVariable(a.name)) continue;
      const value = parsed.dotenv.get(a.name) ?? '';
      if (looksComplete(value)) continue;
      out.push(
        causeFinding(
          'env.dotenv',
          'key_malformed',
          { file, variable: a.name, line: a.line, maskedKey: maskKey(value) },
          {
            clients,
            keys: value ? [fingerprintOf(value)] : [],
            detail: `In ${file} line ${a.line} the value is not quoted and contains "#": dotenv and Node cut it there (a shell keeps it). Remove the "#" or quote the value.`,
          },
        ),
      );
    }
    for (const name of parsed.duplicateNames) {
      if (!isKnownKeyVariable(name)) continue;
      const lines = parsed.assignments.filter((a) => a.name === name).map((a) => a.line);
      out.push(
        plainFinding(
          'env.dotenv',
          'warn',
          `${name} is defined ${lines.length} times in ${file} (lines ${lines.join(', ')})`,
          'dotenv and Node keep the last definition; a shell `source` does too, but readers of the file often look at the first one.',
          { file, variable: name },
          {
            clients,
            fix: [`Keep one ${name} line in ${file}.`],
          },
        ),
      );
    }
    const spaced = parsed.assignments.filter(
      (a) => RELEVANT.has(a.name) && (a.spacedEquals || a.colonSeparator),
    );
    if (spaced.length > 0 || parsed.crlf) {
      const what = [
        ...(spaced.length > 0
          ? [`\`${spaced[0]?.name}${spaced[0]?.colonSeparator ? ':' : ' ='} …\` (line ${spaced[0]?.line})`]
          : []),
        ...(parsed.crlf ? ['Windows (CRLF) line endings'] : []),
      ].join(' and ');
      out.push(
        plainFinding(
          'env.dotenv',
          'pass',
          `${file} is fine for dotenv, but not for a shell`,
          `${file} has ${what}: dotenv handles it, but \`source ${file}\` or \`export $(cat ${file} | xargs)\` would fail or leave a carriage return in the key.`,
          { file },
          { clients },
        ),
      );
    }
  }
  return out;
}

function looksComplete(value: string): boolean {
  const kind = keyKindOf(value);
  if (kind === 'standard') return value.length === STANDARD_KEY_LENGTH;
  if (kind === 'auth') return value.length >= AUTH_KEY_TYPICAL_LENGTH - 10;
  return false;
}
