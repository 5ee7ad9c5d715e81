// `npm start` shows the server's log as short French lines: failures and service messages, not JSON.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module script, no types
import { pipeReadable } from '../../scripts/readable-logs.mjs';

async function render(lines: unknown[]): Promise<string[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  const written: string[] = [];
  output.on('data', (chunk) => written.push(...String(chunk).split('\n').filter(Boolean)));
  pipeReadable(input, output);
  for (const line of lines) input.write(`${typeof line === 'string' ? line : JSON.stringify(line)}\n`);
  input.end();
  await new Promise((r) => setTimeout(r, 20));
  return written;
}

const at = Date.parse('2026-12-02T14:05:09Z');

describe('readable server logs for npm start', () => {
  it('leaves out successful requests and shows refused ones in one line', async () => {
    const out = await render([
      { level: 30, time: at, msg: 'incoming request', req: { method: 'GET', url: '/v1/sync/pull' } },
      { level: 30, time: at, msg: 'request completed', req: { method: 'GET', url: '/v1/sync/pull?scope=agency:69031' }, res: { statusCode: 200 }, responseTime: 3.2 },
      { level: 30, time: at, msg: 'request completed', req: { method: 'POST', url: '/v1/sync/push' }, res: { statusCode: 401 }, responseTime: 1.7 },
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\d{2}:\d{2}:\d{2} serveur POST \/v1\/sync\/push → 401 \(2 ms\)$/);
    expect(out[0]).not.toContain('{');
  });

  it('says warnings and errors in French with their details, and passes other text through', async () => {
    const out = await render([
      { level: 40, time: at, msg: 'jetons de développement acceptés', pid: 1, hostname: 'x' },
      { level: 50, time: at, msg: 'purge impossible', err: { message: 'database is locked' } },
      { level: 30, time: at, msg: 'service central Profilence démarré', database: 'sqlite', docs: 'http://127.0.0.1:8787/docs' },
      'Démarrage du service impossible : port occupé',
    ]);
    expect(out[0]).toMatch(/serveur ATTENTION jetons de développement acceptés$/);
    expect(out[1]).toMatch(/serveur ERREUR purge impossible — erreur=database is locked$/);
    expect(out[2]).toMatch(/serveur service central Profilence démarré — database=sqlite, docs=http:\/\/127\.0\.0\.1:8787\/docs$/);
    expect(out[3]).toBe('Démarrage du service impossible : port occupé');
  });
});
