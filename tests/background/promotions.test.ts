// The background's promotion commands: consent, duplicates and e-mails, whatever the panel sent.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MailJob } from '@/lib/background/mail-queue';
import { createPromotionService } from '@/lib/background/promotions';
import { saveReading } from '@/lib/background/tab-contexts';
import { loadDraft, openDb, pendingMutations, saveDraft, setMeta, type ProfilenceDb } from '@/lib/store';
import { SYNC_META } from '@/lib/sync/keys';
import { readingOf } from './fixtures';

const FILE_TAB = 1;
const ESTABLISHMENT_TAB = 2;
const SIRET = '73282932000074';
const LA_POSTE = '35600000009075';
const MARIE = '1234567A';

function fakeMailQueue() {
  const jobs: MailJob[] = [];
  return {
    jobs,
    queue: {
      enqueue: async (more: MailJob[]) => void jobs.push(...more),
      queued: async (promotionId: string) => jobs.find((j) => j.promotionId === promotionId),
      replace: async (promotionId: string, job: MailJob | undefined) => {
        const index = jobs.findIndex((j) => j.promotionId === promotionId);
        if (index < 0) return false;
        if (job) jobs[index] = job;
        else jobs.splice(index, 1);
        return true;
      },
    },
  };
}

describe('promotion commands in the background', () => {
  let db: ProfilenceDb;
  let mails: ReturnType<typeof fakeMailQueue>;
  let service: ReturnType<typeof createPromotionService>;

  beforeEach(async () => {
    fakeBrowser.reset();
    db = openDb(`test-${crypto.randomUUID()}`);
    mails = fakeMailQueue();
    service = createPromotionService(db, mails.queue);
    await saveReading(ESTABLISHMENT_TAB, readingOf('fiche-entreprise', 'etablissement-73282932000074'));
  });

  it('refuses a job seeker who has not authorised promotion, even if the panel asks', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-12345678901'));
    const outcome = await service.prepare({ jobSeekerTabId: FILE_TAB, ftId: '12345678901', targets: [{ siret: SIRET }], mode: 'anonymous' });
    expect(outcome).toMatchObject({ ok: false, code: 'consent_missing' });
    expect(!outcome.ok && outcome.message).toContain("n'a pas autorisé");
    expect(await db.promotions.count()).toBe(0);
    expect(mails.jobs).toHaveLength(0);
  });

  it('records the promotion with its outbox row and queues one e-mail to the contact with an e-mail', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A'));
    const outcome = await service.prepare({ jobSeekerTabId: FILE_TAB, ftId: MARIE, targets: [{ siret: SIRET }], mode: 'anonymous' });
    expect(outcome).toMatchObject({ ok: true, mailsQueued: 1 });
    const [promotion] = await db.promotions.toArray();
    expect(promotion).toMatchObject({ status: 'draft', mode: 'anonymous', channel: 'email', agencyCode: '69031' });
    expect((await pendingMutations(db)).map((m) => m.name)).toEqual(['promotion.create']);
    expect(mails.jobs[0]!.to).toEqual(['claire.roussel@example.com']);
    expect(mails.jobs[0]!.subject).toContain(promotion!.reference);
    expect(mails.jobs[0]!.body).not.toContain('DUPONT');
    expect(mails.jobs[0]!.attachment).toBeUndefined();
  });

  it('warns before proposing the same profile to the same establishment within 90 days', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A'));
    const request = { jobSeekerTabId: FILE_TAB, ftId: MARIE, targets: [{ siret: SIRET }], mode: 'anonymous' as const };
    await setMeta(db, SYNC_META.identity, { sub: 'jeanne.martin', agencyCode: '69031', name: 'Jeanne MARTIN', roles: [] });
    expect((await service.prepare(request)).ok).toBe(true);
    const again = await service.prepare(request);
    expect(again).toMatchObject({ ok: false, code: 'duplicate' });
    expect(!again.ok && again.duplicates?.[0]?.name).toBe('LOGICIELS DU RHÔNE');
    // Who proposed it, by the name the counsellors know, not the account's identifier.
    expect(!again.ok && again.duplicates?.[0]?.by).toBe('Jeanne MARTIN');
    expect(await service.prepare({ ...request, acknowledgedDuplicates: true })).toMatchObject({ ok: true });
    expect(await db.promotions.count()).toBe(2);
  });

  it('records a phone promotion as sent at once', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A'));
    const outcome = await service.recordContact({ jobSeekerTabId: FILE_TAB, ftId: MARIE, targets: [{ siret: SIRET }], mode: 'named', channel: 'phone' });
    expect(outcome).toMatchObject({ ok: true, mailsQueued: 0 });
    const [promotion] = await db.promotions.toArray();
    expect(promotion).toMatchObject({ status: 'sent', channel: 'phone' });
    expect(mails.jobs).toHaveLength(0);
  });

  it('refuses an establishment without any contact e-mail for an e-mail promotion', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A'));
    await saveReading(
      3,
      readingOf('fiche-entreprise', 'etablissement-35600000009075', (data) => {
        for (const c of data.contacts) delete c.email;
      }),
    );
    const outcome = await service.prepare({ jobSeekerTabId: FILE_TAB, ftId: MARIE, targets: [{ siret: LA_POSTE }], mode: 'anonymous' });
    expect(outcome).toMatchObject({ ok: false, code: 'invalid' });
    expect(await db.promotions.count()).toBe(0);
  });

  it('says so when the job-seeker file is no longer open', async () => {
    const outcome = await service.prepare({ jobSeekerTabId: 99, ftId: MARIE, targets: [{ siret: SIRET }], mode: 'named' });
    expect(outcome).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('refuses a form that belongs to another file than the one the tab now shows', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-7654321B'));
    const outcome = await service.prepare({ jobSeekerTabId: FILE_TAB, ftId: MARIE, targets: [{ siret: SIRET }], mode: 'anonymous' });
    expect(outcome).toMatchObject({ ok: false, code: 'not_found' });
    expect(!outcome.ok && outcome.message).toContain('autre demandeur');
    expect(await db.promotions.count()).toBe(0);
  });

  it('records the job of this file only, and writes it into the e-mail', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-7654321B'));
    // K2204 is Sandrine's main job; M1607 is Marie's, not hers.
    const wrong = await service.prepare({ jobSeekerTabId: FILE_TAB, ftId: '7654321B', targets: [{ siret: SIRET }], mode: 'anonymous', rome: 'M1607' });
    expect(wrong).toMatchObject({ ok: false, code: 'invalid' });
    expect(await db.promotions.count()).toBe(0);
    const right = await service.prepare({ jobSeekerTabId: FILE_TAB, ftId: '7654321B', targets: [{ siret: SIRET }], mode: 'anonymous' });
    expect(right.ok).toBe(true);
    const [promotion] = await db.promotions.toArray();
    expect(promotion!.rome).toBe('K2204');
    expect(mails.jobs[0]!.body).toMatch(/pour un poste dans le domaine « [^»]+ » au sein de LOGICIELS DU RHÔNE\./);
  });

  it('writes each establishment its own e-mail from one edited template', async () => {
    // No CV to fetch here (the content script that fetches it is not running).
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A', (data) => delete data.cv));
    await saveReading(3, readingOf('fiche-entreprise', 'etablissement-35600000009075', (data) => {
      data.contacts[0].email = 'p.chauvin@example.com';
    }));
    const editedTemplate = '[Salutation]\n\nJe vous propose Marie DUPONT pour [Établissement].\nElle peut commencer lundi.\nBien cordialement,';
    const outcome = await service.prepare({
      jobSeekerTabId: FILE_TAB,
      ftId: MARIE,
      targets: [{ siret: SIRET, contactIndex: 1 }, { siret: LA_POSTE }],
      mode: 'named',
      editedTemplate,
    });
    expect(outcome).toMatchObject({ ok: true, mailsQueued: 2 });
    const [logiciels, poste] = mails.jobs;
    expect(logiciels!.to).toEqual(['o.garnier@example.com']);
    expect(logiciels!.body).toBe('Bonjour Monsieur GARNIER,\n\nJe vous propose Marie DUPONT pour LOGICIELS DU RHÔNE.\nElle peut commencer lundi.\nBien cordialement,');
    expect(poste!.to).toEqual(['p.chauvin@example.com']);
    expect(poste!.body).toBe('Bonjour Monsieur CHAUVIN,\n\nJe vous propose Marie DUPONT pour LA POSTE.\nElle peut commencer lundi.\nBien cordialement,');
    expect(logiciels!.subject).not.toBe(poste!.subject);
    // What is recorded is what each establishment received.
    const pitches = (await db.promotions.toArray()).map((p) => p.pitch).sort();
    expect(pitches).toEqual([logiciels!.body, poste!.body].sort());
  });

  it('refuses an anonymous text that names or reaches the job seeker, saying what to remove, and records nothing', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A'));
    for (const [leak, what] of [
      ['Marie est disponible.', 'le prénom'],
      ['Mme Dupont est disponible.', 'le nom'],
      ['Écrivez-lui : marie.dupont@example.fr', "l'adresse électronique"],
      ['Joignable au 06-12-34-56-78.', 'le numéro de téléphone'],
      ['Joignable au +33 (0)6 12 34 56 78.', 'le numéro de téléphone'],
      ['Dossier 1234567A.', "l'identifiant France Travail"],
      ['Elle habite 8 rue Paul Bert.', "l'adresse postale"],
    ]) {
      const outcome = await service.prepare({
        jobSeekerTabId: FILE_TAB,
        ftId: MARIE,
        targets: [{ siret: SIRET }],
        mode: 'anonymous',
        editedTemplate: `[Salutation]\n\nJe vous présente une candidate pour [Établissement]. ${leak}`,
      });
      expect(outcome, leak).toMatchObject({ ok: false, code: 'invalid' });
      expect(!outcome.ok && outcome.message, leak).toMatch(/^Message anonyme : retirez .+ avant l'envoi\.$/);
      expect(!outcome.ok && outcome.message, leak).toContain(what);
    }
    expect(await db.promotions.count()).toBe(0);
    expect(mails.jobs).toHaveLength(0);
  });

  it('drops the file’s draft once the promotion is made', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A'));
    await saveDraft(db, { ftId: MARIE, selectedSirets: [SIRET], mode: 'named', channel: 'email', pitch: 'x', pitchEdited: false, contactBySiret: {} });
    await service.recordContact({ jobSeekerTabId: FILE_TAB, ftId: MARIE, targets: [{ siret: SIRET }], mode: 'named', channel: 'phone' });
    expect(await loadDraft(db, MARIE)).toBeUndefined();
  });

  it('edits a draft through promotion.update and rewrites its waiting e-mail', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A'));
    await service.prepare({ jobSeekerTabId: FILE_TAB, ftId: MARIE, targets: [{ siret: SIRET }], mode: 'anonymous' });
    const [promotion] = await db.promotions.toArray();
    const contact = { name: 'Olivier GARNIER', email: 'o.garnier@example.com' };
    const pitch = 'Bonjour Monsieur GARNIER,\n\nUne candidate pour votre service.';
    const outcome = await service.edit({ promotionId: promotion!.id, changes: { contact, pitch } });
    expect(outcome).toEqual({ ok: true });
    expect(await db.promotions.get(promotion!.id)).toMatchObject({ contact, pitch });
    const update = (await pendingMutations(db)).find((m) => m.name === 'promotion.update');
    expect(update?.args).toMatchObject({ id: promotion!.id, changes: { contact, pitch } });
    expect(mails.jobs[0]).toMatchObject({ to: ['o.garnier@example.com'], body: pitch });

    // Anonymous stays anonymous when edited.
    const leak = await service.edit({ promotionId: promotion!.id, changes: { pitch: 'Marie DUPONT, 06 12 34 56 78' } });
    expect(leak).toMatchObject({ ok: false, code: 'invalid' });
    expect((await db.promotions.get(promotion!.id))!.pitch).toBe(pitch);

    // Another channel: the e-mail no longer waits.
    expect(await service.edit({ promotionId: promotion!.id, changes: { channel: 'phone' } })).toEqual({ ok: true });
    expect(mails.jobs).toHaveLength(0);
  });

  it('only lets the contact change once the promotion is sent', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A'));
    await service.recordContact({ jobSeekerTabId: FILE_TAB, ftId: MARIE, targets: [{ siret: SIRET }], mode: 'named', channel: 'phone' });
    const [promotion] = await db.promotions.toArray();
    const refused = await service.edit({ promotionId: promotion!.id, changes: { pitch: 'Autre texte' } });
    expect(refused).toMatchObject({ ok: false, code: 'not_editable' });
    expect(!refused.ok && refused.message).toContain("seul l'interlocuteur");
    const contact = { name: 'Olivier GARNIER', email: 'o.garnier@example.com' };
    expect(await service.edit({ promotionId: promotion!.id, changes: { contact } })).toEqual({ ok: true });
    expect((await db.promotions.get(promotion!.id))!.contact).toEqual(contact);
  });
});
