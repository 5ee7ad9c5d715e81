/**
 * `GET /v1/stats` from the dashboard, with the server address and sign-in of the sync settings (options page,
 * build-time defaults in lib/config.ts). The answer is parsed with the contract's schema; a failure says, in
 * French, why the figures come from this install instead.
 */
import { apiErrorSchema } from '@/lib/domain/sync';
import { statsReportSchema, type StatsGrouping, type StatsReport } from '@/lib/stats/schema';

export type StatsFailureKind = 'offline' | 'signed_out' | 'forbidden' | 'server';

export class StatsUnavailable extends Error {
  constructor(
    readonly kind: StatsFailureKind,
    message: string,
  ) {
    super(message);
  }
}

export interface StatsRequest {
  scope: string;
  from: string;
  to: string;
  groupBy: StatsGrouping;
}

export interface StatsServer {
  serverUrl: string;
  /** The bearer token now; none means the counsellor is not signed in. */
  token: () => Promise<string | undefined>;
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  timeoutMs?: number;
}

export const STATS_MESSAGES = {
  offline: 'Serveur injoignable',
  signedOut: 'Aucun compte connecté au serveur',
  server: 'Réponse du serveur illisible',
} as const;

export async function fetchStats(server: StatsServer, request: StatsRequest): Promise<StatsReport> {
  const token = await server.token();
  if (!token) throw new StatsUnavailable('signed_out', STATS_MESSAGES.signedOut);
  const query = new URLSearchParams({ scope: request.scope, from: request.from, to: request.to, groupBy: request.groupBy });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), server.timeoutMs ?? 10_000);
  let response: Response;
  let text: string;
  try {
    response = await (server.fetch ?? fetch)(`${server.serverUrl.replace(/\/+$/, '')}/v1/stats?${query}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: controller.signal,
      cache: 'no-store',
    });
    text = await response.text();
  } catch {
    throw new StatsUnavailable('offline', STATS_MESSAGES.offline);
  } finally {
    clearTimeout(timer);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (response.ok) {
    const parsed = statsReportSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    throw new StatsUnavailable('server', STATS_MESSAGES.server);
  }
  if (response.status === 401) throw new StatsUnavailable('signed_out', STATS_MESSAGES.signedOut);
  const error = apiErrorSchema.safeParse(json);
  if (response.status === 403) throw new StatsUnavailable('forbidden', error.success ? error.data.error.message : 'Accès refusé');
  if (response.status >= 500 || response.status === 429) throw new StatsUnavailable('offline', STATS_MESSAGES.offline);
  throw new StatsUnavailable('server', error.success ? error.data.error.message : STATS_MESSAGES.server);
}
