import { isScenarioId, type ScenarioId } from './scenarios.js';

/**
 * A scenario spec is one scenario id, or a comma-separated sequence where `id*N` repeats a step:
 * `quota_exhausted*2,ok` answers 429, 429, then 200 from then on (the last step repeats), like
 * stripe-stateful-mock's token chains. Used by magic keys, the config file and the header.
 */
export type ScenarioSequence = readonly ScenarioId[];

export const MAX_SEQUENCE_STEPS = 1000;

export function parseScenarioSpec(
  spec: string,
): { ok: true; steps: ScenarioSequence } | { ok: false; error: string } {
  const steps: ScenarioId[] = [];
  for (const raw of spec.split(',')) {
    const part = raw.trim();
    const match = /^([a-z0-9_]+)(?:\*(\d{1,4}))?$/.exec(part);
    if (!match) return { ok: false, error: `bad scenario step "${part}" (expected id or id*N)` };
    const id = match[1]!;
    if (!isScenarioId(id)) return { ok: false, error: `unknown scenario "${id}"` };
    const times = match[2] === undefined ? 1 : Number(match[2]);
    if (times < 1) return { ok: false, error: `repeat count must be at least 1 in "${part}"` };
    if (steps.length + times > MAX_SEQUENCE_STEPS) {
      return { ok: false, error: `a sequence has at most ${MAX_SEQUENCE_STEPS} steps` };
    }
    for (let i = 0; i < times; i++) steps.push(id);
  }
  return steps.length === 0 ? { ok: false, error: 'empty scenario' } : { ok: true, steps };
}

/** Per-name step counters: each call to `next(name, steps)` advances that name's sequence by one. */
export class SequenceCursor {
  readonly #positions = new Map<string, number>();

  next(name: string, steps: ScenarioSequence): ScenarioId {
    const at = this.#positions.get(name) ?? 0;
    this.#positions.set(name, at + 1);
    return steps[Math.min(at, steps.length - 1)]!;
  }

  reset(): void {
    this.#positions.clear();
  }
}
