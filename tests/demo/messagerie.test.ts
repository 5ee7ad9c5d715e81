import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SentMessage } from '../../demo/mailbox';
import { startDemo, type DemoServer } from '../../demo/server';
import { call, fixture, MESSAGERIE, multipart, normalisedText, parse } from './support';

/** Friday 20/11/2026 14:32 in Paris (UTC+1), the reference page's sending time. */
const REFERENCE_NOW = new Date('2026-11-20T13:32:00Z');

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemo({ port: 0, clock: () => REFERENCE_NOW });
});
afterAll(async () => {
  await demo.close();
});
beforeEach(async () => {
  await call(demo, MESSAGERIE, '/api/sent', { method: 'DELETE' });
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function post(fields: Record<string, string>, files: Parameters<typeof multipart>[1] = []) {
  const { body, contentType } = multipart(fields, files);
  return call(demo, MESSAGERIE, '/mail/envoyer', { method: 'POST', body, headers: { 'content-type': contentType } });
}

async function sentList(): Promise<SentMessage[]> {
  const res = await call(demo, MESSAGERIE, '/api/sent');
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return JSON.parse(res.text) as SentMessage[];
}

describe('demo webmail', () => {
  it('shows the compose form posting multipart to /mail/envoyer', async () => {
    const res = await call(demo, MESSAGERIE, '/mail/nouveau');
    expect(res.status).toBe(200);
    const { document, close } = parse(res.text, demo.url('messagerie', '/mail/nouveau'));
    const form = document.querySelector('form#formulaire-message')!;
    expect(form.getAttribute('action')).toBe('/mail/envoyer');
    expect(form.getAttribute('enctype')).toBe('multipart/form-data');
    for (const name of ['to', 'cc', 'subject', 'body']) expect(form.querySelector(`[name="${name}"]`), name).not.toBeNull();
    expect(form.querySelector('input[type="file"][name="attachments"]')?.hasAttribute('multiple')).toBe(true);
    await close();
  });

  it('sends a message with an attachment: 303 to a confirmation built like the reference page, stored with its sha256', async () => {
    const cv = Buffer.alloc(184 * 1024, 7);
    cv.write('%PDF-1.4\n');
    const res = await post(
      {
        to: 'claire.roussel@example.com, o.garnier@example.com',
        cc: 'jeanne.martin@example.fr',
        subject: 'Proposition de profil – Secrétariat (Mme Marie DUPONT)',
        body: 'Bonjour Madame,\n\nJe vous propose le profil de Marie DUPONT.\n',
      },
      [{ field: 'attachments', fileName: 'CV_Marie_DUPONT.pdf', contentType: 'application/pdf', bytes: cv }],
    );
    expect(res.status).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(/^\/mail\/envoye\/[0-9a-f-]{36}$/);
    const id = location.split('/').pop()!;

    const [stored] = await sentList();
    expect(stored).toEqual({
      id,
      to: ['claire.roussel@example.com', 'o.garnier@example.com'],
      cc: ['jeanne.martin@example.fr'],
      subject: 'Proposition de profil – Secrétariat (Mme Marie DUPONT)',
      body: 'Bonjour Madame,\n\nJe vous propose le profil de Marie DUPONT.\n',
      attachments: [{ fileName: 'CV_Marie_DUPONT.pdf', contentType: 'application/pdf', size: cv.length, sha256: sha256(cv) }],
      sentAt: '2026-11-20T13:32:00.000Z',
    });

    const page = await call(demo, MESSAGERIE, location);
    expect(page.status).toBe(200);
    const url = demo.url('messagerie', location);
    const demoPage = parse(page.text, url);
    const reference = parse(fixture('messagerie/message-envoye.html'), url);
    expect(demoPage.document.querySelector('#identifiant-message')?.textContent).toBe(id);
    // Same page as the reference once the message id is the reference's.
    expect(normalisedText(demoPage.document).replace(id, '7f3a9c2e-41b0-4d8e-9a6f-1c2d3e4f5a6b')).toBe(normalisedText(reference.document));
    await demoPage.close();
    await reference.close();
  });

  it('keeps several attachments, skips the empty file part, and lists messages in the sent items', async () => {
    const a = Buffer.from('première pièce');
    const b = Buffer.from([0, 1, 2, 3, 255]);
    const res = await post({ to: 'rh@example.com', cc: '', subject: 'Deux pièces', body: 'x' }, [
      { field: 'attachments', fileName: 'note.txt', contentType: 'text/plain', bytes: a },
      { field: 'attachments', fileName: 'data.bin', contentType: 'application/octet-stream', bytes: b },
      { field: 'attachments', fileName: '', contentType: 'application/octet-stream', bytes: Buffer.alloc(0) },
    ]);
    expect(res.status).toBe(303);
    const [stored] = await sentList();
    expect(stored!.cc).toEqual([]);
    expect(stored!.attachments.map((x) => [x.fileName, x.size, x.sha256])).toEqual([
      ['note.txt', a.length, sha256(a)],
      ['data.bin', 5, sha256(b)],
    ]);
    const confirmation = await call(demo, MESSAGERIE, String(res.headers.location));
    expect(confirmation.text).not.toContain('id="copie"');
    const outbox = await call(demo, MESSAGERIE, '/mail/boite-envoi');
    expect(outbox.text).toContain(`href="/mail/envoye/${stored!.id}"`);
  });

  it('refuses a message without recipient or with a malformed address, keeping what was typed', async () => {
    const empty = await post({ to: '  ', subject: 'Sans destinataire', body: 'texte' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Indiquez au moins un destinataire');
    expect(empty.text).toContain('value="Sans destinataire"');
    const wrong = await post({ to: 'claire.roussel', subject: '<b>Objet</b>', body: 'texte' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('Adresse incorrecte : claire.roussel');
    expect(wrong.text).toContain('value="&lt;b&gt;Objet&lt;/b&gt;"');
    expect(await sentList()).toEqual([]);
  });

  it('clears the sent items with DELETE /api/sent and answers 404 for an unknown message', async () => {
    await post({ to: 'rh@example.com', subject: 's', body: 'b' });
    expect(await sentList()).toHaveLength(1);
    expect((await call(demo, MESSAGERIE, '/api/sent', { method: 'DELETE' })).status).toBe(204);
    expect(await sentList()).toEqual([]);
    const missing = await call(demo, MESSAGERIE, '/mail/envoye/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Message introuvable');
  });

  it('writes the sending date in Paris time, summer or winter', async () => {
    const summer = await startDemo({ port: 0, clock: () => new Date('2026-07-14T08:05:00Z') });
    const { body, contentType } = multipart({ to: 'rh@example.com', subject: 'été', body: '' }, []);
    const res = await call(summer, MESSAGERIE, '/mail/envoyer', { method: 'POST', body, headers: { 'content-type': contentType } });
    const page = await call(summer, MESSAGERIE, String(res.headers.location));
    expect(page.text).toContain('<dd id="date-envoi">14/07/2026 à 10:05</dd>');
    await summer.close();
  });
});
