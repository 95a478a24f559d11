// Owns talking to the hub over HTTP(S): one POST per call with a timeout, every answer checked against the
// protocol's schemas (shared/contract/sync.ts), and every failure turned into a HubCallError that says whether
// to retry (the network or the hub is away) or to stop and tell someone (the hub refused).
import type { z } from 'zod';
import {
  SYNC_PATHS,
  auditResponseSchema,
  credentialHeader,
  enrollResponseSchema,
  healthResponseSchema,
  historyResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  referencePullPageSchema,
  referencePushResponseSchema,
  syncErrorSchema,
  type AuditRequest,
  type EnrollRequest,
  type HistoryRequest,
  type PullRequest,
  type PushRequest,
  type ReferencePullRequest,
  type ReferencePushRequest,
  type SyncError,
  type SyncErrorCode,
} from '../../../shared/contract/sync';

/**
 * `offline`: no answer (refused, reset, timed out) or the hub says it cannot reach its database: retry later.
 * `refused`: the hub answered with an error code: retrying the same request gets the same answer.
 * `bad_answer`: the hub answered something the protocol does not allow.
 */
export class HubCallError extends Error {
  constructor(
    readonly kind: 'offline' | 'refused' | 'bad_answer',
    message: string,
    readonly code: SyncErrorCode | null = null,
    readonly expectedSeq: number | null = null,
    /** For desk_code_taken: the prefixes another desk holds, and which desk. */
    readonly claims: NonNullable<SyncError['claims']> = [],
  ) {
    super(message);
    this.name = 'HubCallError';
  }
}

export interface HubClientOptions {
  /** Per request; a desk never waits longer than this for one answer. */
  timeoutMs?: number;
  /** Aborts every call in flight (the core is closing). */
  signal?: AbortSignal;
}

export class HubClient {
  readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(
    hubUrl: string,
    private readonly credential: string | null,
    private readonly options: HubClientOptions = {},
  ) {
    this.baseUrl = hubUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  async health() {
    return this.call('GET', SYNC_PATHS.health, undefined, healthResponseSchema);
  }
  async enroll(body: EnrollRequest) {
    return this.call('POST', SYNC_PATHS.enroll, body, enrollResponseSchema);
  }
  async push(body: PushRequest) {
    return this.call('POST', SYNC_PATHS.push, body, pushResponseSchema);
  }
  async pull(body: PullRequest) {
    return this.call('POST', SYNC_PATHS.pull, body, pullResponseSchema);
  }
  async referencePush(body: ReferencePushRequest) {
    return this.call('POST', SYNC_PATHS.referencePush, body, referencePushResponseSchema);
  }
  async referencePull(body: ReferencePullRequest) {
    return this.call('POST', SYNC_PATHS.referencePull, body, referencePullPageSchema);
  }
  async audit(body: AuditRequest) {
    return this.call('POST', SYNC_PATHS.audit, body, auditResponseSchema);
  }
  async history(body: HistoryRequest, timeoutMs?: number) {
    return this.call('POST', SYNC_PATHS.history, body, historyResponseSchema, timeoutMs);
  }

  private async call<S extends z.ZodType>(method: 'GET' | 'POST', path: string, body: unknown, schema: S, timeoutMs = this.timeoutMs): Promise<z.output<S>> {
    const signals = [AbortSignal.timeout(timeoutMs), ...(this.options.signal ? [this.options.signal] : [])];
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers: {
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...(this.credential && path !== SYNC_PATHS.enroll && path !== SYNC_PATHS.health && credentialHeader(this.credential)),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.any(signals),
        redirect: 'error',
      });
      text = await response.text();
    } catch (error) {
      // Refused, reset, timed out, DNS, TLS: the answer never came (or came in part). Retrying is safe: every
      // call is idempotent on the hub.
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new HubCallError('offline', `the hub at ${this.baseUrl} did not answer ${path}: ${cause}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // A proxy's error page, or an answer cut short.
      if (response.status >= 500 || response.ok) throw new HubCallError('offline', `the hub answered ${path} with ${response.status} and no readable body`);
      throw new HubCallError('bad_answer', `the hub answered ${path} with ${response.status} and no readable body`);
    }
    if (!response.ok) {
      const parsed = syncErrorSchema.safeParse(json);
      if (!parsed.success) {
        throw new HubCallError(response.status >= 500 ? 'offline' : 'bad_answer', `the hub answered ${path} with ${response.status} in an unknown shape`);
      }
      const { code, message, expectedSeq, problems, claims } = parsed.data.error;
      const detail = problems?.length ? `${message} (${problems.join('; ')})` : message;
      // 503 = the hub is up but without its database; 500 = its own fault: both pass with time.
      const kind = response.status >= 500 ? 'offline' : 'refused';
      throw new HubCallError(kind, `${path}: ${detail}`, code, expectedSeq ?? null, claims ?? []);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new HubCallError('bad_answer', `the hub's answer to ${path} breaks the protocol`);
    return parsed.data;
  }
}
