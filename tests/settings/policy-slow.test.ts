// Chromium may take seconds to hand over the administrator's policy while its policy service starts, or never
// answer: nothing that reads the policy (the tools' addresses, the settings) may wait for it forever. After two
// seconds the last policy read stands in, and the late answer, when it comes, is announced like a change.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const CRM_TEMPLATE = 'https://crm.agence.example/fiche/{siret}';
const NEW_CRM_TEMPLATE = 'https://crm2.agence.example/etablissement/{siret}';
const BUILD_DEFAULT = 'http://entreprises.localhost:8090/etablissement/73282932000074';

/** The extension as a fresh page or service worker loads it (nothing read yet in memory). */
async function freshExtension() {
  vi.resetModules();
  const config = await import('@/lib/config');
  const policy = await import('@/lib/settings/policy-store');
  return { establishmentUrlFor: config.establishmentUrlFor, onPolicyChanged: policy.onPolicyChanged };
}
/** From now on the browser answers only when the test says so. */
function browserStalls() {
  let answer!: (policy: Record<string, unknown>) => void;
  const pending = new Promise<Record<string, unknown>>((resolve) => (answer = resolve));
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(pending as never);
  return answer;
}
/** Resolves `promise` while the fake clock moves `ms` forward. */
async function after<T>(ms: number, promise: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(ms);
  return promise;
}

describe('a policy the browser is slow to hand over', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    fakeBrowser.reset();
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('opens the establishment at the last policy read when the browser does not answer, and says why', async () => {
    await fakeBrowser.storage.managed.set({ establishmentUrlTemplate: CRM_TEMPLATE });
    const first = await freshExtension();
    expect(await first.establishmentUrlFor('73282932000074')).toBe('https://crm.agence.example/fiche/73282932000074');

    // The browser restarts and its policy service hangs: a new service worker still opens the agency's CRM.
    browserStalls();
    const restarted = await freshExtension();
    const url = restarted.establishmentUrlFor('73282932000074');
    await vi.advanceTimersByTimeAsync(1999);
    let settled = false;
    void url.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(await after(1, url)).toBe('https://crm.agence.example/fiche/73282932000074');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('tarde à donner la stratégie'));
  });

  it('falls back on the build’s addresses on an install that never read a policy', async () => {
    browserStalls();
    const { establishmentUrlFor } = await freshExtension();
    expect(await after(2000, establishmentUrlFor('73282932000074'))).toBe(BUILD_DEFAULT);
  });

  it('announces the late answer, after which the policy it holds applies', async () => {
    const answer = browserStalls();
    const { establishmentUrlFor, onPolicyChanged } = await freshExtension();
    const changed = vi.fn();
    onPolicyChanged(changed);
    expect(await after(2000, establishmentUrlFor('73282932000074'))).toBe(BUILD_DEFAULT);
    expect(changed).not.toHaveBeenCalled();

    answer({ establishmentUrlTemplate: NEW_CRM_TEMPLATE });
    await vi.waitFor(() => expect(changed).toHaveBeenCalled());
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => {}) as never);
    expect(await after(2000, establishmentUrlFor('73282932000074'))).toBe('https://crm2.agence.example/etablissement/73282932000074');
  });

  it('asks a browser that does not answer once, and makes no later caller wait again', async () => {
    browserStalls();
    const { establishmentUrlFor } = await freshExtension();
    const urls = Array.from({ length: 5 }, () => establishmentUrlFor('73282932000074'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(await Promise.all(urls)).toEqual(Array(5).fill(BUILD_DEFAULT));
    // Later, the browser still silent: the next promotion opens at once.
    expect(await after(0, establishmentUrlFor('73282932000074'))).toBe(BUILD_DEFAULT);
    expect(fakeBrowser.storage.managed.get).toHaveBeenCalledTimes(1);
  });

  it('announces nothing when the browser answers in time, even the first time (what every page then reads)', async () => {
    await fakeBrowser.storage.managed.set({ establishmentUrlTemplate: CRM_TEMPLATE });
    const { establishmentUrlFor, onPolicyChanged } = await freshExtension();
    const changed = vi.fn();
    onPolicyChanged(changed);
    expect(await establishmentUrlFor('73282932000074')).toBe('https://crm.agence.example/fiche/73282932000074');
    await vi.advanceTimersByTimeAsync(5000);
    expect(changed).not.toHaveBeenCalled();
  });
});
