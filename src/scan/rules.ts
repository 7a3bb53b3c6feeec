import type { CauseId } from '../catalog/cause-id.js';
import type { ScanRuleId, ScanSeverity } from './types.js';

/** What each scan rule means, for SARIF `rules[]`, the text legend and docs. */
export interface ScanRule {
  id: ScanRuleId;
  name: string;
  shortDescription: string;
  fullDescription: string;
  severity: ScanSeverity;
  /** The catalog cause whose fixes apply, where one does. */
  cause: CauseId | null;
}

export const SCAN_RULES: Record<ScanRuleId, ScanRule> = {
  'gemini-standard-key': {
    id: 'gemini-standard-key',
    name: 'GeminiStandardApiKey',
    shortDescription: 'Gemini / Google API key (AIza…) in the code',
    fullDescription:
      'A standard Google API key (AIza + 35 characters). Anyone who reads it can call the Gemini API on your project and bill it; Google blocks keys it finds leaked ("Your API key was reported as leaked").',
    severity: 'error',
    cause: 'key_leaked',
  },
  'gemini-auth-key': {
    id: 'gemini-auth-key',
    name: 'GeminiAuthKey',
    shortDescription: 'Gemini auth key (AQ.…) in the code',
    fullDescription:
      'A Gemini API auth key (AQ. + a long tail), the kind Google AI Studio issues since 2026. It is a credential bound to a service account: treat it like a password.',
    severity: 'error',
    cause: 'key_leaked',
  },
  'firebase-config-key': {
    id: 'firebase-config-key',
    name: 'FirebaseConfigApiKey',
    shortDescription: 'API key in a Firebase config (public by design, Gemini-capable if unrestricted)',
    fullDescription:
      'An API key in a Firebase web config or google-services.json. Firebase keys are meant to ship in apps, but when the key has no API restriction and the Generative Language API is enabled on the project, the same key calls Gemini. Restrict it to the Firebase APIs, then accept it with --baseline.',
    severity: 'warning',
    cause: 'standard_key_unrestricted',
  },
  'test-key': {
    id: 'test-key',
    name: 'DocumentedTestKey',
    shortDescription: 'Documented fake key (FAKE marker or emulator magic key)',
    fullDescription:
      'A key-shaped value that is fake by convention (AIzaFAKE…, AQ.FAKE…). Reported for completeness; it never fails a scan.',
    severity: 'note',
    cause: null,
  },
  'dotenv-tracked': {
    id: 'dotenv-tracked',
    name: 'DotenvTracked',
    shortDescription: 'A .env file is tracked (or staged) in git',
    fullDescription:
      'A dotenv file holds secrets and should not be committed. Remove it from the index (git rm --cached .env), add it to .gitignore, and commit a .env.example instead.',
    severity: 'warning',
    cause: 'key_leaked',
  },
  'dotenv-committed': {
    id: 'dotenv-committed',
    name: 'DotenvCommitted',
    shortDescription: 'A .env file was committed in the past',
    fullDescription:
      'A dotenv file is in the git history even though it is no longer tracked: whatever it held is in every clone. Rotate the keys it held; run scan --history to see which.',
    severity: 'warning',
    cause: 'key_leaked',
  },
  'dotenv-not-ignored': {
    id: 'dotenv-not-ignored',
    name: 'DotenvNotIgnored',
    shortDescription: '.env exists and git does not ignore it',
    fullDescription:
      'A .env file that git does not ignore is one `git add .` away from being committed. Add .env to .gitignore.',
    severity: 'warning',
    cause: null,
  },
  'docker-context-key': {
    id: 'docker-context-key',
    name: 'KeyInDockerBuildContext',
    shortDescription: 'Key in a git-ignored file that a Docker build would copy',
    fullDescription:
      'git ignores this file, but a Dockerfile builds from its folder and no .dockerignore excludes it, so `COPY . .` puts the key into the image. Add it to .dockerignore.',
    severity: 'error',
    cause: 'key_leaked',
  },
};
