// Owns the shape every call across the shell boundary returns: a value or a coded error, never a throw.

export type ErrorCode =
  | 'invalid_input'
  | 'unknown_procedure'
  | 'not_signed_in'
  | 'forbidden'
  | 'locked'
  | 'bad_credentials'
  | 'account_locked'
  | 'account_inactive'
  | 'setup_done'
  | 'conflict'
  | 'not_found'
  | 'internal';

export interface CallError {
  code: ErrorCode;
  message: string;
  /** The input field at fault, for invalid_input, as a dotted path. */
  field?: string;
  /** A finer reason the renderer can translate (catalogue key error.reason.<reason>). */
  reason?: string;
  /** Every problem found, for a refused file (checklist, country rules, watch list). */
  problems?: string[];
  /** For account_locked: when the lock ends (ISO time). */
  until?: string;
  /** Values the reason's text names ({cases}, {desk}), filled in by the renderer's translation. */
  params?: Record<string, string | number>;
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

export function ok<T>(value: T): CallResult<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, extra: Partial<CallError> = {}): { ok: false; error: CallError } {
  return { ok: false, error: { code, message, ...extra } };
}
