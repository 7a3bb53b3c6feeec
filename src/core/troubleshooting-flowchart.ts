import { getCause } from '../catalog/catalog.js';
import type { CauseId } from '../catalog/cause-id.js';
import type { CauseCategory } from '../catalog/types.js';

/**
 * The troubleshooting flowchart every Gemini key guide walks (format → blocked? → API enabled? →
 * a direct REST call → region), as an SVG string with the step a cause belongs to marked. Pure:
 * the HTML report and the explain page embed the same picture.
 */
export const FLOWCHART_STEPS = [
  { id: 'format', question: 'Is the whole key in the variable your client reads?' },
  { id: 'blocked', question: 'Is the key blocked, leaked, expired or retired?' },
  { id: 'api', question: 'Is the API enabled and allowed for this key and project?' },
  { id: 'rest', question: 'Does a direct REST call work? (your code, endpoint, network)' },
  { id: 'region', question: 'Is the API available where the request comes from?' },
] as const;

export type FlowchartStepId = (typeof FLOWCHART_STEPS)[number]['id'];

/** Where a category's causes sit, unless the cause is listed in STEP_OF_CAUSE. */
const STEP_OF_CATEGORY: Record<CauseCategory, FlowchartStepId | null> = {
  key: 'format',
  environment: 'format',
  server: 'api',
  network: 'rest',
  fallback: null,
};

/** Causes whose step is not their category's. */
const STEP_OF_CAUSE: Partial<Record<CauseId, FlowchartStepId>> = {
  key_invalid: 'format',
  key_standard_retired: 'blocked',
  key_leaked: 'blocked',
  key_expired: 'blocked',
  standard_key_rejected: 'blocked',
  standard_key_unrestricted: 'blocked',
  auth_key_rejected: 'blocked',
  consumer_suspended: 'blocked',
  consumer_invalid: 'blocked',
  base_url_override: 'rest',
  proxy_ignored_by_node: 'rest',
  vertex_mode_enabled: 'rest',
  vertex_requires_oauth: 'rest',
  auth_key_unsupported_endpoint: 'rest',
  auth_key_service_account: 'rest',
  multiple_credentials: 'rest',
  key_sent_as_bearer: 'rest',
  model_not_found: 'rest',
  bad_request: 'rest',
  server_error: 'rest',
  location_unsupported: 'region',
  free_tier_unavailable_region: 'region',
};

/** The step a cause belongs to; null for `unknown` (nothing to mark). */
export function flowchartStepOf(cause: CauseId): FlowchartStepId | null {
  return STEP_OF_CAUSE[cause] ?? STEP_OF_CATEGORY[getCause(cause).category];
}

const WIDTH = 560;
const BOX_HEIGHT = 44;
const GAP = 22;
const LEFT = 8;
const BOX_WIDTH = WIDTH - 2 * LEFT;

/**
 * The flowchart as a standalone `<svg>` (no external references, no script). The marked step has
 * `class="step marked"`, `aria-current="step"` and a "this error" label; colours come from
 * `currentColor` and classes, so the embedding page's light or dark style applies.
 */
export function troubleshootingFlowchartSvg(cause: CauseId | null): string {
  const marked = cause === null ? null : flowchartStepOf(cause);
  const height = FLOWCHART_STEPS.length * (BOX_HEIGHT + GAP) - GAP + 2 * LEFT;
  const parts: string[] = [];
  FLOWCHART_STEPS.forEach((step, index) => {
    const y = LEFT + index * (BOX_HEIGHT + GAP);
    const isMarked = step.id === marked;
    const label = `${index + 1}. ${step.question}`;
    parts.push(
      `<g class="step${isMarked ? ' marked' : ''}" data-step="${step.id}"${isMarked ? ' aria-current="step"' : ''}>`,
      `<rect x="${LEFT}" y="${y}" width="${BOX_WIDTH}" height="${BOX_HEIGHT}" rx="8" fill="${isMarked ? '#fde68a' : 'none'}" stroke="currentColor" stroke-width="${isMarked ? 3 : 1}"/>`,
      `<text x="${LEFT + 14}" y="${y + BOX_HEIGHT / 2 + 5}" font-size="14" fill="${isMarked ? '#1f2937' : 'currentColor'}"${isMarked ? ' font-weight="bold"' : ''}>${escapeXml(label)}${isMarked ? ' ← this error' : ''}</text>`,
      '</g>',
    );
    if (index < FLOWCHART_STEPS.length - 1) {
      const x = WIDTH / 2;
      const y1 = y + BOX_HEIGHT;
      parts.push(
        `<path d="M${x} ${y1 + 2}V${y1 + GAP - 4}M${x - 5} ${y1 + GAP - 9}L${x} ${y1 + GAP - 3}L${x + 5} ${y1 + GAP - 9}" fill="none" stroke="currentColor" stroke-width="1.5"/>`,
      );
    }
  });
  const description =
    marked === null
      ? 'No step is highlighted: the error was not recognised.'
      : `Step ${FLOWCHART_STEPS.findIndex((s) => s.id === marked) + 1} is highlighted: this error is decided there.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="flowchart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="flowchart-title flowchart-desc" font-family="system-ui, sans-serif">`,
    '<title id="flowchart-title">Troubleshooting flowchart for a rejected Gemini API key</title>',
    `<desc id="flowchart-desc">${escapeXml(description)}</desc>`,
    ...parts,
    '</svg>',
  ].join('');
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
