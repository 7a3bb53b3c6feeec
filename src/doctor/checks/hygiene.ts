import { basename, isAbsolute, relative } from 'node:path';
import type { Finding } from '../../core/finding.js';
import { PROJECT_ENV_FILE_NAMES } from '../../core/resolution/candidate-env-file-paths.js';
import { readProjectHygiene } from '../../io/read-project-hygiene.js';
import { hygieneFindings } from '../hygiene-findings.js';
import type { DoctorCheck } from './check.js';

/** Prevention: a `.env` git would commit, a key written into source (leaked keys get blocked). */
export const hygieneCheck: DoctorCheck = {
  id: 'hygiene',
  dependsOn: ['key.candidates'],
  async run(state): Promise<Finding[]> {
    if (!state.hygiene) return [];
    const envFiles = [...state.snapshot.files.entries()]
      .filter(([path, file]) => file.kind === 'file' && isProjectEnvFile(state.snapshot.cwd, path))
      .map(([path]) => path);
    return hygieneFindings(await readProjectHygiene(state.snapshot.cwd, envFiles), state.candidates);
  },
};

/**
 * A `.env`-family file inside the project folder: what the gitignore advice is about. The snapshot
 * also holds package.json and settings.json, which belong in git (the advice used to say to untrack
 * them), and files of a sibling folder whose name merely starts with the project's.
 */
function isProjectEnvFile(cwd: string, path: string): boolean {
  const inside = relative(cwd, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return false;
  return (PROJECT_ENV_FILE_NAMES as readonly string[]).includes(basename(path));
}
