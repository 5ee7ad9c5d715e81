/**
 * Connection and request time limits: a client that trickles its headers or its body (one byte now and then) must
 * not hold a connection, and a worker's socket, open for ever. Node enforces them; Fastify disables the request
 * limit by default, hence these figures. A refused connection gets the service's usual refusal, in French.
 */
import type { ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import { API_SECURITY_HEADERS } from './headers';

export interface HttpTimeouts {
  /** From the connection (or the previous request) to the end of the headers. */
  headersMs: number;
  /** From the first byte to the end of the body: 256 KB at 10 KB/s still gets through. */
  requestMs: number;
  /** A socket with no traffic either way is closed (longer than the keep-alive of 72 s). */
  idleMs: number;
  /** How often Node looks for requests past their limits: the limits are enforced within this slack. */
  checkIntervalMs: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = { headersMs: 10_000, requestMs: 30_000, idleMs: 75_000, checkIntervalMs: 2_000 };

const REFUSALS: Record<string, { status: number; reason: string; code: string; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    code: 'request_timeout',
    message: 'Requête trop lente : la connexion est fermée. Réessayez.',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'headers_too_large',
    message: 'En-têtes de requête trop volumineux.',
  },
};
const MALFORMED = { status: 400, reason: 'Bad Request', code: 'invalid_request', message: 'Requête HTTP illisible.' };

/** Errors Node raises before Fastify sees a request (time limits, malformed HTTP): answered, then the socket closed. */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const refusal = REFUSALS[err.code ?? ''] ?? MALFORMED;
  if (socket.writable) {
    const body = JSON.stringify({ error: { code: refusal.code, message: refusal.message } });
    const headers = {
      ...API_SECURITY_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      Connection: 'close',
    };
    const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    socket.end(`HTTP/1.1 ${refusal.status} ${refusal.reason}\r\n${head}\r\n${body}`, () => socket.destroy());
    return;
  }
  socket.destroy();
}

/** Fastify's options for these limits. */
export function timeoutOptions(t: HttpTimeouts): {
  requestTimeout: number;
  connectionTimeout: number;
  http: ServerOptions;
  clientErrorHandler: typeof clientErrorHandler;
} {
  return {
    requestTimeout: t.requestMs,
    connectionTimeout: t.idleMs,
    http: { headersTimeout: Math.min(t.headersMs, t.requestMs), requestTimeout: t.requestMs, connectionsCheckingInterval: t.checkIntervalMs },
    clientErrorHandler,
  };
}
