/** `google.rpc.Code` names and the HTTP status Google maps each to (google/rpc/code.proto). */
export const RPC_TO_HTTP: Readonly<Record<string, number>> = {
  CANCELLED: 499,
  UNKNOWN: 500,
  INVALID_ARGUMENT: 400,
  DEADLINE_EXCEEDED: 504,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PERMISSION_DENIED: 403,
  UNAUTHENTICATED: 401,
  RESOURCE_EXHAUSTED: 429,
  FAILED_PRECONDITION: 400,
  ABORTED: 409,
  OUT_OF_RANGE: 400,
  UNIMPLEMENTED: 501,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DATA_LOSS: 500,
};

/** gRPC numeric codes (as in `grpc_status:9`) to names. */
const GRPC_CODES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
] as const;

export function isRpcStatus(value: string): boolean {
  return Object.hasOwn(RPC_TO_HTTP, value);
}

export function rpcStatusFromGrpcCode(code: number): string | undefined {
  const name = GRPC_CODES[code];
  return name === undefined || name === 'OK' ? undefined : name;
}

/** The status an answer had, from the HTTP code if seen, else from the RPC status name. */
export function effectiveHttpStatus(
  httpStatus: number | undefined,
  rpcStatus: string | undefined,
): number | undefined {
  if (httpStatus !== undefined) return httpStatus;
  return rpcStatus !== undefined && isRpcStatus(rpcStatus) ? RPC_TO_HTTP[rpcStatus] : undefined;
}
