// A job-seeker file read without consent purges what the store holds about that person, from the router.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerMessageHandlers } from '@/lib/background/router';
import { createPromotion, openDb, pendingMutations } from '@/lib/store';
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
