// « Proposer une sélection » in the background: consent checked again per profile at sending time, one promotion
// per profile (with its outbox row), one e-mail carrying every reference and the named profiles' CVs.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MailJob } from '@/lib/background/mail-queue';
import { saveReading } from '@/lib/background/tab-contexts';
import { findIdentifyingData } from '@/lib/domain/anonymity';
import { jobSeekerProfileSchema, type Establishment } from '@/lib/domain/legacy';
import { findReferences } from '@/lib/domain/reply-references';
import { addNeed, addToPool, createPromotion, openDb, pendingMutations, poolEntryFromProfile, rememberWithdrawals, type ProfilenceDb } from '@/lib/store';
import { readingOf } from './fixtures';

const cvFetches: { url: string; tabId: number }[] = [];
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: vi.fn(async (name: string, data: { url: string; fileName: string }, tabId: number) => {
    if (name !== 'cv.fetch') throw new Error(`unexpected ${name}`);
    cvFetches.push({ url: data.url, tabId });
    return { fileName: data.fileName, type: 'application/pdf', base64: 'JVBERi0=' };
  }),
}));
const { createShortlistService } = await import('@/lib/background/shortlist');

const ESTABLISHMENT_TAB = 1;
const MARIE_TAB = 2;
const SANDRINE_TAB = 3;
const SIRET = '73282932000074'; // LOGICIELS DU RHÔNE, contact claire.roussel@example.com
const WRITER = { counsellorId: 'paul.bernard', counsellorName: 'Paul BERNARD', agencyCode: '69031' };

const marieReading = readingOf('dossier-demandeur', 'dossier-1234567A');
const sandrineReading = readingOf('dossier-demandeur', 'dossier-7654321B');
const profileOf = (reading: typeof marieReading) => jobSeekerProfileSchema.parse((reading as { data: unknown }).data);

describe('shortlist in the background', () => {
  let db: ProfilenceDb;
  let jobs: MailJob[];
  let service: ReturnType<typeof createShortlistService>;
  let needId: string;
  const pool: Record<'marie' | 'sandrine' | 'karim', string> = { marie: '', sandrine: '', karim: '' };

  beforeEach(async () => {
    fakeBrowser.reset();
    cvFetches.length = 0;
    db = openDb(`test-${crypto.randomUUID()}`);
    jobs = [];
    service = createShortlistService(db, { enqueue: async (more) => void jobs.push(...more) });
    await saveReading(ESTABLISHMENT_TAB, readingOf('fiche-entreprise', 'etablissement-73282932000074'));
    await saveReading(MARIE_TAB, marieReading);
    await saveReading(SANDRINE_TAB, sandrineReading);
    const now = new Date(Date.now() - 60_000);
    needId = (await addNeed(db, { siret: SIRET, establishmentName: 'LOGICIELS DU RHÔNE', postcode: '69003', city: 'Lyon', rome: 'M1607', label: 'Assistante de direction' }, { ...WRITER, now })).id;
    pool.marie = (await addToPool(db, poolEntryFromProfile(profileOf(marieReading), 'Secrétariat, 4 ans.'), { ...WRITER, now })).id;
    pool.sandrine = (await addToPool(db, poolEntryFromProfile(profileOf(sandrineReading), 'Nettoyage, autonome.'), { ...WRITER, now })).id;
    // Known to the pool only (a colleague's recommendation; no file open here).
    pool.karim = (
      await addToPool(
        db,
        { ftId: '7777777X', firstName: 'Karim', mainRome: 'M1607', romeLabel: 'Secrétariat', postcode: '69100', city: 'Villeurbanne', pitch: 'Accueil, standard.', promotionConsent: { granted: true, since: '2026-01-05' } },
        { ...WRITER, now },
      )
    ).id;
  });

  const request = (picks: { poolEntryId: string; mode: 'named' | 'anonymous' }[]) => ({ establishmentTabId: ESTABLISHMENT_TAB, needId, picks });
  const threePicks = () =>
    request([
      { poolEntryId: pool.marie, mode: 'named' },
      { poolEntryId: pool.sandrine, mode: 'anonymous' },
      { poolEntryId: pool.karim, mode: 'anonymous' },
    ]);

  it('records one promotion per profile and queues one e-mail with every reference and the named CV', async () => {
    const outcome = await service.prepare(threePicks());
    expect(outcome).toMatchObject({ ok: true });
    if (!outcome.ok) return;
    const promotions = await Promise.all(outcome.promotionIds.map((id) => db.promotions.get(id)));
    expect(promotions.map((p) => [p!.jobSeeker.ftId, p!.mode, p!.status, p!.channel, p!.establishment.siret, p!.contact?.email])).toEqual([
      ['1234567A', 'named', 'draft', 'email', SIRET, 'claire.roussel@example.com'],
      ['7654321B', 'anonymous', 'draft', 'email', SIRET, 'claire.roussel@example.com'],
      ['7777777X', 'anonymous', 'draft', 'email', SIRET, 'claire.roussel@example.com'],
    ]);
    expect(new Set(promotions.map((p) => p!.reference)).size).toBe(3);
    expect((await pendingMutations(db)).filter((m) => m.name === 'promotion.create')).toHaveLength(3);

    expect(jobs).toHaveLength(1);
    const [mail] = jobs;
    expect(mail!.to).toEqual(['claire.roussel@example.com']);
    expect(findReferences(mail!.subject)).toEqual(promotions.map((p) => p!.reference));
    expect(mail!.promotionId).toBe(promotions[0]!.id);
    expect(mail!.alsoFor).toEqual(promotions.slice(1).map((p) => ({ promotionId: p!.id, reference: p!.reference })));
    expect(mail!.attachments?.map((a) => a.fileName)).toEqual(['CV_Marie_DUPONT.pdf']);
    expect(cvFetches).toEqual([{ url: 'http://dossiers.localhost/dossier/1234567A/cv', tabId: MARIE_TAB }]);
    expect(mail!.body).toContain('Marie DUPONT');

    // Each promotion keeps its own paragraph; the anonymous ones identify nobody.
    for (const p of promotions) expect(mail!.body).toContain(p!.pitch);
    expect(findIdentifyingData(promotions[1]!.pitch, profileOf(sandrineReading))).toEqual([]);
    expect(promotions[2]!.jobSeeker).toMatchObject({ firstName: 'Karim', lastName: '' });
    expect(promotions[2]!.pitch).not.toContain('Karim');
    // Consent evidence: the open file's words, or the pool's reading for a profile sent from the pool alone.
    expect(promotions[0]!.consentEvidence).toMatchObject({ pageKind: 'profile' });
    const karimEntry = await db.pool.get(pool.karim);
    expect(promotions[2]!.consentEvidence).toMatchObject({ pageKind: 'profile', readAt: karimEntry!.createdAt, date: '2026-01-05' });
  });

  it('takes out a profile whose consent was withdrawn since it entered the pool, naming it, and records nothing', async () => {
    await rememberWithdrawals(db, [{ ftId: '7777777X', at: new Date().toISOString() }]);
    const outcome = await service.prepare(threePicks());
    expect(outcome).toMatchObject({ ok: false, code: 'consent_changed', excluded: [{ poolEntryId: pool.karim, name: 'Karim' }] });
    expect(!outcome.ok && outcome.message).toMatch(/^Retiré de la sélection, jamais envoyé : Karim a retiré son consentement/);
    expect(await db.promotions.count()).toBe(0);
    expect(jobs).toHaveLength(0);

    // The counsellor confirms: the others go, without him.
    const rest = await service.prepare(request([{ poolEntryId: pool.marie, mode: 'named' }, { poolEntryId: pool.sandrine, mode: 'anonymous' }]));
    expect(rest).toMatchObject({ ok: true });
    expect(findReferences(jobs[0]!.subject)).toHaveLength(2);
    expect(jobs[0]!.body).not.toContain('Karim');
  });

  it('takes out a profile whose open file no longer grants consent, and one gone from the pool', async () => {
    await saveReading(
      SANDRINE_TAB,
      readingOf('dossier-demandeur', 'dossier-7654321B', (data) => {
        data.promotionConsent = { granted: false, reason: 'consent_unreadable' };
      }),
    );
    await db.pool.delete(pool.karim);
    const outcome = await service.prepare(threePicks());
    expect(outcome).toMatchObject({ ok: false, code: 'consent_changed' });
    expect(!outcome.ok && outcome.code === 'consent_changed' && outcome.excluded.map((e) => e.name)).toEqual(['Sandrine', 'Un profil']);
    expect(await db.promotions.count()).toBe(0);
  });

  it('refuses a named profile whose file is not open, and a sixth profile', async () => {
    const named = await service.prepare(request([{ poolEntryId: pool.karim, mode: 'named' }]));
    expect(named).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining('Ouvrez le dossier de Karim') });
    const six = Array.from({ length: 6 }, () => ({ poolEntryId: crypto.randomUUID(), mode: 'anonymous' as const }));
    expect(await service.prepare(request(six))).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining('au plus 5 profils') });
    expect(await db.promotions.count()).toBe(0);
  });

  describe('the 90-day rule, as for a single promotion', () => {
    const DAY = 86_400_000;
    const logiciels = () => (readingOf('fiche-entreprise', 'etablissement-73282932000074') as unknown as { data: Establishment }).data;
    /** Marie proposed to this establishment by Jeanne `daysAgo` days ago (her promotion only, drafted). */
    const proposedBefore = (daysAgo: number) =>
      createPromotion(
        db,
        { jobSeeker: profileOf(marieReading), establishment: logiciels(), mode: 'named', channel: 'email', pitch: 'Bonjour, Marie DUPONT…' },
        { counsellorId: 'jeanne.martin', counsellorName: 'Jeanne MARTIN', agencyCode: '69031', now: new Date(Date.now() - daysAgo * DAY) },
      );
    const marieAndSandrine = () =>
      request([
        { poolEntryId: pool.marie, mode: 'named' },
        { poolEntryId: pool.sandrine, mode: 'anonymous' },
      ]);

    it('warns, naming who was proposed when and by whom, and records nothing', async () => {
      const earlier = await proposedBefore(10);
      const tenDaysAgo = new Date(Date.now() - 10 * DAY).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
      const outcome = await service.prepare(marieAndSandrine());
      expect(outcome).toMatchObject({
        ok: false,
        code: 'duplicate',
        // The pool's name for her: her first name.
        duplicates: [{ poolEntryId: pool.marie, name: 'Marie', by: 'Jeanne MARTIN' }],
        message: expect.stringContaining(`Déjà proposé à LOGICIELS DU RHÔNE ces 90 derniers jours : Marie (le ${tenDaysAgo}, par Jeanne MARTIN)`),
      });
      expect(await db.promotions.count()).toBe(1);
      expect(jobs).toEqual([]);
      expect((await db.promotions.toArray()).map((p) => p.id)).toEqual([earlier.id]);
    });

    it('sends both once the counsellor confirms, and only the new one when sent without it', async () => {
      await proposedBefore(10);
      const anyway = await service.prepare({ ...marieAndSandrine(), acknowledgedDuplicates: true });
      expect(anyway).toMatchObject({ ok: true });
      expect(anyway.ok && anyway.promotionIds).toHaveLength(2);

      const without = await service.prepare(request([{ poolEntryId: pool.sandrine, mode: 'anonymous' }]));
      // Sandrine was just proposed too: the rule now names her.
      expect(without).toMatchObject({ ok: false, code: 'duplicate', duplicates: [{ poolEntryId: pool.sandrine }] });
    });

    it('says nothing for a proposal older than 90 days', async () => {
      await proposedBefore(91);
      expect(await service.prepare(marieAndSandrine())).toMatchObject({ ok: true });
    });
  });

  it('refuses a need that is no longer open', async () => {
    await db.needs.update(needId, { status: 'filled' });
    expect(await service.prepare(threePicks())).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining("n'est plus ouvert") });
  });
});
