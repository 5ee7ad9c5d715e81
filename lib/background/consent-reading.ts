/**
 * What a reading of the job-seeker tool says about consent, acted on at once (docs/privacy.md):
 * - a file that clearly refuses it: whatever is held about the person is purged and the withdrawal queued
 *   (once, even when nothing is held, so the server refuses colleagues' stale readings);
 * - a portfolio row that clearly refuses it, for a person this install holds records of: the same purge;
 * - a file that grants it again after a withdrawal this install knows of: the withdrawal is forgotten;
 * - an unreadable consent (`consent_unreadable`) is never a refusal: it purges nothing.
 */
import { isConsentRefused, type RecognizedReadResult } from '@/lib/domain/legacy';
import { deleteDraft, forgetWithdrawal, isStaleConsent, refusalSeen, withdrawConsent, type ProfilenceDb } from '@/lib/store';

export async function onConsentRead(db: ProfilenceDb, result: RecognizedReadResult, readAt: string, now: Date = new Date()): Promise<void> {
  if (result.page === 'profile') {
    const { ftId, promotionConsent } = result.data;
    if (isConsentRefused(promotionConsent)) {
      await refusalSeen(db, ftId, now);
    } else if (promotionConsent.granted) {
      const reading = { readAt, ...(promotionConsent.since ? { since: promotionConsent.since } : {}) };
      // A reading older than a known withdrawal acts on nothing, and its draft (which names the person) goes.
      if (await isStaleConsent(db, ftId, reading)) await deleteDraft(db, ftId);
      else await forgetWithdrawal(db, ftId, reading);
    }
    return;
  }
  if (result.page === 'portfolio') {
    for (const entry of result.data) {
      if (entry.promotionConsent || entry.promotionConsentReason) continue;
      // Only people this install holds records of: a portfolio lists many who never consented.
      const held =
        (await db.promotions.where('jobSeeker.ftId').equals(entry.ftId).count()) > 0 ||
        (await db.pool.where('ftId').equals(entry.ftId).count()) > 0;
      if (held) await withdrawConsent(db, entry.ftId, now);
    }
  }
}
