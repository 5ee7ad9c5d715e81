/**
 * A promotion after its job seeker withdrew their consent (docs/privacy.md): names and pitch emptied, the ftId
 * replaced by a pseudonym, free notes of its events effaced (they may name the person). The establishment and
 * its contact are the employer's and stay; dates, outcomes and the job (ROME) stay for the statistics. The same
 * rule on the server (keyed-hash pseudonym) and in the extension (local pseudonym until the server's arrives).
 */
export const EFFACED_NOTE = 'Note effacée : consentement du demandeur retiré.';

export const isPseudonym = (ftId: string) => ftId.startsWith('pseudo:');

/** An event of a pseudonymised promotion keeps its type, date and reason; its note is effaced. */
export function scrubEvent<E extends { note?: string }>(event: E): E {
  return event.note === undefined ? event : { ...event, note: EFFACED_NOTE };
}

interface PromotionLike {
  jobSeeker?: { mainRome?: unknown } & Record<string, unknown>;
  pitch?: unknown;
  events?: readonly { note?: string }[];
}

export function pseudonymisedPromotion<P extends PromotionLike>(promotion: P, pseudonym: string): P {
  const mainRome = promotion.jobSeeker?.mainRome;
  return {
    ...promotion,
    jobSeeker: {
      ftId: pseudonym,
      firstName: '',
      lastName: '',
      ...(typeof mainRome === 'string' ? { mainRome } : {}),
      promotionConsent: { granted: false },
    },
    pitch: '',
    events: (promotion.events ?? []).map(scrubEvent),
  };
}

export const isPseudonymised = (promotion: PromotionLike) =>
  typeof promotion.jobSeeker?.ftId === 'string' && isPseudonym(promotion.jobSeeker.ftId);

/**
 * After a withdrawal, a reading of the file shows consent granted again only when it was made after the
 * withdrawal and the date of consent it shows (if any) is not older than the withdrawal's day: a tab read
 * before the withdrawal, or a file still showing the old consent date, is stale. One rule for the extension
 * (lib/store/consent.ts, lib/background) and the server (server/sync).
 */
export function consentReadAfter(withdrawnAt: string, reading: { readAt: string; since?: string }): boolean {
  const withdrawn = Date.parse(withdrawnAt);
  if (!(Date.parse(reading.readAt) > withdrawn)) return false;
  return reading.since === undefined || reading.since >= new Date(withdrawn).toISOString().slice(0, 10);
}

/**
 * A promotion made after the withdrawal on a reading of the file older than it: its evidence says so. A promotion
 * without evidence (older extensions) is judged by its creation date alone; one written before the withdrawal is
 * the withdrawal's business (pseudonymised), not refused.
 */
export function readBeforeWithdrawal(
  promotion: { createdAt: string; consentEvidence?: { readAt: string }; jobSeeker: { promotionConsent: { since?: string } } },
  withdrawnAt: string,
): boolean {
  const evidence = promotion.consentEvidence;
  if (!evidence || Date.parse(promotion.createdAt) <= Date.parse(withdrawnAt)) return false;
  const since = promotion.jobSeeker.promotionConsent.since;
  return !consentReadAfter(withdrawnAt, { readAt: evidence.readAt, ...(since ? { since } : {}) });
}

export const STALE_CONSENT_MESSAGE =
  'Le consentement de ce demandeur a été retiré depuis la lecture de son dossier : rechargez le dossier et vérifiez le consentement avant toute promotion.';
