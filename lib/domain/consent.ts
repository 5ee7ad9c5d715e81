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
