/**
 * HTTP transport to the central endpoint: bearer token, time-out, every answer parsed with the contract's
 * zod schemas, every failure turned into a `SyncError` whose kind tells the engine what to do.
 */
import { z } from 'zod';
import { agencyCodeSchema } from '../domain/formats';
import {
  apiErrorSchema,
  pullResponseSchema,
  pushResponseSchema,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../domain/sync';
import {
  healthReceiptSchema,
  readersHealthReportSchema,
  type HealthReceipt,
  type HealthReport,
  type ReadersHealthQuery,
  type ReadersHealthReport,
} from '../domain/reader-health';
import { statsReportSchema, type StatsQuery, type StatsReport } from '../stats/schema';
import { DEFAULT_MESSAGES, SyncError, type SyncErrorKind } from './errors';

/** `GET /v1/me`: the signed-in counsellor; the sync scope is `agency:<agencyCode>`. */
export const identitySchema = z.object({
  sub: z.string().min(1),
  agencyCode: agencyCodeSchema,
  name: z.string(),
  roles: z.array(z.string()),
});
export type SyncIdentity = z.infer<typeof identitySchema>;

export interface PullQuery {
  scope: string;
  cursor?: string;
  limit?: number;
}

export interface SyncTransport {
  me(): Promise<SyncIdentity>;
  push(request: PushRequest): Promise<PushResponse>;
  pull(query: PullQuery): Promise<PullResponse>;
}

/** The sync calls, and the statistics read over the same address, token, time-out and error handling. */
export interface HttpTransport extends SyncTransport {
  /** `GET /v1/stats`: figures of a scope over a period (the dashboard asks them through the background). */
  stats(query: StatsQuery, options?: { timeoutMs?: number }): Promise<StatsReport>;
  /** `POST /v1/readers/health`: this install's counts of one day (replaces what the server had of that day). */
  sendReadersHealth(report: HealthReport): Promise<HealthReceipt>;
  /** `GET /v1/readers/health`: the readers' health of an agency or of all (managers and the national team). */
  readersHealth(query: ReadersHealthQuery, options?: { timeoutMs?: number }): Promise<ReadersHealthReport>;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpTransportOptions {
  /** e.g. `http://localhost:8787` (a path prefix is kept); read at each call when a function (options may change it). */
  baseUrl: string | (() => string | Promise<string>);
  /** The bearer token at the time of the call; none means « Reconnexion nécessaire » without calling. */
  token: () => string | undefined | Promise<string | undefined>;
  /**
   * The server answered 401 to a token: get a new one (refresh token) and say whether to try again. Called once
   * per call, so a token the server keeps refusing ends as « Reconnexion nécessaire ».
   */
  renewToken?: () => Promise<boolean>;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** For `Retry-After` given as a date. */
  now?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
/** When a 429 comes without `Retry-After`. */
export const DEFAULT_RETRY_AFTER_MS = 30_000;

/** `Retry-After`: delay in seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function kindOfStatus(status: number): SyncErrorKind {
  if (status === 401) return 'auth_required';
  if (status === 403) return 'forbidden';
  if (status === 409) return 'sequence_gap';
  if (status === 410) return 'cursor_expired';
  if (status === 413) return 'too_large';
  if (status === 429) return 'rate_limited';
  if (status >= 500 || status === 408) return 'server';
  return 'refused';
}

class TimedOut extends Error {}

/** Settles with the fetch or with the time-out, whichever comes first, even if `fetch` ignores the signal. */
async function withDeadline<T>(work: (signal: AbortSignal) => Promise<T>, timeoutMs: number): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TimedOut());
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const fetchFn: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const baseUrl = async () => (typeof options.baseUrl === 'function' ? await options.baseUrl() : options.baseUrl).replace(/\/+$/, '');

  async function call<S extends z.ZodType>(
    path: string,
    init: RequestInit,
    schema: S,
    { callTimeoutMs = timeoutMs, renewed = false }: { callTimeoutMs?: number; renewed?: boolean } = {},
  ): Promise<z.output<S>> {
    const [base, token] = await Promise.all([baseUrl(), options.token()]);
    if (!token) throw new SyncError('auth_required', 'Aucun compte connecté : connectez-vous dans les options de Profilence.');
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let answer: { status: number; text: string; retryAfter: string | null };
    try {
      answer = await withDeadline(async (signal) => {
        const response = await fetchFn(`${base}${path}`, { ...init, headers, signal, cache: 'no-store' });
        return { status: response.status, retryAfter: response.headers.get('retry-after'), text: await response.text() };
      }, callTimeoutMs);
    } catch (err) {
      if (err instanceof TimedOut) throw new SyncError('timeout', DEFAULT_MESSAGES.timeout);
      throw new SyncError('network', DEFAULT_MESSAGES.network);
    }

    const { status, text, retryAfter } = answer;
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (status >= 200 && status < 300) {
      const parsed = schema.safeParse(json);
      if (parsed.success) return parsed.data;
      throw new SyncError('server', 'Réponse du serveur illisible : nouvel essai dans quelques instants.', { status });
    }
    const kind = kindOfStatus(status);
    if (kind === 'auth_required' && !renewed && options.renewToken && (await options.renewToken())) {
      return call(path, init, schema, { callTimeoutMs, renewed: true });
    }
    const body = apiErrorSchema.safeParse(json);
    const details = {
      status,
      code: body.success ? body.data.error.code : undefined,
      expectedSeq: body.success ? body.data.expectedSeq : undefined,
      retryAfterMs: kind === 'rate_limited' ? (parseRetryAfter(retryAfter, now()) ?? DEFAULT_RETRY_AFTER_MS) : undefined,
    };
    if (kind === 'sequence_gap' && details.expectedSeq === undefined) {
      throw new SyncError('server', 'Réponse du serveur illisible : nouvel essai dans quelques instants.', details);
    }
    // 5xx bodies may come from a proxy: keep our own words for them.
    const message = body.success && kind !== 'server' ? body.data.error.message : DEFAULT_MESSAGES[kind];
    throw new SyncError(kind, message, details);
  }

  return {
    me: () => call('/v1/me', { method: 'GET' }, identitySchema),
    push: (request) => call('/v1/sync/push', { method: 'POST', body: JSON.stringify(request) }, pushResponseSchema),
    pull: ({ scope, cursor, limit }) => {
      const query = new URLSearchParams({ scope });
      if (cursor) query.set('cursor', cursor);
      if (limit) query.set('limit', String(limit));
      return call(`/v1/sync/pull?${query}`, { method: 'GET' }, pullResponseSchema);
    },
    stats: ({ scope, from, to, groupBy }, { timeoutMs: statsTimeoutMs } = {}) => {
      const query = new URLSearchParams({ scope });
      if (from) query.set('from', from);
      if (to) query.set('to', to);
      query.set('groupBy', groupBy);
      return call(`/v1/stats?${query}`, { method: 'GET' }, statsReportSchema, { callTimeoutMs: statsTimeoutMs });
    },
    sendReadersHealth: (report) => call('/v1/readers/health', { method: 'POST', body: JSON.stringify(report) }, healthReceiptSchema),
    readersHealth: ({ scope, from, to }, { timeoutMs: healthTimeoutMs } = {}) => {
      const query = new URLSearchParams({ scope });
      if (from) query.set('from', from);
      if (to) query.set('to', to);
      return call(`/v1/readers/health?${query}`, { method: 'GET' }, readersHealthReportSchema, { callTimeoutMs: healthTimeoutMs });
    },
  };
}
