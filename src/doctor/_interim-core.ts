import { join } from 'node:path';
import { parse } from 'dotenv';
import type { Finding } from '../core/finding.js';
import type { ClientId, ClientResolution, KeyCandidate, ProjectSnapshot } from '../core/project-snapshot.js';
import { SecretKey } from '../core/secret-key.js';
import { GOOGLE_BASE_URL } from './gemini-endpoints.js';

/**
 * A stand-in for the pure core (src/core/resolution, src/core/lint) until it lands: the env
 * variables each client reads and `./.env` through dotenv, nothing more. Replaced by the real core.
 */
export function interimCandidateEnvFilePaths(cwd: string, _home: string): string[] {
  return [join(cwd, '.env')];
}

const READS: Record<ClientId, string[]> = {
  '@google/genai': ['GOOGLE_API_KEY', 'GEMINI_API_KEY'],
  'google-genai': ['GOOGLE_API_KEY', 'GEMINI_API_KEY'],
  'gemini-cli': ['GEMINI_API_KEY'],
  '@ai-sdk/google': ['GOOGLE_GENERATIVE_AI_API_KEY'],
  '@langchain/google-genai': ['GOOGLE_API_KEY'],
  'node --env-file': ['GOOGLE_API_KEY', 'GEMINI_API_KEY'],
  dotenv: ['GOOGLE_API_KEY', 'GEMINI_API_KEY'],
};

export function interimResolveClients(snapshot: ProjectSnapshot): ClientResolution[] {
  const file = snapshot.files.get(join(snapshot.cwd, '.env'));
  const fromFile = file?.kind === 'file' ? parse(Buffer.from(file.bytes)) : {};
  const baseUrl = snapshot.env['GOOGLE_GEMINI_BASE_URL'] || GOOGLE_BASE_URL;
  return (Object.keys(READS) as ClientId[]).map((client) => {
    for (const name of READS[client]) {
      const envValue = snapshot.env[name]?.trim();
      if (envValue) return resolution(client, new SecretKey(envValue), `env:${name}`, baseUrl);
      const fileValue = snapshot.env[name] === undefined ? fromFile[name]?.trim() : undefined;
      if (fileValue) return resolution(client, new SecretKey(fileValue), `file:.env:${name}`, baseUrl);
    }
    return resolution(client, null, null, baseUrl);
  });
}

function resolution(
  client: ClientId,
  key: SecretKey | null,
  source: string | null,
  baseUrl: string,
): ClientResolution {
  return { client, key, source, baseUrl, backend: 'gemini-api', endpointStyle: 'native', notes: [] };
}

export function interimCollectKeyCandidates(
  _snapshot: ProjectSnapshot,
  resolutions: readonly ClientResolution[],
): KeyCandidate[] {
  const out: KeyCandidate[] = [];
  for (const r of resolutions) {
    if (!r.key || !r.source) continue;
    const existing = out.find((c) => c.key.equals(r.key!));
    if (existing) {
      if (!existing.sources.includes(r.source)) existing.sources.push(r.source);
      existing.usedBy.push(r.client);
    } else out.push({ key: r.key, sources: [r.source], usedBy: [r.client] });
  }
  return out;
}

export function interimLintKey(_candidate: KeyCandidate): Finding[] {
  return [];
}

export function interimLintEnvironment(): Finding[] {
  return [];
}
