// @vitest-environment node
import { afterEach, beforeEach, expect, it } from 'vitest';
import { auth } from './fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from './harness';

describeEachDatabase('GET /v1/me on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  it("names the signed-in counsellor and the agency whose scope the extension syncs", async () => {
    const jeanne = await h.app.inject({ method: 'GET', url: '/v1/me', headers: auth(TOKENS.jeanne) });
    expect(jeanne.statusCode).toBe(200);
    expect(jeanne.json()).toEqual({ sub: 'jeanne.martin', agencyCode: '69031', name: 'Jeanne MARTIN', roles: [] });
    const karim = await h.app.inject({ method: 'GET', url: '/v1/me', headers: auth(TOKENS.villeurbanne) });
    expect(karim.json()).toMatchObject({ sub: 'karim.benali', agencyCode: '69032' });
    const manager = await h.app.inject({ method: 'GET', url: '/v1/me', headers: auth(TOKENS.manager) });
    expect(manager.json()).toMatchObject({ roles: ['manager'] });
  });

  it('answers 401 in French without a valid token', async () => {
    const none = await h.app.inject({ method: 'GET', url: '/v1/me' });
    const wrong = await h.app.inject({ method: 'GET', url: '/v1/me', headers: auth('not-a-token') });
    for (const res of [none, wrong]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthorized');
      expect(res.json().error.message).toMatch(/reconnectez-vous/);
    }
  });
});
