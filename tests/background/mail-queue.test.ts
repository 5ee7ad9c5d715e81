// Several establishments: one prepared e-mail each, in sequence in the same webmail tab,
// each moving on when the webmail confirms the previous one was sent.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ReadResult } from '@/lib/domain/legacy';

const fills: { tabId: number; subject: string }[] = [];
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: vi.fn(async (name: string, data: { subject: string }, tabId: number) => {
    if (name === 'compose.fill') fills.push({ tabId, subject: data.subject });
    return { filled: true, attached: false };
  }),
}));

const { createMailQueue } = await import('@/lib/background/mail-queue');
// The demo webmail's new-message page, the default of lib/config.ts.
const COMPOSE_URL = 'http://messagerie.localhost:8090/mail/nouveau';

const compose = (url: string): ReadResult => ({ url, recognized: true, tool: 'messagerie', page: 'compose', data: {}, missing: [] });
const sent = (url: string, subject: string): ReadResult => ({
  url,
  recognized: true,
  tool: 'messagerie',
  page: 'sent',
  data: { messageId: 'm1', to: ['a@example.com'], subject, sentAt: '2026-11-20T14:32:00+01:00' },
  missing: [],
});
const job = (n: number) => ({
  promotionId: `p${n}`,
  reference: `PRF-00000${n}`,
  to: [`contact${n}@example.com`],
  subject: `Proposition de candidature – réf. PRF-00000${n}`,
  body: 'Bonjour,',
});

describe('mail queue', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    fills.length = 0;
  });

  it('prepares one e-mail per establishment, one after the other, and records each as sent', async () => {
    const sentRefs: string[] = [];
    const queue = createMailQueue({
      findWebmailTab: async () => undefined,
      onSent: async (reference) => void sentRefs.push(reference),
    });
    await queue.enqueue([job(1), job(2)]);
    const [tab] = await fakeBrowser.tabs.query({ url: COMPOSE_URL });
    expect(tab).toBeDefined();

    await queue.onWebmailPage(tab!.id!, compose(tab!.url!));
    expect(fills).toEqual([{ tabId: tab!.id, subject: job(1).subject }]);
    // A second reading of the same form (in-place change) does not fill it again.
    await queue.onWebmailPage(tab!.id!, compose(tab!.url!));
    expect(fills).toHaveLength(1);

    await queue.onWebmailPage(tab!.id!, sent('http://messagerie.localhost:8090/mail/envoye/1', job(1).subject));
    expect(sentRefs).toEqual(['PRF-000001']);
    expect((await queue.pending()).map((j) => j.reference)).toEqual(['PRF-000002']);

    await queue.onWebmailPage(tab!.id!, compose(tab!.url!));
    expect(fills.map((f) => f.subject)).toEqual([job(1).subject, job(2).subject]);
    await queue.onWebmailPage(tab!.id!, sent('http://messagerie.localhost:8090/mail/envoye/2', job(2).subject));
    expect(sentRefs).toEqual(['PRF-000001', 'PRF-000002']);
    expect(await queue.pending()).toEqual([]);
  });

  it('ignores a sent confirmation that is not one of its e-mails', async () => {
    const sentRefs: string[] = [];
    const queue = createMailQueue({ findWebmailTab: async () => undefined, onSent: async (r) => void sentRefs.push(r) });
    await queue.enqueue([job(1)]);
    const [tab] = await fakeBrowser.tabs.query({ url: COMPOSE_URL });
    await queue.onWebmailPage(tab!.id!, sent('http://messagerie.localhost:8090/mail/envoye/9', 'Réunion de service'));
    expect(sentRefs).toEqual([]);
    expect(await queue.pending()).toHaveLength(1);
  });

  it('survives a restarted service worker: the queue lives in session storage', async () => {
    const onSent = vi.fn(async () => undefined);
    await createMailQueue({ findWebmailTab: async () => undefined, onSent }).enqueue([job(1)]);
    const restarted = createMailQueue({ findWebmailTab: async () => undefined, onSent });
    const [tab] = await fakeBrowser.tabs.query({ url: COMPOSE_URL });
    await restarted.onWebmailPage(tab!.id!, compose(tab!.url!));
    expect(fills).toHaveLength(1);
    await restarted.onWebmailPage(tab!.id!, sent(tab!.url!, job(1).subject));
    expect(onSent).toHaveBeenCalledWith('PRF-000001', '2026-11-20T14:32:00+01:00');
  });
});
