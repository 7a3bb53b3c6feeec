/**
 * Every cause the product can name. Ids are public contract (DESIGN.md): extend, never rename.
 * The list is a runtime array so that tests, the README table and the emulator can iterate it,
 * and `CauseId` is derived from it so that the compiler checks every `switch`/record is exhaustive.
 */
export const CAUSE_IDS = [
  // key material (offline)
  'key_missing',
  'key_placeholder',
  'key_whitespace',
  'key_invisible_chars',
  'key_quoted',
  'key_malformed',
  'key_wrong_credential',
  'key_standard_retired',
  // environment (offline)
  'env_conflict',
  'env_wrong_name',
  'env_shadowed',
  'dotenv_is_directory',
  'dotenv_encoding',
  'dotenv_not_loaded',
  'vertex_mode_enabled',
  'base_url_override',
  'proxy_ignored_by_node',
  // server answers
  'key_invalid',
  'key_expired',
  'key_leaked',
  'standard_key_rejected',
  'standard_key_unrestricted',
  'auth_key_rejected',
  'auth_key_unsupported_endpoint',
  'auth_key_service_account',
  'multiple_credentials',
  'key_sent_as_bearer',
  'service_disabled',
  'api_blocked_by_key_restriction',
  'referrer_blocked',
  'ip_blocked',
  'app_blocked',
  'consumer_suspended',
  'consumer_invalid',
  'billing',
  'location_unsupported',
  'free_tier_unavailable_region',
  'quota_exhausted',
  'free_tier_limit_zero',
  'vertex_requires_oauth',
  'model_not_found',
  'permission_denied_other',
  'bad_request',
  'server_error',
  // network
  'network_dns',
  'network_connect',
  'network_timeout',
  'network_tls',
  'network_proxy',
  'network_intercepted',
  // fallback
  'unknown',
] as const;

export type CauseId = (typeof CAUSE_IDS)[number];

const CAUSE_ID_SET: ReadonlySet<string> = new Set(CAUSE_IDS);

export function isCauseId(value: unknown): value is CauseId {
  return typeof value === 'string' && CAUSE_ID_SET.has(value);
}
