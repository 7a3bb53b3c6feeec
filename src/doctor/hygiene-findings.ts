import type { Finding } from '../core/finding.js';
import type { KeyCandidate } from '../core/project-snapshot.js';
import type { ProjectHygieneFacts } from '../io/read-project-hygiene.js';

/**
 * Prevention advice that matters for keys (leaked keys get blocked by Google): a `.env` that git
 * would commit, a key written into source. Silent when all is well or git is not in use.
 */
export function hygieneFindings(facts: ProjectHygieneFacts, candidates: readonly KeyCandidate[]): Finding[] {
  const findings: Finding[] = [];
  for (const file of facts.envFiles) {
    if (file.tracked) {
      findings.push({
        check: 'hygiene.gitignore',
        status: 'warn',
        cause: null,
        title: `${file.file} is committed to git`,
        detail:
          'Anyone with the repository has the key; a pushed key is found by scanners within minutes and Google blocks it as leaked.',
        fix: [
          `git rm --cached ${file.file} && echo ${file.file} >> .gitignore`,
          'Rotate the key if this repository was ever pushed: gemini-key-doctor scan --history',
        ],
        evidence: { file: file.file },
      });
    } else if (file.ignored === false) {
      findings.push({
        check: 'hygiene.gitignore',
        status: 'warn',
        cause: null,
        title: `${file.file} is not ignored by git`,
        detail: 'The next `git add .` would commit the key.',
        fix: [`echo ${file.file} >> .gitignore`],
        evidence: { file: file.file },
      });
    }
  }
  for (const hit of facts.hardcoded) {
    const candidate = candidates.find((c) => c.key.fingerprint === hit.fingerprint);
    findings.push({
      check: 'hygiene.hardcoded',
      status: 'warn',
      cause: null,
      title: `A key is hardcoded in ${hit.file}:${hit.line} (${hit.masked})`,
      detail: candidate
        ? `It is the same key as ${candidate.sources.join(', ')}.`
        : 'It differs from the keys in your environment: the code may send it instead of the one you set.',
      fix: [
        `Read the key from the environment instead (process.env.GEMINI_API_KEY / os.environ["GEMINI_API_KEY"])`,
        'If the file was ever committed, rotate the key: gemini-key-doctor scan --history',
      ],
      evidence: { file: hit.file, maskedKey: hit.masked },
      keys: [hit.fingerprint],
    });
  }
  return findings;
}
