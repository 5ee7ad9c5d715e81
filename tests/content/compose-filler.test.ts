// @vitest-environment happy-dom
// Filling the webmail's new-message form: the reference page, and a redesign that keeps the labels.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fillCompose, parseComposeFill } from '@/lib/content/compose-filler';

// Without its external stylesheets and scripts, which the saved page cannot load.
const referencePage = readFileSync(resolve(import.meta.dirname, '../fixtures/legacy/messagerie/nouveau-message.html'), 'utf8')
  .replace(/<link[^>]*>/g, '')
  .replace(/<script[^>]*src=[^>]*><\/script>/g, '');
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
const fill = {
  to: ['claire.roussel@example.com'],
  subject: 'Proposition de candidature – réf. PRF-ABC123',
  body: 'Bonjour Madame ROUSSEL,',
  attachment: { fileName: 'CV_Marie_DUPONT.pdf', type: 'application/pdf', base64: pdf },
};

describe('compose filler', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = '';
  });

  it('fills À, Objet, the body above the signature, and attaches the CV on the reference page', () => {
    document.write(referencePage);
    const signature = (document.querySelector('textarea') as HTMLTextAreaElement).value.trim();
    expect(fillCompose(document, fill)).toEqual({ filled: true, attached: true });
    expect((document.querySelector('[name="to"]') as HTMLInputElement).value).toBe('claire.roussel@example.com');
    expect((document.querySelector('[name="subject"]') as HTMLInputElement).value).toBe(fill.subject);
    const body = (document.querySelector('textarea') as HTMLTextAreaElement).value;
    expect(body.startsWith('Bonjour Madame ROUSSEL,')).toBe(true);
    expect(body.endsWith(signature)).toBe(true);
    const file = (document.querySelector('input[type="file"]') as HTMLInputElement).files?.[0];
    expect(file?.name).toBe('CV_Marie_DUPONT.pdf');
    // Cc stays empty: nobody else receives the profile.
    expect((document.querySelector('[name="cc"]') as HTMLInputElement).value).toBe('');
  });

  it('finds the fields by their labels when the markup and names change', () => {
    document.body.innerHTML = `<form>
      <div><label for="x1">DESTINATAIRES :</label><input id="x1" name="rcpt"></div>
      <div><label for="x2">Sujet</label><input id="x2" name="s"></div>
      <div><label for="x3">Message</label><textarea id="x3" name="b"></textarea></div></form>`;
    expect(fillCompose(document, { ...fill, attachment: undefined })).toEqual({ filled: true, attached: false });
    expect((document.getElementById('x1') as HTMLInputElement).value).toBe('claire.roussel@example.com');
    expect((document.getElementById('x2') as HTMLInputElement).value).toBe(fill.subject);
  });

  it('says in French when the form is not there, without touching the page', () => {
    document.body.innerHTML = '<p>Session expirée</p>';
    const outcome = fillCompose(document, fill);
    expect(outcome.filled).toBe(false);
    expect(!outcome.filled && outcome.reason).toContain("n'a pas été trouvé");
  });

  it('refuses a malformed fill command', () => {
    expect(() => parseComposeFill({ ...fill, to: ['pas une adresse'] })).toThrow('invalide');
    expect(() => parseComposeFill({ ...fill, subject: '' })).toThrow();
    expect(parseComposeFill(fill).to).toEqual(fill.to);
  });
});
