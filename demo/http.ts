/** The few HTTP shapes the demo routes deal in, independent of node:http. */
import type { IncomingHttpHeaders } from 'node:http';

export interface DemoRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  /** The request body, read once on demand; rejects with `BodyTooLargeError` past the limit. */
  body(): Promise<Buffer>;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export class BodyTooLargeError extends Error {}

export type Route = (req: DemoRequest) => Reply | Promise<Reply>;

export function htmlReply(body: string, status = 200): Reply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}

export function jsonReply(value: unknown, status = 200): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value, null, 2) };
}

export function redirect(location: string, status = 303): Reply {
  return { status, headers: { location, 'content-type': 'text/plain; charset=utf-8' }, body: `Voir ${location}` };
}

export function noContent(): Reply {
  return { status: 204, headers: {}, body: '' };
}

export function methodNotAllowed(allowed: string[]): Reply {
  return { status: 405, headers: { allow: allowed.join(', '), 'content-type': 'text/plain; charset=utf-8' }, body: 'Méthode non autorisée' };
}

export const isRead = (req: DemoRequest) => req.method === 'GET' || req.method === 'HEAD';

/** Path without a trailing slash (except `/`). */
export function cleanPath(url: URL): string {
  const p = url.pathname.replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

/** A path segment decoded, or left as is when its percent-encoding is malformed. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
