/**
 * What the logs may say of a request. The export route carries a job seeker's ftId in its path: it is masked,
 * like the bearer token, so that the logs hold no identifier of a job seeker.
 */
const SUBJECT_PATH = /^(\/v1\/privacy\/job-seekers\/)[^/?#]*/;

export const maskUrl = (url: string) => url.replace(SUBJECT_PATH, '$1[masqué]');

/** Fastify's own request serializer, with the URL masked. */
export function requestSerializer(req: {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}): Record<string, unknown> {
  return {
    method: req.method,
    url: req.url === undefined ? undefined : maskUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
