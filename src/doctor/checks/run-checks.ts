import type { Finding } from '../../core/finding.js';
import { maskKeysInText } from '../../core/key-material.js';
import type { DoctorCheck, DoctorState } from './check.js';

/**
 * Runs every check as soon as the checks it depends on are done (independent ones concurrently)
 * and returns their findings in the list's order. A check that throws becomes a warning finding;
 * its dependents still run. Never throws.
 */
export async function runChecks(checks: readonly DoctorCheck[], state: DoctorState): Promise<Finding[]> {
  const ids = new Set(checks.map((c) => c.id));
  for (const check of checks) {
    const missing = check.dependsOn.filter((id) => !ids.has(id));
    if (missing.length > 0) throw new Error(`check ${check.id} depends on unknown ${missing.join(', ')}`);
  }
  const running = new Map<string, Promise<Finding[]>>();
  const start = (check: DoctorCheck): Promise<Finding[]> => {
    const existing = running.get(check.id);
    if (existing) return existing;
    const deps = check.dependsOn.map((id) => start(checks.find((c) => c.id === id) as DoctorCheck));
    const run = Promise.all(deps).then(async () => {
      try {
        return await check.run(state);
      } catch (error) {
        return [crashFinding(check.id, error)];
      }
    });
    running.set(check.id, run);
    return run;
  };
  const results = await Promise.all(checks.map(start));
  return results.flat();
}

export function crashFinding(check: string, error: unknown): Finding {
  return {
    check,
    status: 'warn',
    cause: 'unknown',
    title: `The check ${check} could not run`,
    detail:
      error instanceof Error
        ? maskKeysInText(`${error.name}: ${error.message}`).slice(0, 200)
        : 'unexpected error',
    fix: ['Run again with GKD_DEBUG=1 and report the issue if it persists.'],
    evidence: {},
  };
}
