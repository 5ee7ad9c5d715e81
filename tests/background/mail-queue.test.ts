// Several establishments: one prepared e-mail each, in sequence in the same webmail tab, each moving on
// when the webmail confirms the previous one was sent. The queue survives a browser restart (parked, never
// reopened alone), and a sent message seen later confirms its promotion even when it is no longer queued.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MailQueueDeps, MailPromotion } from '@/lib/background/mail-queue';
import type { ReadResult } from '@/lib/domain/legacy';

const fills: { tabId: number; to: string[]; subject: string; body: string; attachment?: { fileName: string } }[] = [];
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: vi.fn(async (name: string, data: (typeof fills)[number], tabId: number) => {
    if (name === 'compose.fill') fills.push({ ...data, tabId });
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
const job = (n: number, withCv = false) => ({
  promotionId: `p${n}`,
  reference: `PRF-00000${n}`,
  to: [`contact${n}@example.com`],
  subject: `Proposition de candidature – réf. PRF-00000${n}`,
  body: `Bonjour ${n},`,
  ...(withCv ? { attachment: { fileName: `CV_${n}.pdf`, type: 'application/pdf', base64: 'JVBERi0=' } } : {}),
});

/** The browser closes: session storage is emptied, the background starts again. */
async function restartBrowser() {
  await fakeBrowser.storage.session.clear();
}

describe('mail queue', () => {
  let statuses: Map<string, MailPromotion['status']>;
  let sentRefs: string[];
  let deps: MailQueueDeps;

  beforeEach(() => {
    fakeBrowser.reset();
    fills.length = 0;
    statuses = new Map(['p1', 'p2', 'p3'].map((id) => [id, 'draft' as const]));
    sentRefs = [];
    deps = {
      findWebmailTab: async () => undefined,
      promotion: async (id) => (statuses.has(id) ? { id, status: statuses.get(id)! } : undefined),
      onSent: async (reference) => void sentRefs.push(reference),
    };
  });

  /** The webmail tab the queue opened last. */
  const composeTab = async () => (await fakeBrowser.tabs.query({ url: COMPOSE_URL })).at(-1)!;

  it('prepares one e-mail per establishment, one after the other, and records each as sent', async () => {
    const queue = createMailQueue(deps);
    await queue.enqueue([job(1), job(2)]);
    const tab = await composeTab();

    await queue.onWebmailPage(tab.id!, compose(tab.url!));
    expect(fills).toEqual([{ tabId: tab.id, to: ['contact1@example.com'], subject: job(1).subject, body: 'Bonjour 1,' }]);
    // A second reading of the same form (in-place change) does not fill it again.
    await queue.onWebmailPage(tab.id!, compose(tab.url!));
    expect(fills).toHaveLength(1);

    await queue.onWebmailPage(tab.id!, sent('http://messagerie.localhost:8090/mail/envoye/1', job(1).subject));
    expect(sentRefs).toEqual(['PRF-000001']);
    expect((await queue.pending()).map((j) => [j.reference, j.to])).toEqual([['PRF-000002', ['contact2@example.com']]]);

    await queue.onWebmailPage(tab.id!, compose(tab.url!));
    expect(fills.map((f) => f.subject)).toEqual([job(1).subject, job(2).subject]);
    await queue.onWebmailPage(tab.id!, sent('http://messagerie.localhost:8090/mail/envoye/2', job(2).subject));
    expect(sentRefs).toEqual(['PRF-000001', 'PRF-000002']);
    expect(await queue.pending()).toEqual([]);
  });

  it('ignores a sent message without a promotion reference', async () => {
    const queue = createMailQueue(deps);
    await queue.enqueue([job(1)]);
    const tab = await composeTab();
    await queue.onWebmailPage(tab.id!, sent('http://messagerie.localhost:8090/mail/envoye/9', 'Réunion de service'));
    // A look-alike glued to other letters is not a reference either.
    await queue.onWebmailPage(tab.id!, sent('http://messagerie.localhost:8090/mail/envoye/8', 'XPRF-0000017'));
    expect(sentRefs).toEqual([]);
    expect(await queue.pending()).toHaveLength(1);
  });

  it('confirms a promotion whose sent message is seen later in the sent items, queued or not', async () => {
    const queue = createMailQueue(deps);
    await queue.enqueue([job(1)]);
    await queue.pause();
    // Written differently in the sent items (a reply, lower case): the reference is still recognised.
    await queue.onWebmailPage(99, sent('http://messagerie.localhost:8090/mail/envoye/5', 'RE: Proposition – réf. prf-000001'));
    await queue.onWebmailPage(99, sent('http://messagerie.localhost:8090/mail/envoye/6', 'Proposition – réf. PRF-000003'));
    expect(sentRefs).toEqual(['PRF-000001', 'PRF-000003']);
    expect(await queue.find('p1')).toBeUndefined();
  });

  it('keeps the queue through a browser restart, parked until the counsellor resumes an e-mail', async () => {
    await createMailQueue(deps).enqueue([job(1, true), job(2)]);
    await restartBrowser();
    // Meanwhile p3 was sent from another install (a sync brought it): its e-mail is forgotten.
    await createMailQueue(deps).enqueue([{ ...job(3), promotionId: 'p3', reference: 'PRF-000003' }]);
    await restartBrowser();
    statuses.set('p3', 'sent');
    // The background starts in a new browser session: nothing reopens by itself.
    const queue = createMailQueue(deps);
    expect(await queue.pending()).toEqual([]);
    expect(await queue.find('p3')).toBeUndefined();
    // Still known, but this session lost the e-mail itself (and its CV).
    expect(await queue.find('p1')).toEqual({ subject: job(1).subject, attachCv: true, complete: false });
    expect(await queue.find('p2')).toEqual({ subject: job(2).subject, attachCv: false, complete: false });

    await queue.resume(
      { promotionId: 'p2', reference: 'PRF-000002', subject: job(2).subject, attachCv: false },
      { to: ['contact2@example.com'], body: 'Bonjour 2, repris' },
    );
    const tab = await composeTab();
    await queue.onWebmailPage(tab.id!, compose(tab.url!));
    expect(fills).toEqual([{ tabId: tab.id, to: ['contact2@example.com'], subject: job(2).subject, body: 'Bonjour 2, repris' }]);
    // Sending it does not reopen the other parked e-mail.
    await queue.onWebmailPage(tab.id!, sent('http://messagerie.localhost:8090/mail/envoye/7', job(2).subject));
    expect(await queue.pending()).toEqual([]);
    expect(await queue.find('p1')).toMatchObject({ attachCv: true });
  });

  it('keeps the sending going when only the service worker restarted (same browser session)', async () => {
    await createMailQueue(deps).enqueue([job(1), job(2)]);
    const restartedWorker = createMailQueue(deps);
    expect((await restartedWorker.pending()).map((m) => m.promotionId)).toEqual(['p1', 'p2']);
    const tab = await composeTab();
    await restartedWorker.onWebmailPage(tab.id!, compose(tab.url!));
    expect(fills.map((f) => f.subject)).toEqual([job(1).subject]);
  });

  it('never fills a named e-mail whose CV was lost: it is parked instead', async () => {
    const queue = createMailQueue(deps);
    await queue.enqueue([job(1, true)]);
    await restartBrowser();
    const tab = await composeTab();
    await queue.onWebmailPage(tab.id!, compose(tab.url!));
    expect(fills).toEqual([]);
    expect(await queue.pending()).toEqual([]);
    expect(await queue.find('p1')).toMatchObject({ attachCv: true, complete: false });
  });

  it('drops an e-mail whose promotion was withdrawn or sent meanwhile, and moves on to the next', async () => {
    const queue = createMailQueue(deps);
    await queue.enqueue([job(1), job(2)]);
    statuses.set('p1', 'withdrawn');
    const tab = await composeTab();
    await queue.onWebmailPage(tab.id!, compose(tab.url!));
    expect(fills).toEqual([]);
    expect(await queue.find('p1')).toBeUndefined();
    await queue.onWebmailPage(tab.id!, compose(tab.url!));
    expect(fills.map((f) => f.subject)).toEqual([job(2).subject]);
  });

  it('forgets an e-mail marked sent or abandoned from the panel', async () => {
    const queue = createMailQueue(deps);
    await queue.enqueue([job(1), job(2)]);
    await queue.remove('p1');
    expect((await queue.pending()).map((m) => m.promotionId)).toEqual(['p2']);
    expect(await fakeBrowser.storage.session.get('mail.draft.p1')).toEqual({});
  });

  it('keeps no personal data in the storage that survives the browser', async () => {
    await createMailQueue(deps).enqueue([job(1, true)]);
    const kept = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(kept).toContain('PRF-000001');
    for (const personal of ['contact1@example.com', 'Bonjour 1', 'CV_1.pdf']) expect(kept).not.toContain(personal);
  });
});
