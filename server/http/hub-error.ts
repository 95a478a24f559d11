// Owns the hub's refusals: an error with its HTTP status and protocol code, thrown by any part of the hub and
// turned into the protocol's error body by the HTTP layer.
import type { SyncError, SyncErrorCode } from '../../shared/contract/sync';

const STATUS: Record<SyncErrorCode, number> = {
  invalid_request: 400,
  too_large: 413,
  unauthenticated: 401,
  revoked: 403,
  wrong_device: 403,
  bad_code: 400,
  device_taken: 409,
  desk_code_taken: 409,
  sequence_gap: 409,
  event_changed: 409,
  invalid_reference: 400,
  not_found: 404,
  method_not_allowed: 405,
  unavailable: 503,
  internal: 500,
};

export class HubError extends Error {
  readonly status: number;

  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly extra: Omit<SyncError, 'code' | 'message'> = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }

  body(): { error: SyncError } {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}
