import { getCause } from '../catalog/catalog.js';
import type { CauseId } from '../catalog/cause-id.js';
import { flowchartStepOf } from './troubleshooting-flowchart.js';

/**
 * The path a key takes from the user's setup to an answer: the guide's chart (format → blocked? →
 * API enabled? → direct REST call → region) with the steps guides leave out (which variable each
 * client reads, whether the .env file is loaded, the key's kind). Pure: the doctor's HTML report
 * draws the user's path through it; an explain page can mark a cause alone.
 */
export const KEY_PATH_STEPS = [
  { id: 'variable', question: 'Is the key in a variable your client reads?', checkedBy: ['env.', 'key.'] },
  { id: 'dotenv', question: 'Is the .env file that holds it loaded?', checkedBy: ['env.'] },
  { id: 'format', question: 'Is the key whole: an AQ. or AIza key, clean?', checkedBy: ['key.'] },
  { id: 'blocked', question: 'Is it free of blocks: leaked, expired, retired?', checkedBy: ['probe.models'] },
  { id: 'api', question: 'Is the API enabled and allowed for this key?', checkedBy: ['probe.models'] },
  {
    id: 'rest',
    question: 'Does a direct request get an answer?',
    checkedBy: ['probe.models', 'probe.model'],
  },
  { id: 'region', question: 'Is Gemini offered where you call from?', checkedBy: ['probe.generate'] },
] as const;

export type KeyPathStepId = (typeof KEY_PATH_STEPS)[number]['id'];

/** passed: checked and fine; stopped: the user's path ends here; unreached: after the stop; unchecked: no check ran. */
export type KeyPathState = 'passed' | 'stopped' | 'unreached' | 'unchecked';

/** Causes of the two steps the guide's chart lacks. */
const DOTENV_CAUSES: ReadonlySet<CauseId> = new Set([
  'dotenv_not_loaded',
  'dotenv_is_directory',
  'dotenv_encoding',
  'env_shadowed',
]);
const VARIABLE_CAUSES: ReadonlySet<CauseId> = new Set(['env_conflict', 'env_wrong_name', 'key_missing']);

/** The step a cause stops the path at: .env and variable causes first, then the guide's chart. */
export function keyPathStepOf(cause: CauseId): KeyPathStepId | null {
  if (DOTENV_CAUSES.has(cause)) return 'dotenv';
  if (VARIABLE_CAUSES.has(cause)) return 'variable';
  if (getCause(cause).category === 'key' && flowchartStepOf(cause) === 'format') return 'format';
  return flowchartStepOf(cause);
}

/**
 * Each step's state for a diagnosis: the root cause (null when all is well) and the ids of the
 * checks that ran (a check id such as `probe.models` or `env.dotenv`; skipped checks excluded).
 */
export function keyPathStates(
  cause: CauseId | null,
  checksRan: readonly string[],
): Record<KeyPathStepId, KeyPathState> {
  const stop = cause === null ? null : keyPathStepOf(cause);
  const states = {} as Record<KeyPathStepId, KeyPathState>;
  let stopped = false;
  for (const step of KEY_PATH_STEPS) {
    const checked = step.checkedBy.some((prefix) => checksRan.some((id) => id.startsWith(prefix)));
    if (step.id === stop) {
      states[step.id] = 'stopped';
      stopped = true;
    } else if (stopped) states[step.id] = 'unreached';
    else states[step.id] = checked ? 'passed' : 'unchecked';
  }
  return states;
}

// Wide enough for the longest question and its state tag side by side.
const WIDTH = 470;
const BOX_HEIGHT = 40;
const GAP = 18;
const LEFT = 6;

const TAG: Record<KeyPathState, string> = {
  passed: '✓',
  stopped: '✗ stops',
  unreached: '',
  unchecked: 'not checked',
};

/**
 * The path as a standalone `<svg>` (no external reference, no script). Each step is a
 * `<g class="step STATE" data-step="ID">`; the stop has `aria-current="step"`. Colours come from
 * `currentColor` and the classes, so the embedding page's light or dark style applies.
 */
export function keyPathFlowchartSvg(cause: CauseId | null, checksRan: readonly string[]): string {
  const states = keyPathStates(cause, checksRan);
  const height = KEY_PATH_STEPS.length * (BOX_HEIGHT + GAP) - GAP + 2 * LEFT;
  const parts: string[] = [];
  KEY_PATH_STEPS.forEach((step, index) => {
    const state = states[step.id];
    const y = LEFT + index * (BOX_HEIGHT + GAP);
    const dash = state === 'unchecked' || state === 'unreached' ? ' stroke-dasharray="4 3"' : '';
    parts.push(
      `<g class="step ${state}" data-step="${step.id}"${state === 'stopped' ? ' aria-current="step"' : ''}>`,
      `<rect x="${LEFT}" y="${y}" width="${WIDTH - 2 * LEFT}" height="${BOX_HEIGHT}" rx="8" fill="none" stroke="currentColor" stroke-width="${state === 'stopped' ? 3 : 1.2}"${dash}/>`,
      `<text x="${LEFT + 12}" y="${y + BOX_HEIGHT / 2 + 5}" font-size="13.5" fill="currentColor">${escapeXml(`${index + 1}. ${step.question}`)}</text>`,
      TAG[state]
        ? `<text class="tag" x="${WIDTH - LEFT - 10}" y="${y + BOX_HEIGHT / 2 + 4}" font-size="11.5" text-anchor="end" fill="currentColor"${state === 'stopped' ? ' font-weight="bold"' : ''}>${escapeXml(TAG[state])}</text>`
        : '',
      '</g>',
    );
    if (index < KEY_PATH_STEPS.length - 1) {
      const x = WIDTH / 2;
      const y1 = y + BOX_HEIGHT;
      const walked = state === 'passed' ? ' walked' : '';
      parts.push(
        `<path class="arrow${walked}" d="M${x} ${y1 + 2}V${y1 + GAP - 3}M${x - 4} ${y1 + GAP - 7}L${x} ${y1 + GAP - 2}L${x + 4} ${y1 + GAP - 7}" fill="none" stroke="currentColor" stroke-width="1.5"/>`,
      );
    }
  });
  const stop = KEY_PATH_STEPS.findIndex((s) => states[s.id] === 'stopped');
  const description =
    stop < 0
      ? 'The key passes every step that was checked.'
      : `Your path stops at step ${stop + 1}: ${KEY_PATH_STEPS[stop]!.question}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="flowchart key-path" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="key-path-title key-path-desc" font-family="system-ui, sans-serif">`,
    '<title id="key-path-title">Where your key’s path stops</title>',
    `<desc id="key-path-desc">${escapeXml(description)}</desc>`,
    ...parts,
    '</svg>',
  ].join('');
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
