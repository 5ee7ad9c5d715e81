import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findComposeFields, read } from '@/lib/adapters/messagerie';
import type { ReadResult, SentMail } from '@/lib/domain/legacy';
import { reference } from './fixtures';
import { parseHtml } from './parse-html';

const SENT_URL = 'http://messagerie.localhost/mail/envoye/7f3a9c2e-41b0-4d8e-9a6f-1c2d3e4f5a6b';
const sentOf = (result: ReadResult) => {
  expect(result).toMatchObject({ recognized: true, page: 'sent' });
  return (result as { data: SentMail }).data;
};
function editedSent(edit: (html: string) => string) {
  const html = edit(readFileSync(reference('messagerie', 'message-envoye.html').page.htmlPath, 'utf8'));
  return read(parseHtml(html, SENT_URL), new URL(SENT_URL));
}

describe('messagerie', () => {
  it('finds the compose form fields the extension fills, by their labels', () => {
    const { document } = reference('messagerie', 'nouveau-message.html');
    const fields = findComposeFields(document)!;
    expect(fields.to.getAttribute('name')).toBe('to');
    expect(fields.cc?.getAttribute('name')).toBe('cc');
    expect(fields.subject?.getAttribute('name')).toBe('subject');
    expect(fields.body?.tagName).toBe('TEXTAREA');
    expect(fields.attachments?.getAttribute('type')).toBe('file');
    expect(fields.form.getAttribute('action')).toBe('/mail/envoyer');
  });

  it('reads the page as it is now: a second read after the page changed sees the change', () => {
    const html = readFileSync(reference('messagerie', 'message-envoye.html').page.htmlPath, 'utf8');
    const document = parseHtml(html, SENT_URL);
    const before = sentOf(read(document, new URL(SENT_URL))).subject;
    const subject = Array.from(document.querySelectorAll('dt')).find((dt) => dt.textContent === 'Objet')!.nextElementSibling!;
    subject.textContent = 'Objet modifié après la première lecture';
    expect(sentOf(read(document, new URL(SENT_URL))).subject).toBe('Objet modifié après la première lecture');
    expect(before).not.toBe('Objet modifié après la première lecture');
  });

  it('has no agent: the webmail shows no counsellor banner', () => {
    const { document } = reference('messagerie', 'message-envoye.html');
    expect(read(document, new URL(SENT_URL))).not.toHaveProperty('agent');
  });

  it('writes the sending time with the Paris offset of that day', () => {
    const summer = editedSent((html) => html.replace('20/11/2026 &agrave; 14:32', '01/07/2026 &agrave; 08:15'));
    expect(sentOf(summer).sentAt).toBe('2026-07-01T08:15:00+02:00');
  });

  it('keeps the Cc out of the recipients', () => {
    const data = sentOf(editedSent((html) => html.replace('<dt>Cc</dt>', '<dt>Copie</dt>')));
    expect(data.to).toEqual(['claire.roussel@example.com', 'o.garnier@example.com']);
  });

  it('does not recognise a confirmation without recipients or date', () => {
    expect(editedSent((html) => html.replace('20/11/2026 &agrave; 14:32', 'aujourd’hui'))).toStrictEqual({ url: SENT_URL, recognized: false });
    expect(editedSent((html) => html.replace(/<dd id="destinataires">[^<]*<\/dd>/, '<dd></dd>'))).toStrictEqual({ url: SENT_URL, recognized: false });
  });

  it('does not take a compose page for a sent one, nor the reverse', () => {
    const compose = reference('messagerie', 'nouveau-message.html', SENT_URL).document;
    expect(read(compose, new URL(SENT_URL))).toStrictEqual({ url: SENT_URL, recognized: false });
    const composeUrl = 'http://messagerie.localhost/mail/nouveau';
    const sent = reference('messagerie', 'message-envoye.html', composeUrl).document;
    expect(read(sent, new URL(composeUrl))).toStrictEqual({ url: composeUrl, recognized: false });
  });

  it('never throws, whatever it is given', () => {
    const url = new URL(SENT_URL);
    expect(read({} as Document, url)).toStrictEqual({ url: SENT_URL, recognized: false });
    expect(read(parseHtml('<h1>Votre message a été envoyé</h1>', SENT_URL), url)).toStrictEqual({ url: SENT_URL, recognized: false });
  });
});
