// A job-seeker file read without consent purges what the store holds about that person, from the router.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onConsentRead } from '@/lib/background/consent-reading';
import { createPromotionService } from '@/lib/background/promotions';
import { registerMessageHandlers } from '@/lib/background/router';
import { saveReading } from '@/lib/background/tab-contexts';
import { pseudonymisedPromotion } from '@/lib/domain/consent';
import { CONSENT_UNREADABLE_MESSAGE, type RecognizedReadResult } from '@/lib/domain/legacy';
import { createPromotion, knownWithdrawal, openDb, pendingMutations, saveDraft, loadDraft, type ProfilenceDb } from '@/lib/store';
import { applyChanges, syncTables } from '@/lib/sync/apply';
import { jobSeekerProfileSchema, establishmentSchema } from '@/lib/domain/legacy';
import { readingOf } from './fixtures';

function deliver(type: string, data: unknown, sender: object): Promise<{ res?: unknown; err?: { message: string } }> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger({ id: 1, type, data, timestamp: Date.now() }, sender, resolve as (r: unknown) => void);
  });
}

describe('router: page readings and consent', () => {
  it('purges and queues the withdrawal when the file of a known job seeker shows no consent; leaves others alone', async () => {
    const db = openDb(`test-${crypto.randomUUID()}`);
    const granted = readingOf('dossier-demandeur', 'dossier-1234567A');
    const establishment = establishmentSchema.parse((readingOf('fiche-entreprise', 'etablissement-73282932000074') as { data: unknown }).data);
    const profile = jobSeekerProfileSchema.parse((granted as { data: unknown }).data);
    const promotion = await createPromotion(db, { jobSeeker: profile, establishment, mode: 'named', channel: 'email', pitch: 'Disponible.' }, { counsellorId: 'Jeanne MARTIN', agencyCode: '69031' });
    // The fake browser has no manifest: the content script of the job-seeker files, as built.
    fakeBrowser.runtime.getManifest = () =>
      ({ manifest_version: 3, name: 'Profilence', version: '0', content_scripts: [{ matches: ['http://dossiers.localhost/*'], js: ['content-scripts/dossier-demandeur.js'] }] }) as never;
    const tab = { id: fakeBrowser.runtime.id, url: 'http://dossiers.localhost/dossier/1234567A', tab: { id: 7 }, frameId: 0 };
    registerMessageHandlers(db);

    // Consent granted: nothing happens.
    expect((await deliver('page.read', granted, tab)).err).toBeUndefined();
    expect((await db.promotions.get(promotion.id))!.jobSeeker.lastName).toBe(profile.lastName);

    // The same file, now showing the consent withdrawn.
    const withdrawn = readingOf('dossier-demandeur', 'dossier-1234567A', (data) => {
      data.promotionConsent = { granted: false };
    });
    expect((await deliver('page.read', withdrawn, tab)).err).toBeUndefined();
    expect((await db.promotions.get(promotion.id))!.jobSeeker).toMatchObject({ firstName: '', lastName: '', ftId: expect.stringMatching(/^pseudo:/) });
    expect((await pendingMutations(db)).map((m) => m.name)).toEqual(['promotion.create', 'jobseeker.consentWithdrawn']);

    // A reading from a web page outside the legacy tools changes nothing.
    const other = await createPromotion(db, { jobSeeker: profile, establishment, mode: 'named', channel: 'email', pitch: 'Encore.' }, { counsellorId: 'Jeanne MARTIN', agencyCode: '69031' });
    expect((await deliver('page.read', withdrawn, { ...tab, url: 'https://evil.example/' })).err?.message).toBeDefined();
    expect((await db.promotions.get(other.id))!.jobSeeker.lastName).toBe(profile.lastName);
  });
});

const FILE_TAB = 1;
const ESTABLISHMENT_TAB = 2;
const SIRET = '73282932000074';
const FT_ID = '1234567A';
const at = (time: string) => new Date(`2026-11-20T${time}:00.000Z`);
const noMails = { enqueue: async () => undefined, queued: async () => undefined, replace: async () => false };

const fileReading = (consent: object, evidence?: object) =>
  ({ ...readingOf('dossier-demandeur', 'dossier-1234567A', (d) => (d.promotionConsent = consent)), ...(evidence ? { consentEvidence: evidence } : {}) }) as RecognizedReadResult;
const portfolio = (rows: { ftId: string; consent: boolean; reason?: string }[]) =>
  ({
    url: 'http://dossiers.localhost/portefeuille',
    recognized: true,
    tool: 'dossier-demandeur',
    page: 'portfolio',
    missing: [],
    data: rows.map((r) => ({ ftId: r.ftId, lastName: 'DUPONT', firstName: 'Marie', promotionConsent: r.consent, ...(r.reason ? { promotionConsentReason: r.reason } : {}), url: `http://dossiers.localhost/dossier/${r.ftId}` })),
  }) as RecognizedReadResult;

describe('consent readings: refusal, unreadable, portfolio, stale readings', () => {
  let db: ProfilenceDb;
  const profile = jobSeekerProfileSchema.parse((readingOf('dossier-demandeur', 'dossier-1234567A') as { data: unknown }).data);
  const establishment = establishmentSchema.parse((readingOf('fiche-entreprise', 'etablissement-73282932000074') as { data: unknown }).data);
  const promote = () => createPromotion(db, { jobSeeker: profile, establishment, mode: 'named', channel: 'email', pitch: 'Disponible.' }, { counsellorId: 'Jeanne MARTIN', agencyCode: '69031' });
  const names = async () => (await db.promotions.toArray()).map((p) => p.jobSeeker.lastName);

  beforeEach(async () => {
    fakeBrowser.reset();
    db = openDb(`test-${crypto.randomUUID()}`);
    await saveReading(ESTABLISHMENT_TAB, readingOf('fiche-entreprise', 'etablissement-73282932000074'));
  });

  it('an unreadable consent purges nothing and queues nothing', async () => {
    await promote();
    await onConsentRead(db, fileReading({ granted: false, reason: 'consent_unreadable' }), at('10:00').toISOString(), at('10:00'));
    expect(await names()).toEqual(['DUPONT']);
    expect((await pendingMutations(db)).map((m) => m.name)).toEqual(['promotion.create']);
    expect(await knownWithdrawal(db, FT_ID)).toBeUndefined();
  });

  it('a refusal on the file is told to the server once, even when nothing is held about the person', async () => {
    await onConsentRead(db, fileReading({ granted: false }), at('10:00').toISOString(), at('10:00'));
    await onConsentRead(db, fileReading({ granted: false }), at('10:05').toISOString(), at('10:05'));
    const pending = await pendingMutations(db);
    expect(pending.map((m) => [m.name, m.args])).toEqual([['jobseeker.consentWithdrawn', { ftId: FT_ID, at: at('10:00').toISOString() }]]);
  });

  it('a portfolio row showing no consent purges a person this install holds records of, not an unreadable row nor a stranger', async () => {
    await promote();
    await onConsentRead(db, portfolio([{ ftId: FT_ID, consent: false, reason: 'consent_unreadable' }, { ftId: '7654321B', consent: false }]), at('10:00').toISOString(), at('10:00'));
    expect(await names()).toEqual(['DUPONT']);
    expect((await pendingMutations(db)).map((m) => m.name)).toEqual(['promotion.create']);

    await onConsentRead(db, portfolio([{ ftId: FT_ID, consent: false }]), at('10:01').toISOString(), at('10:01'));
    expect(await names()).toEqual(['']);
    expect((await pendingMutations(db)).map((m) => m.name)).toEqual(['promotion.create', 'jobseeker.consentWithdrawn']);
  });

  it('refuses a promotion from a reading older than the withdrawal, until a later reading grants consent again', async () => {
    const service = createPromotionService(db, noMails);
    const request = { jobSeekerTabId: FILE_TAB, ftId: FT_ID, targets: [{ siret: SIRET }], mode: 'named' as const, channel: 'phone' as const };
    const shown = { wording: 'Autorisée depuis le 12/03/2025', date: '2025-03-12' };
    // The file was read granted at 09:00 in one tab; at 10:00 another tab shows the consent withdrawn.
    await saveReading(FILE_TAB, fileReading({ granted: true, since: '2025-03-12' }, shown), at('09:00'));
    await saveDraft(db, { ftId: FT_ID, selectedSirets: [SIRET], mode: 'named', channel: 'email', pitch: 'Marie DUPONT…', pitchEdited: true, contactBySiret: {} });
    await onConsentRead(db, fileReading({ granted: false }), at('10:00').toISOString(), at('10:00'));

    const stale = await service.recordContact(request);
    expect(stale).toMatchObject({ ok: false, code: 'consent_missing' });
    expect(!stale.ok && stale.message).toContain('a été retiré depuis la lecture de son dossier');
    // The stale tab read again, still showing the old consent date: still refused, and its draft is gone.
    const again = await saveReading(FILE_TAB, fileReading({ granted: true, since: '2025-03-12' }, shown), at('10:30'));
    await onConsentRead(db, again.result as RecognizedReadResult, again.readAt);
    expect(await loadDraft(db, FT_ID)).toBeUndefined();
    expect(await service.recordContact(request)).toMatchObject({ ok: false, code: 'consent_missing' });

    // The file now shows consent given again today: accepted, with its evidence.
    const renewed = { wording: 'Oui, depuis le 20/11/2026', date: '2026-11-20' };
    const fresh = await saveReading(FILE_TAB, fileReading({ granted: true, since: '2026-11-20' }, renewed), at('11:00'));
    await onConsentRead(db, fresh.result as RecognizedReadResult, fresh.readAt);
    const outcome = await service.recordContact(request);
    expect(outcome).toMatchObject({ ok: true });
    const [promotion] = await db.promotions.toArray();
    expect(promotion!.consentEvidence).toEqual({ wording: 'Oui, depuis le 20/11/2026', date: '2026-11-20', pageKind: 'profile', readAt: at('11:00').toISOString() });
    const created = (await pendingMutations(db)).find((m) => m.name === 'promotion.create')!;
    expect((created.args as { consentEvidence?: unknown }).consentEvidence).toEqual(promotion!.consentEvidence);
  });

  it('refuses a promotion on an unreadable consent with the exact message', async () => {
    const service = createPromotionService(db, noMails);
    await saveReading(FILE_TAB, fileReading({ granted: false, reason: 'consent_unreadable' }));
    const outcome = await service.recordContact({ jobSeekerTabId: FILE_TAB, ftId: FT_ID, targets: [{ siret: SIRET }], mode: 'named', channel: 'phone' });
    expect(outcome).toEqual({ ok: false, code: 'consent_missing', message: `${CONSENT_UNREADABLE_MESSAGE}.` });
    expect(await db.promotions.count()).toBe(0);
  });

  it("remembers a colleague's withdrawal pulled from the server and refuses an older reading", async () => {
    const service = createPromotionService(db, noMails);
    const mine = await promote();
    await saveReading(FILE_TAB, fileReading({ granted: true, since: '2025-03-12' }, { wording: 'Autorisée depuis le 12/03/2025' }), new Date(Date.now() - 60_000));
    const { status: _s, sentAt: _t, lastEventAt: _l, ...record } = mine;
    const pulled = pseudonymisedPromotion(record, `pseudo:${'a'.repeat(64)}`);
    await db.transaction('rw', syncTables(db), async () => {
      await applyChanges(db, [{ entity: 'promotion', id: mine.id, version: 3, deleted: false, data: pulled }], 1);
    });
    expect(await knownWithdrawal(db, FT_ID)).toBeDefined();
    const outcome = await service.recordContact({ jobSeekerTabId: FILE_TAB, ftId: FT_ID, targets: [{ siret: SIRET }], mode: 'named', channel: 'phone', acknowledgedDuplicates: true });
    expect(outcome).toMatchObject({ ok: false, code: 'consent_missing' });
  });
});
