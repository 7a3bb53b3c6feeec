import type { ClientId, ProjectSnapshot } from '../project-snapshot.js';
import { PROJECT_MANIFEST_NAMES } from './candidate-env-file-paths.js';
import { selfAndAncestors } from './path-strings.js';
import { jsonFileAt, jsonPath, pathApiOf, textFileAt } from './snapshot-files.js';

const NPM_CLIENTS: Record<string, ClientId> = {
  '@google/genai': '@google/genai',
  '@ai-sdk/google': '@ai-sdk/google',
  '@langchain/google-genai': '@langchain/google-genai',
  '@google/gemini-cli': 'gemini-cli',
  dotenv: 'dotenv',
};

/**
 * The clients the project's manifests (package.json, requirements.txt, pyproject.toml in cwd and
 * its parents) depend on, or null when there is no manifest at all (then we cannot tell).
 */
export function clientsInProject(snapshot: ProjectSnapshot): Set<ClientId> | null {
  const api = pathApiOf(snapshot);
  const found = new Set<ClientId>();
  let sawManifest = false;
  for (const dir of selfAndAncestors(snapshot.cwd, api)) {
    const [pkgName, reqName, pyName] = PROJECT_MANIFEST_NAMES;
    const pkg = jsonFileAt(snapshot, api.join(dir, pkgName));
    if (pkg !== null) {
      sawManifest = true;
      for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
        const deps = jsonPath(pkg, field);
        if (typeof deps !== 'object' || deps === null) continue;
        for (const name of Object.keys(deps)) {
          const client = NPM_CLIENTS[name];
          if (client !== undefined) found.add(client);
        }
      }
      const scripts = jsonPath(pkg, 'scripts');
      if (typeof scripts === 'object' && scripts !== null) {
        if (
          Object.values(scripts).some((s) => typeof s === 'string' && /--env-file(-if-exists)?[= ]/.test(s))
        ) {
          found.add('node --env-file');
        }
      }
    }
    for (const name of [reqName, pyName]) {
      const text = textFileAt(snapshot, api.join(dir, name));
      if (text === null) continue;
      sawManifest = true;
      if (/(^|[\s"'[,])google-genai\b/m.test(text)) found.add('google-genai');
    }
  }
  return sawManifest ? found : null;
}

/** Frameworks that load `.env.local` and `.env.[mode]` themselves (Next.js, Vite and the ones built on it, CRA, Expo…). */
const FRAMEWORKS_LOADING_ENV_LOCAL = [
  'next',
  'vite',
  'nuxt',
  'astro',
  '@sveltejs/kit',
  '@remix-run/dev',
  'react-scripts',
  'expo',
  '@angular/cli',
  'gatsby',
  '@nestjs/config',
];

export function frameworkLoadsEnvLocal(snapshot: ProjectSnapshot): boolean {
  const api = pathApiOf(snapshot);
  for (const dir of selfAndAncestors(snapshot.cwd, api)) {
    const pkg = jsonFileAt(snapshot, api.join(dir, 'package.json'));
    for (const field of ['dependencies', 'devDependencies']) {
      const deps = jsonPath(pkg, field);
      if (
        typeof deps === 'object' &&
        deps !== null &&
        FRAMEWORKS_LOADING_ENV_LOCAL.some((name) => Object.hasOwn(deps, name))
      )
        return true;
    }
  }
  return false;
}
