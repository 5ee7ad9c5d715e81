/**
 * The demo: one HTTP server playing the three legacy tools, routed by host name
 * (dossiers.localhost, entreprises.localhost, messagerie.localhost — Chromium
 * resolves *.localhost to loopback). Fictitious data from ./seed.
 *
 *   npm run demo            (or: npx tsx demo/server.ts; port from DEMO_PORT, default 8090)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { BodyTooLargeError, htmlReply, type DemoRequest, type Reply, type Route } from './http';
import { escapeHtml } from './html';
import { Inbox } from './inbox';
import { Mailbox } from './mailbox';
import { dossiersRoute } from './routes/dossiers';
import { entreprisesRoute } from './routes/entreprises';
import { messagerieRoute } from './routes/messagerie';

export type DemoTool = 'dossier-demandeur' | 'fiche-entreprise' | 'messagerie';

export const DEMO_HOSTS: Readonly<Record<DemoTool, string>> = {
  'dossier-demandeur': 'dossiers.localhost',
  'fiche-entreprise': 'entreprises.localhost',
  messagerie: 'messagerie.localhost',
};

/** Short names accepted by `url()` beside the tool ids. */
const ALIASES: Readonly<Record<string, DemoTool>> = { dossiers: 'dossier-demandeur', entreprises: 'fiche-entreprise' };

/** 20 Mo of attachments, as the compose form says, plus the multipart overhead. */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;

export interface DemoOptions {
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on; loopback by default. */
  host?: string;
  /** The demo's notion of "now" (sent-mail dates, incident references); defaults to the real clock. */
  clock?: () => Date;
}

export interface DemoServer {
  port: number;
  /** `url('dossier-demandeur', '/portefeuille')` → `http://dossiers.localhost:8090/portefeuille`. */
  url(tool: DemoTool | 'dossiers' | 'entreprises', path?: string): string;
  /** The webmail's sent items (also served as JSON at messagerie `/api/sent`). */
  mailbox: Mailbox;
  /** The webmail's received mail: seeded, plus what `receive`/`reply` (or `POST /api/inbox`) add. */
  inbox: Inbox;
  close(): Promise<void>;
}

function toDemoRequest(req: IncomingMessage, host: string): DemoRequest {
  let body: Promise<Buffer> | undefined;
  return {
    method: req.method ?? 'GET',
    url: new URL(req.url ?? '/', `http://${host}`),
    headers: req.headers,
    body() {
      body ??= new Promise<Buffer>((resolve, reject) => {
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > MAX_BODY_BYTES) {
          req.resume();
          reject(new BodyTooLargeError());
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        req.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            req.removeAllListeners('data');
            req.resume();
            reject(new BodyTooLargeError());
            return;
          }
          chunks.push(chunk);
        });
        req.on('end', () => resolve(Buffer.concat(chunks)));
        req.on('error', reject);
      });
      return body;
    },
  };
}

function unknownHost(port: number, hostHeader: string): Reply {
  const link = (host: string, path: string) => `<li><a href="http://${host}:${port}${path}">http://${host}:${port}${path}</a></li>`;
  return htmlReply(
    `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Démonstration Profilence</title></head><body>
<h1>Démonstration Profilence</h1>
<p>Ce serveur joue trois outils selon le nom d'hôte (reçu&nbsp;: <code>${escapeHtml(hostHeader || '—')}</code>). Ouvrez&nbsp;:</p>
<ul>${link(DEMO_HOSTS['dossier-demandeur'], '/')}${link(DEMO_HOSTS['fiche-entreprise'], '/')}${link(DEMO_HOSTS.messagerie, '/')}</ul>
</body></html>`,
    404,
  );
}

/**
 * The pages link to the other tools as `http://entreprises.localhost/` (as the reference
 * captures do); on a demo port other than 80 those links get the port the browser used.
 */
function withPortInLinks(reply: Reply, hostHeader: string): Reply {
  const port = /:(\d+)$/.exec(hostHeader)?.[1];
  if (!port || port === '80' || typeof reply.body !== 'string' || !reply.headers['content-type']?.startsWith('text/html')) return reply;
  const body = reply.body.replace(/http:\/\/(dossiers|entreprises|messagerie)\.localhost\//g, `http://$1.localhost:${port}/`);
  return { ...reply, body };
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...reply.headers,
    'content-length': String(Buffer.byteLength(reply.body)),
  });
  res.end(reply.body);
}

export async function startDemo(options: DemoOptions): Promise<DemoServer> {
  const clock = options.clock ?? (() => new Date());
  const mailbox = new Mailbox(clock);
  const inbox = new Inbox(mailbox, clock);
  const routes: Record<string, Route> = {
    [DEMO_HOSTS['dossier-demandeur']]: dossiersRoute,
    [DEMO_HOSTS['fiche-entreprise']]: entreprisesRoute(clock),
    [DEMO_HOSTS.messagerie]: messagerieRoute(mailbox, inbox),
  };
  let port = options.port;

  const server = createServer((req, res) => {
    const hostHeader = req.headers.host ?? '';
    const hostname = hostHeader.replace(/:\d+$/, '').toLowerCase();
    const route = routes[hostname];
    Promise.resolve()
      .then(() => (route ? route(toDemoRequest(req, hostHeader)) : unknownHost(port, hostHeader)))
      .then(
        (reply) => send(res, withPortInLinks(reply, hostHeader)),
        (error: unknown) => {
          console.error('[demo]', req.method, hostHeader, req.url, error);
          if (!res.headersSent) send(res, { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Erreur interne de la démonstration' });
          else res.destroy();
        },
      );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    mailbox,
    inbox,
    url(tool, path = '/') {
      const id = ALIASES[tool] ?? (tool as DemoTool);
      return `http://${DEMO_HOSTS[id]}:${port}${path.startsWith('/') ? path : `/${path}`}`;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (isMain) {
  const port = Number(process.env.DEMO_PORT ?? 8090);
  const demo = await startDemo({ port, host: process.env.DEMO_HOST });
  console.log(`Profilence — démonstration des trois outils (données fictives)
  Dossier demandeur : ${demo.url('dossier-demandeur', '/portefeuille')}
  Fiche Entreprise  : ${demo.url('fiche-entreprise', '/recherche?q=lyon')}
  Messagerie        : ${demo.url('messagerie', '/mail/dossier/reception')}
  (messages envoyés : ${demo.url('messagerie', '/api/sent')})`);
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
