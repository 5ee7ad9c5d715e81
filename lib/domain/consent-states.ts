/**
 * The three readings of a job seeker's promotion consent, without zod: the readers (bundled into the content
 * scripts, which must stay small) import these, the schemas in `legacy.ts` build on them.
 */

/**
 * Consent the reader could not establish beyond doubt (value missing, signals that disagree, unknown wording):
 * not granted, and not a refusal either (it never triggers the withdrawal purge).
 */
export const CONSENT_UNREADABLE = 'consent_unreadable' as const;
export const CONSENT_UNREADABLE_MESSAGE = 'Consentement illisible sur cette page : vérifiez le dossier avant toute promotion';

export const isConsentUnreadable = (consent: { granted: boolean; reason?: string }) =>
  !consent.granted && consent.reason === CONSENT_UNREADABLE;
/** The page says no beyond doubt: the only reading that starts the withdrawal purge. */
export const isConsentRefused = (consent: { granted: boolean; reason?: string }) => !consent.granted && consent.reason === undefined;
