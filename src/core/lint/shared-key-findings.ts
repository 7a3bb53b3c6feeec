import type { Finding } from '../finding.js';
import { plainFinding } from './cause-finding.js';
import { parseSource } from './key-source.js';
import type { LintContext } from './lint-context.js';

const PRODUCTION_FILE = /(^|\/)\.env\.production(\.local)?$/;
const DEVELOPMENT_FILE = /(^|\/)\.env(\.local|\.development(\.local)?|\.test)?$/;

/** The same key (by fingerprint) in development and production env files. Git questions are the edge's (io/read-project-hygiene). */
export function sharedKeyFindings(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const candidate of ctx.candidates) {
    const files = candidate.sources
      .map((s) => parseSource(s).file)
      .filter((f): f is string => f !== undefined);
    const prod = files.find((f) => PRODUCTION_FILE.test(f));
    const dev = files.find((f) => DEVELOPMENT_FILE.test(f) && !PRODUCTION_FILE.test(f));
    if (prod === undefined || dev === undefined) continue;
    out.push(
      plainFinding(
        'hygiene.shared_key',
        'warn',
        `The same key (${candidate.key.masked}) is in ${dev} and ${prod}`,
        'Development and production share one key: a leak from a laptop, a log or a test run takes production down with it (Google blocks leaked keys), and you cannot rotate one without the other.',
        { file: prod, maskedKey: candidate.key.masked },
        {
          keys: [candidate.key.fingerprint],
          fix: [
            'Create a separate key for production on the Google AI Studio API keys page (https://aistudio.google.com/apikey).',
            `Keep the production key in your deployment's secret settings rather than in ${prod}.`,
          ],
        },
      ),
    );
  }
  return out;
}
