import { getCause } from '../catalog/catalog.js';
import type { CauseId } from '../catalog/cause-id.js';
import type { CauseCategory } from '../catalog/types.js';

/**
 * The troubleshooting flowchart every Gemini key guide walks (format → blocked? → API enabled? →
 * a direct REST call → region) and the step each cause belongs to. Pure. The picture is drawn by
 * key-path-flowchart.ts, which adds the steps guides leave out; the HTML report and the explain
 * page embed that same SVG.
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
