// A shortlist's e-mail in the mail queue: one e-mail carrying several promotions and CVs; its sent confirmation
// confirms each promotion by its reference, and it stays to send while any of them still waits for it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MailPromotion, MailQueueDeps } from '@/lib/background/mail-queue';
import type { ReadResult } from '@/lib/domain/legacy';

const fills: { tabId: number; subject: string; attachments?: { fileName: string }[] }[] = [];
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: vi.fn(async (name: string, data: (typeof fills)[number], tabId: number) => {
    if (name === 'compose.fill') fills.push({ ...data, tabId });
    return { filled: true, attached: true };
  }),
}));
const { createMailQueue } = await import('@/lib/background/mail-queue');

const COMPOSE_URL = 'http://messagerie.localhost:8090/mail/nouveau';
const compose: ReadResult = { url: COMPOSE_URL, recognized: true, tool: 'messagerie', page: 'compose', data: {}, missing: [] };
const sent = (subject: string): ReadResult => ({
  url: 'http://messagerie.localhost:8090/mail/envoye/1',
  recognized: true,
  tool: 'messagerie',
  page: 'sent',
  data: { messageId: 'm1', to: ['rh@example.com'], subject, sentAt: '2026-11-20T14:32:00+01:00' },
  missing: [],
});
const cv = (name: string) => ({ fileName: `CV_${name}.pdf`, type: 'application/pdf', base64: 'JVBERi0=' });
const SUBJECT = 'Proposition de candidatures – réf. PRF-00000A, PRF-00000B, PRF-00000C';
const shortlistJob = {
  promotionId: 'pA',
  reference: 'PRF-00000A',
  to: ['rh@example.com'],
  subject: SUBJECT,
  body: 'Bonjour,',
  attachments: [cv('Marie_DUPONT'), cv('Sophie_GIRARD')],
  alsoFor: [
    { promotionId: 'pB', reference: 'PRF-00000B' },
    { promotionId: 'pC', reference: 'PRF-00000C' },
  ],
};

describe('a shortlist e-mail in the mail queue', () => {
  let statuses: Map<string, MailPromotion['status']>;
  let sentRefs: string[];
  let deps: MailQueueDeps;

  beforeEach(() => {
    fakeBrowser.reset();
    fills.length = 0;
    statuses = new Map(['pA', 'pB', 'pC'].map((id) => [id, 'draft' as const]));
    sentRefs = [];
    deps = {
      findWebmailTab: async () => undefined,
      promotion: async (id) => (statuses.has(id) ? { id, status: statuses.get(id)! } : undefined),
      onSent: async (reference) => void sentRefs.push(reference),
    };
  });
  const composeTab = async () => (await fakeBrowser.tabs.query({ url: COMPOSE_URL })).at(-1)!;

  it('fills one e-mail with every CV, and its sent confirmation confirms each promotion', async () => {
    const queue = createMailQueue(deps);
    await queue.enqueue([shortlistJob]);
    const tab = await composeTab();
    await queue.onWebmailPage(tab.id!, compose);
    expect(fills.map((f) => [f.subject, f.attachments?.map((a) => a.fileName)])).toEqual([[SUBJECT, ['CV_Marie_DUPONT.pdf', 'CV_Sophie_GIRARD.pdf']]]);
    expect(await queue.find('pA')).toMatchObject({ attachCv: true, complete: true });

    await queue.onWebmailPage(tab.id!, sent(SUBJECT));
    expect(sentRefs).toEqual(['PRF-00000A', 'PRF-00000B', 'PRF-00000C']);
    expect(await queue.pending()).toEqual([]);
  });

  it('still prepares the e-mail when its first promotion was abandoned but the others wait for it', async () => {
    statuses.set('pA', 'withdrawn');
    const queue = createMailQueue(deps);
    await queue.enqueue([shortlistJob]);
    const tab = await composeTab();
    await queue.onWebmailPage(tab.id!, compose);
    expect(fills).toHaveLength(1);
  });

  it('made again for its first promotion alone, it goes when that promotion is abandoned, whatever the others', async () => {
    const queue = createMailQueue(deps);
    await queue.enqueue([shortlistJob]);
    await fakeBrowser.storage.session.clear();
    await queue.resume({ promotionId: 'pA', reference: 'PRF-00000A', subject: 'Proposition de candidature – réf. PRF-00000A', attachCv: false }, { to: ['rh@example.com'], body: 'Son paragraphe.' });
    statuses.set('pA', 'withdrawn');
    const tab = await composeTab();
    await queue.onWebmailPage(tab.id!, compose);
    expect(fills).toEqual([]);
    expect(await queue.pending()).toEqual([]);
  });

  it('drops the e-mail once none of its promotions waits for it', async () => {
    for (const id of ['pA', 'pB', 'pC']) statuses.set(id, 'sent');
    const queue = createMailQueue(deps);
    await queue.enqueue([shortlistJob]);
    const tab = await composeTab();
    await queue.onWebmailPage(tab.id!, compose);
    expect(fills).toHaveLength(0);
    expect(await queue.pending()).toEqual([]);
  });
});
