import type { CauseId } from '../catalog/cause-id.js';
import type { Evidence } from '../catalog/types.js';
import type { KeyKind } from '../core/key-material.js';

/**
 * A minimal status/reason mapping used only until the catalog's classifyHttpResponse lands.
 * Reads `error.status`, `error.message` and the ErrorInfo `reason` of a Google error body.
 */
export function interimClassify(
  status: number,
  body: string,
  keyKind: KeyKind | undefined,
): { cause: CauseId; evidence: Evidence } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  const root = (Array.isArray(parsed) ? parsed[0] : parsed) as
    | { error?: Record<string, unknown> }
    | undefined;
  const error = root?.error ?? {};
  const message = typeof error['message'] === 'string' ? error['message'] : '';
  const rpcStatus = typeof error['status'] === 'string' ? error['status'] : undefined;
  const details = Array.isArray(error['details']) ? (error['details'] as Record<string, unknown>[]) : [];
  const info = details.find((d) => typeof d?.['reason'] === 'string');
  const reason = info ? String(info['reason']) : undefined;
  const evidence: Evidence = { httpStatus: status, message };
  if (rpcStatus) evidence.rpcStatus = rpcStatus;
  if (reason) evidence.reason = reason;
  const cause = ((): CauseId => {
    if (/leaked/i.test(message)) return 'key_leaked';
    if (reason === 'API_KEY_EXPIRED' || /expired/i.test(message)) return 'key_expired';
    if (reason === 'API_KEY_INVALID' || /API key not (valid|found)/i.test(message)) return 'key_invalid';
    if (/Multiple authentication credentials/i.test(message)) return 'multiple_credentials';
    if (reason === 'ACCESS_TOKEN_TYPE_UNSUPPORTED')
      return keyKind === 'standard' ? 'standard_key_rejected' : 'auth_key_rejected';
    if (reason === 'SERVICE_DISABLED') return 'service_disabled';
    if (reason === 'API_KEY_SERVICE_BLOCKED') return 'api_blocked_by_key_restriction';
    if (reason === 'API_KEY_HTTP_REFERRER_BLOCKED') return 'referrer_blocked';
    if (reason === 'API_KEY_IP_ADDRESS_BLOCKED') return 'ip_blocked';
    if (reason === 'API_KEY_ANDROID_APP_BLOCKED' || reason === 'API_KEY_IOS_APP_BLOCKED')
      return 'app_blocked';
    if (reason === 'CONSUMER_SUSPENDED' || /suspended/i.test(message)) return 'consumer_suspended';
    if (reason === 'CONSUMER_INVALID') return 'consumer_invalid';
    if (/unregistered callers/i.test(message)) return 'key_missing';
    if (/location is not supported/i.test(message)) return 'location_unsupported';
    if (/billing/i.test(message)) return 'billing';
    if (status === 429) return 'quota_exhausted';
    if (status === 404) return 'model_not_found';
    if (status >= 500) return 'server_error';
    if (status === 401 || status === 403) return 'permission_denied_other';
    if (status === 400) return 'bad_request';
    return 'unknown';
  })();
  return { cause, evidence };
}
