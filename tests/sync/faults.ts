/**
 * A fault-injecting `fetch` between the transport and the server: requests lost before the server, answers
 * lost after its commit, 5xx, time-outs, 401, 429 with Retry-After, a batch delivered twice at once, or a
 * later part of a batch arriving first.
 */
import { vi } from 'vitest';
import type { FetchLike } from '../../lib/sync';

export type Fault =
  | 'pass'
  /** The request never reaches the server. */
  | 'network-before'
  /** The server commits; the answer is lost on the way back. */
  | 'network-after'
  | '503-before'
  /** A proxy answers 503 after the server committed. */
  | '503-after'
  /** Hangs without reaching the server, until the client gives up. */
  | 'timeout-before'
  /** Reaches the server, which commits; the answer never comes. */
  | 'timeout-after'
  /** The same request delivered twice at the same time (a resend racing the original). */
  | 'twice'
  /** Push only: the second half of the batch arrives alone first (out of order). */
  | 'skip-ahead'
  | { status: 401 }
  /** A proxy in front of the server with a lower body limit. */
  | { status: 413 }
  | { status: 429; retryAfter?: string };

export interface Call {
  n: number;
  method: string;
  path: string;
  body?: { mutations?: { seq: number }[] };
}

export interface FaultyFetch extends FetchLike {
  log: { call: Call; fault: Fault; status?: number }[];
  /** Requests that reached the server. */
  delivered: number;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/**
 * Never answers: the transport's own deadline (its setTimeout, armed before the request left) ends the wait. Under
 * fake timers (`useFakeDeadlines`) that deadline is reached at once instead of after real milliseconds.
 */
function hang(signal: AbortSignal | null | undefined): Promise<never> {
  const hung = new Promise<never>((_, reject) => {
    const abort = () => reject(new DOMException('aborted', 'AbortError'));
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort);
  });
  if (vi.isFakeTimers()) vi.advanceTimersToNextTimer();
  return hung;
}

/**
 * Fakes only setTimeout/clearTimeout, which the sync client uses for nothing but its request deadline: a request
 * the fault hangs times out at once, and a real one is never cut short by a slow machine. (The in-process server's
 * own timers only guard against failures these tests do not make.) Call `vi.useRealTimers()` before closing servers.
 */
export function useFakeDeadlines(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}

export function faultyFetch(inner: FetchLike, decide: (call: Call) => Fault): FaultyFetch {
  let n = 0;
  const wrapper = (async (url: string, init: RequestInit) => {
    const { pathname } = new URL(url);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const call: Call = { n: n++, method: init.method ?? 'GET', path: pathname, body };
    const fault = decide(call);
    const entry: FaultyFetch['log'][number] = { call, fault };
    wrapper.log.push(entry);
    const forward = async (overrideBody?: unknown) => {
      wrapper.delivered++;
      const res = await inner(url, overrideBody === undefined ? init : { ...init, body: JSON.stringify(overrideBody) });
      entry.status = res.status;
      return res;
    };
    if (typeof fault === 'object') {
      entry.status = fault.status;
      if (fault.status === 401) return json(401, { error: { code: 'unauthorized', message: 'Session expirée ou jeton invalide : reconnectez-vous.' } });
      if (fault.status === 413) return json(413, { error: { code: 'payload_too_large', message: 'Envoi trop volumineux.' } });
      return json(429, { error: { code: 'rate_limited', message: 'Trop de requêtes.' } }, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
    }
    switch (fault) {
      case 'pass':
        return forward();
      case 'network-before':
        throw new TypeError('fetch failed');
      case 'network-after':
        await forward();
        throw new TypeError('fetch failed');
      case '503-before':
        entry.status = 503;
        return new Response('<html>Service Unavailable</html>', { status: 503 });
      case '503-after':
        await forward();
        entry.status = 503;
        return new Response('<html>Service Unavailable</html>', { status: 503 });
      case 'timeout-before':
        return hang(init.signal);
      case 'timeout-after':
        await forward();
        return hang(init.signal);
      case 'twice': {
        const [first] = await Promise.all([forward(), inner(url, init).then(() => wrapper.delivered++)]);
        return first;
      }
      case 'skip-ahead': {
        const mutations = body?.mutations ?? [];
        if (mutations.length < 2) return forward();
        return forward({ ...body, mutations: mutations.slice(Math.ceil(mutations.length / 2)) });
      }
    }
  }) as FaultyFetch;
  wrapper.log = [];
  wrapper.delivered = 0;
  return wrapper;
}
