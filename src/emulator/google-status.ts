/**
 * Builders for Google's error body, `google.rpc.Status` as the JSON transcoding renders it:
 * `{ "error": { "code", "message", "status", "details": [ { "@type": …, … } ] } }`.
 * Field order and the `@type` names follow the real payloads in ../shared/fixtures/real-errors.json.
 */

export type RpcStatus =
  | 'INVALID_ARGUMENT'
  | 'FAILED_PRECONDITION'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'RESOURCE_EXHAUSTED'
  | 'INTERNAL'
  | 'UNAVAILABLE'
  | 'DEADLINE_EXCEEDED';

export type StatusDetail = Record<string, unknown> & { '@type': string };

export interface GoogleErrorBody {
  error: {
    code: number;
    message: string;
    status: RpcStatus;
    details?: StatusDetail[];
    /** Some Cloud surfaces still add the legacy v1 `errors[]` list (CONSUMER_INVALID does). */
    errors?: { message: string; domain: string; reason: string }[];
  };
}

const TYPE = 'type.googleapis.com/google.rpc.';

export function googleError(
  code: number,
  status: RpcStatus,
  message: string,
  details?: StatusDetail[],
): GoogleErrorBody {
  return { error: { code, message, status, ...(details && details.length > 0 ? { details } : {}) } };
}

/** ErrorInfo; `domain` is omitted where Google omits it (ACCESS_TOKEN_TYPE_UNSUPPORTED has none). */
export function errorInfo(
  reason: string,
  metadata: Record<string, string>,
  domain: string | null = 'googleapis.com',
): StatusDetail {
  return { '@type': `${TYPE}ErrorInfo`, reason, ...(domain ? { domain } : {}), metadata };
}

export function localizedMessage(message: string): StatusDetail {
  return { '@type': `${TYPE}LocalizedMessage`, locale: 'en-US', message };
}

export function help(links: { description: string; url: string }[]): StatusDetail {
  return { '@type': `${TYPE}Help`, links };
}

export interface QuotaViolationDetail {
  quotaMetric: string;
  quotaId: string;
  quotaDimensions: Record<string, string>;
  quotaValue: string;
}

export function quotaFailure(violations: QuotaViolationDetail[]): StatusDetail {
  return { '@type': `${TYPE}QuotaFailure`, violations };
}

/** `retryDelay` is a proto Duration in JSON form: decimal seconds with an `s` suffix ("22s", "7.9s"). */
export function retryInfo(seconds: number): StatusDetail {
  return { '@type': `${TYPE}RetryInfo`, retryDelay: formatDuration(seconds) };
}

export function badRequestDetail(fieldViolations: { field?: string; description: string }[]): StatusDetail {
  return { '@type': `${TYPE}BadRequest`, fieldViolations };
}

export function formatDuration(seconds: number): string {
  const rounded = Math.round(seconds * 1000) / 1000;
  return `${rounded}s`;
}
