// @vitest-environment node
/** pino logs at the most verbose level: no bearer token (dev or JWT), no job-seeker data, whatever the route or outcome. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { create, makePoolEntry, makePromotion, TestClient } from '../fixtures';
import { describeEachDatabase, DEV_TOKENS, startHarness, TOKENS } from '../harness';
import { startIdp, type Idp } from './idp';

let idp: Idp;
beforeAll(async () => {
  idp = await startIdp();
});
afterAll(async () => {
  await idp.close();
});

describeEachDatabase('logs on %s', (kind) => {
  it('keep every token masked and no personal data, on success, refusal and internal error', async () => {
    const h = await startHarness(kind, { logLevel: 'trace', auth: { devTokens: DEV_TOKENS, oidc: idp.oidc } });
    try {
      const jwt = await idp.sign({ sub: 'jeanne.martin', agency: '69031' });
      const expired = await idp.sign({ sub: 'jeanne.martin', agency: '69031', expiresIn: Math.floor(Date.now() / 1000) - 600 });
      const foreign = await idp.sign({ sub: 'karim.benali', agency: '69032' });
      const promotion = makePromotion({ pitch: 'Lucie DUPONT, secrétaire' });
      const client = new TestClient(h.app, TOKENS.jeanne);
      await client.push([create(promotion), { name: 'pool.add', args: makePoolEntry() }]);
      const get = (url: string, token: string) => h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      const statuses = [
        (await get('/v1/sync/pull?scope=agency:69031', jwt)).statusCode,
        (await get('/v1/sync/pull?scope=agency:69031', foreign)).statusCode,
        (await get('/v1/me', expired)).statusCode,
        (await get('/v1/privacy/job-seekers/1234567A?scope=agency:69031', TOKENS.manager)).statusCode,
        (await get('/v1/privacy/job-seekers/1234567A?scope=agency:69031', `${jwt}x`)).statusCode,
      ];
      expect(statuses).toEqual([200, 403, 401, 200, 401]);
      // An internal error: its logged error must not carry the request's secrets either.
      await h.app.db.schema.dropTable('audit_log').execute();
      expect((await get('/v1/sync/pull?scope=agency:69031', jwt)).statusCode).toBe(500);
      // And should anyone log the request headers one day, they are masked.
      h.app.log.info({ req: { headers: { authorization: `Bearer ${jwt}` } } }, 'essai');
      h.app.log.info({ headers: { authorization: `Bearer ${jwt}` }, token: jwt }, 'essai');

      const text = h.logs.join('\n');
      expect(h.logs.length).toBeGreaterThan(10);
      for (const secret of [...Object.keys(DEV_TOKENS), jwt, expired, foreign, jwt.split('.')[2]!]) expect(text).not.toContain(secret);
      expect(text).toContain('[masqué]');
      expect(text).not.toMatch(/Lucie|DUPONT|1234567A|secrétaire/);
      // Refusals are still traceable: who was refused what.
      expect(h.logs.some((l) => l.includes('"level":40') && l.includes('karim.benali') && l.includes('"forbidden"'))).toBe(true);
    } finally {
      await h.close();
    }
  });
});
