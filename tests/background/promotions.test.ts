// The background's promotion commands: consent, duplicates and e-mails, whatever the panel sent.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MailJob } from '@/lib/background/mail-queue';
import { createPromotionService } from '@/lib/background/promotions';
import { saveReading } from '@/lib/background/tab-contexts';
import { openDb, pendingMutations, type ProfilenceDb } from '@/lib/store';
import { readingOf } from './fixtures';

const FILE_TAB = 1;
const ESTABLISHMENT_TAB = 2;
const SIRET = '73282932000074';

function fakeMailQueue() {
  const jobs: MailJob[] = [];
  return {
    jobs,
    queue: {
      enqueue: async (more: MailJob[]) => void jobs.push(...more),
      pending: async () => jobs,
      onWebmailPage: async () => undefined,
      clear: async () => void jobs.splice(0),
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
    const outcome = await service.prepare({ jobSeekerTabId: FILE_TAB, targets: [{ siret: SIRET }], mode: 'anonymous' });
    expect(outcome).toMatchObject({ ok: false, code: 'consent_missing' });
    expect(!outcome.ok && outcome.message).toContain("n'a pas autorisé");
    expect(await db.promotions.count()).toBe(0);
    expect(mails.jobs).toHaveLength(0);
  });

  it('records the promotion with its outbox row and queues one e-mail to the contact with an e-mail', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A'));
    const outcome = await service.prepare({ jobSeekerTabId: FILE_TAB, targets: [{ siret: SIRET }], mode: 'anonymous' });
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
    const request = { jobSeekerTabId: FILE_TAB, targets: [{ siret: SIRET }], mode: 'anonymous' as const };
    expect((await service.prepare(request)).ok).toBe(true);
    const again = await service.prepare(request);
    expect(again).toMatchObject({ ok: false, code: 'duplicate' });
    expect(!again.ok && again.duplicates?.[0]?.name).toBe('LOGICIELS DU RHÔNE');
    expect(await service.prepare({ ...request, acknowledgedDuplicates: true })).toMatchObject({ ok: true });
    expect(await db.promotions.count()).toBe(2);
  });

  it('records a phone promotion as sent at once', async () => {
    await saveReading(FILE_TAB, readingOf('dossier-demandeur', 'dossier-1234567A'));
    const outcome = await service.recordContact({ jobSeekerTabId: FILE_TAB, targets: [{ siret: SIRET }], mode: 'named', channel: 'phone' });
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
    const outcome = await service.prepare({ jobSeekerTabId: FILE_TAB, targets: [{ siret: '35600000009075' }], mode: 'anonymous' });
    expect(outcome).toMatchObject({ ok: false, code: 'invalid' });
    expect(await db.promotions.count()).toBe(0);
  });

  it('says so when the job-seeker file is no longer open', async () => {
    const outcome = await service.prepare({ jobSeekerTabId: 99, targets: [{ siret: SIRET }], mode: 'named' });
    expect(outcome).toMatchObject({ ok: false, code: 'not_found' });
  });
});
