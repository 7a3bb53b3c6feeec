import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { magicKeyFor, workingMagicKey } from '../../src/emulator/magic-keys.js';
import type { ScenarioId } from '../../src/emulator/scenarios.js';

/** An everyday setup: environment, files (relative to the project, `~/` for home), expected verdict. */
export interface DoctorSetup {
  name: string;
  env: Record<string, string>;
  files?: Record<string, string>;
  /** Run in this sub-folder of the project. */
  subdir?: string;
  /** What the verdict must say: its status and, as alternatives where two readings are right, its cause. */
  verdict: { status: 'ok' | 'warn' | 'fail' | 'unverified'; cause: (string | null)[] };
  /** Causes that must be folded under the verdict's cause (symptoms, not second failures). */
  folded?: string[];
}

const magic = (id: ScenarioId): string => {
  const key = magicKeyFor(id);
  if (key === undefined) throw new Error(`no magic key for ${id}`);
  return key;
};
const pkg = (deps: Record<string, string>): string => JSON.stringify({ dependencies: deps });

/** The setups of issue 8, each through the emulator. */
export const DOCTOR_SETUPS: DoctorSetup[] = [
  {
    name: 'a working auth key',
    env: { GEMINI_API_KEY: workingMagicKey('auth') },
    verdict: { status: 'ok', cause: [null] },
  },
  {
    name: 'monorepo: the key in ../../.env, run from packages/app',
    env: {},
    files: {
      '.env': `GEMINI_API_KEY=${workingMagicKey('auth')}\n`,
      'packages/app/package.json': pkg({ '@google/genai': '^1.0.0', dotenv: '^16.0.0' }),
    },
    subdir: 'packages/app',
    verdict: { status: 'fail', cause: ['dotenv_not_loaded'] },
    folded: ['key_missing'],
  },
  {
    name: 'a stale GOOGLE_API_KEY beside a working GEMINI_API_KEY',
    env: { GOOGLE_API_KEY: magic('key_invalid'), GEMINI_API_KEY: workingMagicKey('auth') },
    verdict: { status: 'fail', cause: ['env_conflict', 'env_shadowed'] },
    folded: ['key_invalid'],
  },
  {
    name: 'the wrong variable for @ai-sdk/google',
    env: { GEMINI_API_KEY: workingMagicKey('auth') },
    files: { 'package.json': pkg({ '@ai-sdk/google': '^2.0.0', ai: '^5.0.0' }) },
    verdict: { status: 'fail', cause: ['env_wrong_name'] },
  },
  {
    name: 'Next.js: GEMINI_API_KEY in .env.local with @ai-sdk/google',
    env: {},
    files: {
      'package.json': pkg({ next: '^15.0.0', '@ai-sdk/google': '^2.0.0' }),
      '.env.local': `GEMINI_API_KEY=${workingMagicKey('auth')}\n`,
    },
    verdict: { status: 'fail', cause: ['env_wrong_name'] },
  },
  {
    name: 'a key Google blocked as leaked',
    env: { GEMINI_API_KEY: magic('key_leaked') },
    verdict: { status: 'fail', cause: ['key_leaked'] },
  },
  {
    name: 'a request that hangs',
    env: { GEMINI_API_KEY: magic('hang') },
    verdict: { status: 'unverified', cause: ['network_timeout'] },
  },
  {
    name: 'the API disabled in the key’s project',
    env: { GEMINI_API_KEY: magic('service_disabled') },
    verdict: { status: 'fail', cause: ['service_disabled'] },
  },
  {
    name: 'no key anywhere',
    env: {},
    verdict: { status: 'fail', cause: ['key_missing'] },
  },
  {
    name: 'a key whose quota is used up',
    env: { GEMINI_API_KEY: magic('quota_exhausted') },
    verdict: { status: 'warn', cause: ['quota_exhausted'] },
  },
  {
    name: 'a trailing newline in the key',
    env: { GEMINI_API_KEY: `${workingMagicKey('auth')}\n` },
    verdict: { status: 'warn', cause: ['key_whitespace'] },
  },
  {
    name: 'an empty shell variable hides the key in .env',
    env: { GEMINI_API_KEY: '' },
    files: { '.env': `GEMINI_API_KEY=${workingMagicKey('auth')}\n` },
    verdict: { status: 'fail', cause: ['env_shadowed'] },
    folded: ['key_missing'],
  },
  {
    name: 'curly quotes around the key',
    env: { GEMINI_API_KEY: `“${workingMagicKey('auth')}”` },
    verdict: { status: 'fail', cause: ['key_quoted'] },
    folded: ['key_invisible_chars'],
  },
  {
    name: 'a working standard key',
    env: { GEMINI_API_KEY: workingMagicKey('standard') },
    verdict: { status: 'warn', cause: ['key_standard_retired'] },
  },
];

/** Lays a setup out in a fresh folder with its own home; returns where to run and how to clean up. */
export async function layOut(
  setup: DoctorSetup,
): Promise<{ cwd: string; home: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'gkd-setup-'));
  const project = join(root, 'project');
  const home = join(root, 'home');
  await mkdir(project, { recursive: true });
  await mkdir(home, { recursive: true });
  for (const [path, content] of Object.entries(setup.files ?? {})) {
    const full = path.startsWith('~/') ? join(home, path.slice(2)) : join(project, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
  }
  const cwd = setup.subdir ? join(project, setup.subdir) : project;
  await mkdir(cwd, { recursive: true });
  return { cwd, home, cleanup: () => rm(root, { recursive: true, force: true }) };
}
