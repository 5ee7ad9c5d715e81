// What an agency's IT watches: readiness for the load balancer and Prometheus metrics, with no personal data.
import { afterEach, expect, it } from 'vitest';
import { create, getPull, makePromotion, SCOPE, TestClient } from './fixtures';
import { describeEachDatabase, startHarness, TOKENS, type Harness } from './harness';

/** `name{labels} value` lines of a Prometheus page whose name and labels contain every given fragment. */
function sample(page: string, name: string, ...fragments: string[]): number | undefined {
  const line = page
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `) ? fragments.every((f) => l.includes(f)) : false);
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describeEachDatabase('readiness and metrics (%s)', (kind) => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('is ready while the database answers, and stops being ready when it does not', async () => {
    h = await startHarness(kind);
    const ready = await h.app.inject({ method: 'GET', url: '/v1/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ ready: true, database: 'ok', stopping: false });
    await h.app.db.destroy();
    const down = await h.app.inject({ method: 'GET', url: '/v1/ready' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ ready: false, database: 'unreachable' });
  });

  it('counts requests by route and status, sync batch sizes and rejected mutations, without identifiers', async () => {
    h = await startHarness(kind);
    const client = new TestClient(h.app, TOKENS.jeanne);
    const promotion = makePromotion();
    await client.push([create(promotion), create(makePromotion({ agencyCode: '69032' }))]);
    expect((await getPull(h.app, TOKENS.jeanne, { scope: SCOPE })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/v1/sync/pull?scope=agency:69031' })).statusCode).toBe(401);
    await h.app.inject({ method: 'GET', url: `/v1/privacy/job-seekers/${promotion.jobSeeker.ftId}`, headers: { authorization: `Bearer ${TOKENS.jeanne}` } });

    const res = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const page = res.body;
    expect(sample(page, 'profilence_http_requests_total', 'route="/v1/sync/push"', 'status="200"')).toBe(1);
    expect(sample(page, 'profilence_http_requests_total', 'route="/v1/sync/pull"', 'status="200"')).toBe(1);
    expect(sample(page, 'profilence_http_requests_total', 'route="/v1/sync/pull"', 'status="401"')).toBe(1);
    expect(sample(page, 'profilence_http_request_duration_seconds_count', 'route="/v1/sync/pull"')).toBe(2);
    expect(sample(page, 'profilence_sync_batch_size_count', 'direction="push"')).toBe(1);
    expect(sample(page, 'profilence_sync_batch_size_sum', 'direction="push"')).toBe(2);
    expect(sample(page, 'profilence_sync_batch_size_sum', 'direction="pull"')).toBe(1);
    // The other agency's promotion was refused: counted by its code.
    expect(sample(page, 'profilence_sync_rejected_mutations_total', 'code="forbidden"')).toBe(1);
    // Route templates only: no job seeker id, no counsellor, no token on the page.
    expect(page).toContain('route="/v1/privacy/job-seekers/:ftId"');
    for (const secret of [promotion.jobSeeker.ftId, 'jeanne', TOKENS.jeanne]) expect(page).not.toContain(secret);
  });

  it('asks the scraper for its token when one is configured', async () => {
    h = await startHarness(kind, { metricsToken: 'supervision-0123456789' });
    expect((await h.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer mauvais-jeton-0000000' } })).statusCode).toBe(401);
    const ok = await h.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer supervision-0123456789' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('# TYPE profilence_http_requests_total counter');
  });
});
