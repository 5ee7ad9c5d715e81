// @vitest-environment node
/**
 * A client that trickles its request (slowloris) must not hold a connection open: the server answers 408 in
 * French and closes it, and keeps serving everyone else. Limits shortened to a second for the test.
 */
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { appOn } from './direct-app';
import { describeEachDatabase, freshDatabase, TOKENS } from './harness';

const LIMITS = { headersMs: 500, requestMs: 1_000, idleMs: 5_000, checkIntervalMs: 100 };

/** Everything the server wrote before closing, and how much of the request had been sent by then. */
interface Trickled {
  reply: string;
  bytesSent: number;
}

/** Sends `head` at once, then `body` one byte every 100 ms, until the server closes the connection. */
function trickle(port: number, head: string, body: string): Promise<Trickled> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let reply = '';
    let bytesSent = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('error', () => undefined); // a reset after the answer is the server closing
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ reply, bytesSent });
    });
    socket.on('connect', () => {
      socket.write(head);
      bytesSent = head.length;
      timer = setInterval(() => {
        if (bytesSent - head.length >= body.length) {
          clearInterval(timer);
          reject(new Error('le serveur a attendu toute la requête'));
          return;
        }
        socket.write(body[bytesSent - head.length]!);
        bytesSent++;
      }, 100);
    });
  });
}

describeEachDatabase('connection and request time limits on %s', (kind) => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  afterEach(async () => {
    await app.close();
    await drop();
  });

  async function listening(): Promise<number> {
    const database = await freshDatabase(kind);
    drop = database.drop;
    app = await appOn(database.config, LIMITS);
    await app.listen({ host: '127.0.0.1', port: 0 });
    return (app.server.address() as AddressInfo).port;
  }

  it('closes a connection whose body trickles in, with a 408 in French, and keeps serving', async () => {
    const port = await listening();
    const body = JSON.stringify({ clientId: '0b9c6a5e-9a43-4c6f-8d0e-2d1b8c1f7a10', schemaVersion: 1, mutations: [] }).padEnd(400, ' ');
    const head =
      `POST /v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKENS.jeanne}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { reply, bytesSent } = await trickle(port, head, body);
    expect(bytesSent).toBeLessThan(head.length + body.length);
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(reply).toMatch(/content-security-policy: default-src 'none'/i);
    const json = JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4));
    expect(json).toEqual({ error: { code: 'request_timeout', message: expect.stringContaining('Requête trop lente') } });

    const health = await fetch(`http://127.0.0.1:${port}/v1/health`);
    expect(health.status).toBe(200);
  });

  it('closes a connection whose headers never end', async () => {
    const port = await listening();
    const { reply, bytesSent } = await trickle(port, 'GET /v1/health HTTP/1.1\r\n', 'X-Slow: ' + 'a'.repeat(200));
    expect(bytesSent).toBeLessThan(220);
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
  });
});
