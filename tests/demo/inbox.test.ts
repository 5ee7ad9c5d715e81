// The demo webmail's inbox: seeded mail, replies added through `POST /api/inbox`, and what the messagerie reader
// finds on its list and message pages (references, sender, date — never the body).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { read } from '@/lib/adapters/messagerie';
import type { ReadResultOf } from '@/lib/domain/legacy';
import type { ReceivedMessage } from '../../demo/inbox';
import { startDemo, type DemoServer } from '../../demo/server';
import { call, MESSAGERIE, multipart, parse } from './support';

/** Friday 20/11/2026 14:32 in Paris (UTC+1). */
const NOW = new Date('2026-11-20T13:32:00Z');
const SUBJECT = 'Proposition de candidature – Secrétaire – réf. PRF-7K2M9Q';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemo({ port: 0, clock: () => NOW });
});
afterAll(async () => {
  await demo.close();
});
beforeEach(async () => {
  await call(demo, MESSAGERIE, '/api/sent', { method: 'DELETE' });
  await call(demo, MESSAGERIE, '/api/inbox', { method: 'DELETE' });
});

async function readPage(path: string) {
  const res = await call(demo, MESSAGERIE, path);
  expect(res.status).toBe(200);
  const url = demo.url('messagerie', path);
  const { document, close } = parse(res.text, url);
  const result = read(document, new URL(url));
  await close();
  return { result, html: res.text };
}

async function sendProposal(): Promise<string> {
  const { body, contentType } = multipart({ to: 'claire.roussel@example.com', cc: '', subject: SUBJECT, body: 'Madame, je vous propose Marie DUPONT.' }, []);
  const res = await call(demo, MESSAGERIE, '/mail/envoyer', { method: 'POST', body, headers: { 'content-type': contentType } });
  return String(res.headers.location).split('/').at(-1)!;
}

async function addReply(payload: object): Promise<ReceivedMessage> {
  const res = await call(demo, MESSAGERIE, '/api/inbox', { method: 'POST', body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });
  expect(res.status, res.text).toBe(201);
  return JSON.parse(res.text) as ReceivedMessage;
}

describe('demo inbox', () => {
  it('lists seeded mail, and the reader keeps only the messages that name a promotion', async () => {
    const { result, html } = await readPage('/mail/dossier/reception');
    expect(html).toContain('Planning des permanences MRS');
    expect(result).toMatchObject({ recognized: true, tool: 'messagerie', page: 'inbox' });
    const { messages } = (result as ReadResultOf<'inbox'>).data;
    // Subjects with a reference (RE:, TR:, a shortlist of two); the reply quoting it only and other mail stay out.
    expect(messages.map((m) => m.references)).toEqual([['PRF-4XK2QH'], ['PRF-8M3TZA'], ['PRF-6QW1RT', 'PRF-9JD4LM']]);
    expect(messages[0]).toMatchObject({ from: 'rh@transports-garnier.example.com', unread: true, receivedAt: '2026-11-20T09:32:00+01:00' });
    expect(messages[2]!.unread).toBe(false);
    expect(JSON.stringify(result)).not.toContain('Vénissieux');
  });

  it('turns a reply to a sent proposal into a message page the reader reads, the body left out', async () => {
    const sentId = await sendProposal();
    const reply = await addReply({ replyTo: sentId, text: 'Nous aimerions la rencontrer jeudi à 10 h.' });
    expect(reply.subject).toBe(`RE: ${SUBJECT}`);
    const { result, html } = await readPage(`/mail/message/${reply.id}`);
    expect(html).toContain('Nous aimerions la rencontrer');
    expect(html).toContain('<blockquote>');
    expect(result).toEqual({
      url: demo.url('messagerie', `/mail/message/${reply.id}`),
      recognized: true,
      tool: 'messagerie',
      page: 'message',
      // The proposal left at 14:32: the reply is shown the minute after.
      data: { from: 'claire.roussel@example.com', subject: `RE: ${SUBJECT}`, receivedAt: '2026-11-20T14:33:00+01:00', references: ['PRF-7K2M9Q'] },
      missing: [],
    });
  });

  it('finds the reference of a forward and of a reply that only quotes it, by reference or by sent id', async () => {
    await sendProposal();
    const forward = await addReply({ replyTo: 'PRF-7K2M9Q', kind: 'forward', text: 'Entretien proposé lundi.', receivedAt: '2026-11-21T08:05:00Z' });
    const quoted = await addReply({ replyTo: 'PRF-7K2M9Q', kind: 'quoted', text: 'Profil retenu pour plus tard.', from: { name: 'Olivier Garnier', address: 'o.garnier@example.com' } });
    const forwardRead = (await readPage(`/mail/message/${forward.id}`)).result as ReadResultOf<'message'>;
    expect(forwardRead.data).toMatchObject({ from: 'accueil@example.com', receivedAt: '2026-11-21T09:05:00+01:00', references: ['PRF-7K2M9Q'] });
    expect(forwardRead.data.subject).toMatch(/^TR: RE: /);
    const quotedRead = (await readPage(`/mail/message/${quoted.id}`)).result as ReadResultOf<'message'>;
    expect(quotedRead.data).toMatchObject({ from: 'o.garnier@example.com', subject: 'Votre proposition de candidat', references: ['PRF-7K2M9Q'] });
  });

  it('dates any message citing a sent proposal after it, as a reply', async () => {
    await sendProposal();
    const res = await call(demo, MESSAGERIE, '/api/inbox', {
      method: 'POST',
      body: JSON.stringify({ from: { name: 'Julie Perrin', address: 'julie.perrin@example.com' }, subject: 'Candidature', body: 'Pour la réf. PRF-7K2M9Q : entretien jeudi.' }),
    });
    expect(res.status).toBe(201);
    const { id } = JSON.parse(res.text) as ReceivedMessage;
    const read = (await readPage(`/mail/message/${id}`)).result as ReadResultOf<'message'>;
    expect(read.data).toMatchObject({ from: 'julie.perrin@example.com', receivedAt: '2026-11-20T14:33:00+01:00', references: ['PRF-7K2M9Q'] });
  });

  it('marks a message read once opened, and refuses a reply to nothing it sent', async () => {
    const sentId = await sendProposal();
    const reply = await addReply({ replyTo: sentId, text: 'Merci.' });
    const unreadOf = async () =>
      ((await readPage('/mail/dossier/reception')).result as ReadResultOf<'inbox'>).data.messages.find((m) => m.url.endsWith(reply.id))!.unread;
    expect(await unreadOf()).toBe(true);
    await readPage(`/mail/message/${reply.id}`);
    expect(await unreadOf()).toBe(false);
    const missing = await call(demo, MESSAGERIE, '/api/inbox', { method: 'POST', body: JSON.stringify({ replyTo: 'PRF-ZZZZZZ', text: 'x' }) });
    expect(missing.status).toBe(404);
    const invalid = await call(demo, MESSAGERIE, '/api/inbox', { method: 'POST', body: JSON.stringify({ subject: 'sans expéditeur' }) });
    expect(invalid.status).toBe(400);
  });
});
