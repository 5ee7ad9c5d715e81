/**
 * What the legacy pages give (docs/domain.md), as readers return it. Optional fields are
 * absent, never null; an array with nothing shown is `[]`.
 */
import * as z from 'zod';
import { CONSENT_UNREADABLE } from './consent-states';
import {
  agencyCodeSchema,
  contractTypeSchema,
  emailSchema,
  ftIdSchema,
  isoDateSchema,
  nafSchema,
  phoneSchema,
  postcodeSchema,
  qualificationCodeSchema,
  romeSchema,
  siretSchema,
} from './formats';

const text = (what: string) => z.string({ error: `${what} : texte attendu` }).trim().min(1, { error: `${what} : valeur vide` });
const absoluteUrl = z.url({ error: 'Lien invalide : adresse absolue attendue' });
const civilitySchema = z.enum(['M.', 'Mme'], { error: 'Civilité invalide : M. ou Mme attendu' });

export const LEGACY_TOOLS = ['dossier-demandeur', 'fiche-entreprise', 'messagerie'] as const;
export type LegacyTool = (typeof LEGACY_TOOLS)[number];
export const PAGE_KINDS = ['portfolio', 'profile', 'search', 'establishment', 'compose', 'sent', 'inbox', 'message'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** The signed-in counsellor named by the banner of tools 1 and 2. */
export const agentSchema = z.object({
  name: text('Nom du conseiller'),
  agencyCode: agencyCodeSchema.optional(),
  agencyName: text("Nom de l'agence").optional(),
});
export type Agent = z.infer<typeof agentSchema>;

export const targetJobSchema = z.object({ rome: romeSchema, label: text('Libellé du métier'), main: z.boolean() });
export type TargetJob = z.infer<typeof targetJobSchema>;

export { CONSENT_UNREADABLE, CONSENT_UNREADABLE_MESSAGE, isConsentRefused, isConsentUnreadable } from './consent-states';
const consentReasonSchema = z.literal(CONSENT_UNREADABLE, { error: 'Motif de consentement inconnu' });

/**
 * `{granted: true, since?}` the page grants it; `{granted: false}` the page clearly refuses it;
 * `{granted: false, reason: 'consent_unreadable'}` the page does not say it beyond doubt.
 */
export const promotionConsentSchema = z
  .object({ granted: z.boolean(), since: isoDateSchema.optional(), reason: consentReasonSchema.optional() })
  .refine((c) => c.granted || c.since === undefined, { error: 'Un refus de promotion ne peut pas avoir de date' })
  .refine((c) => !c.granted || c.reason === undefined, { error: 'Un consentement illisible ne peut pas être accordé' });
export type PromotionConsent = z.infer<typeof promotionConsentSchema>;


/** How the consent was shown on the page: the wording as read, and the first date shown with it. */
export const consentShownSchema = z.object({
  wording: z.string().trim().min(1).max(300),
  date: isoDateSchema.optional(),
});
export type ConsentShown = z.infer<typeof consentShownSchema>;

export const jobSeekerProfileSchema = z.object({
  ftId: ftIdSchema,
  civility: civilitySchema.optional(),
  lastName: text('Nom'),
  firstName: text('Prénom'),
  email: emailSchema.optional(),
  phones: z.array(phoneSchema),
  address: z.object({ postcode: postcodeSchema, city: text('Commune') }).optional(),
  promotionConsent: promotionConsentSchema,
  targetJobs: z
    .array(targetJobSchema)
    .refine((jobs) => jobs.length === 0 || jobs.filter((j) => j.main).length === 1, {
      error: 'Métiers recherchés : un seul métier principal attendu',
    }),
  skills: z.array(text('Savoir-faire')),
  softSkills: z.array(text('Savoir-être')),
  qualification: z.object({ code: qualificationCodeSchema, label: text('Qualification') }).optional(),
  experienceYears: z.number().min(0, { error: 'Expérience : nombre d’années positif attendu' }).optional(),
  drivingLicences: z.array(z.string().regex(/^[A-Z][A-Z0-9]{0,2}$/, { error: 'Permis de conduire : code attendu (B, C, CE…)' })),
  mobility: z.object({ radiusKm: z.number().min(0).optional(), vehicle: z.boolean().optional() }).optional(),
  availability: z.object({ immediate: z.boolean(), from: isoDateSchema.optional() }).optional(),
  contractTypes: z.array(contractTypeSchema),
  cv: z.object({ url: absoluteUrl, fileName: text('Nom du fichier du CV') }).optional(),
});
export type JobSeekerProfile = z.infer<typeof jobSeekerProfileSchema>;

export const portfolioEntrySchema = z
  .object({
    ftId: ftIdSchema,
    lastName: text('Nom'),
    firstName: text('Prénom'),
    mainRome: romeSchema.optional(),
    promotionConsent: z.boolean(),
    /** Present when the row's consent could not be read beyond doubt (then `promotionConsent` is false). */
    promotionConsentReason: consentReasonSchema.optional(),
    url: absoluteUrl,
  })
  .refine((e) => !e.promotionConsent || e.promotionConsentReason === undefined, {
    error: 'Un consentement illisible ne peut pas être accordé',
  });
export type PortfolioEntry = z.infer<typeof portfolioEntrySchema>;

export const establishmentContactSchema = z.object({
  civility: civilitySchema.optional(),
  lastName: text("Nom de l'interlocuteur"),
  firstName: text("Prénom de l'interlocuteur").optional(),
  role: text('Fonction').optional(),
  email: emailSchema.optional(),
  phone: phoneSchema.optional(),
});
export type EstablishmentContact = z.infer<typeof establishmentContactSchema>;

export const recruitmentNeedSchema = z.object({
  rome: romeSchema.optional(),
  label: text('Intitulé du besoin'),
  positions: z.number().int().min(1, { error: 'Nombre de postes : au moins 1' }).optional(),
  contractType: contractTypeSchema.optional(),
  notedAt: isoDateSchema.optional(),
});
export type RecruitmentNeed = z.infer<typeof recruitmentNeedSchema>;

export const establishmentSchema = z.object({
  siret: siretSchema,
  name: text('Raison sociale'),
  naf: z.object({ code: nafSchema, label: text('Libellé NAF') }).optional(),
  address: z.object({ street: text('Adresse').optional(), postcode: postcodeSchema, city: text('Commune') }),
  headcount: text('Effectif').optional(),
  contacts: z.array(establishmentContactSchema),
  needs: z.array(recruitmentNeedSchema),
});
export type Establishment = z.infer<typeof establishmentSchema>;

export const establishmentHitSchema = z.object({
  siret: siretSchema,
  name: text('Raison sociale'),
  city: text('Commune'),
  url: absoluteUrl,
});
export type EstablishmentHit = z.infer<typeof establishmentHitSchema>;

export const sentMailSchema = z.object({
  messageId: text('Identifiant du message'),
  to: z.array(emailSchema).min(1, { error: 'Message envoyé : au moins un destinataire attendu' }),
  subject: z.string({ error: 'Objet : texte attendu' }),
  sentAt: z.iso.datetime({ offset: true, error: "Date d'envoi invalide : date et heure ISO avec décalage attendues" }),
});
export type SentMail = z.infer<typeof sentMailSchema>;

/** `PRF-` and 6 characters: a promotion's reference as a subject or a body writes it (docs/domain.md). */
const promotionReferenceSchema = z.string().regex(/^PRF-[0-9A-Z]{6}$/, { error: 'Référence de promotion invalide (PRF-XXXXXX attendu).' });
const receivedAtSchema = z.iso.datetime({ offset: true, error: 'Date de réception invalide : date et heure ISO avec décalage attendues' });

/**
 * A message of the inbox list that names a promotion (its subject or preview carries a reference). Other mail
 * never leaves the content script.
 */
export const inboxMessageSchema = z.object({
  /** The page that shows the message (absolute). */
  url: absoluteUrl,
  from: emailSchema,
  subject: z.string({ error: 'Objet : texte attendu' }),
  receivedAt: receivedAtSchema,
  unread: z.boolean(),
  references: z.array(promotionReferenceSchema).min(1, { error: 'Message : au moins une référence attendue' }),
});
export type InboxMessage = z.infer<typeof inboxMessageSchema>;
export const inboxSchema = z.object({ messages: z.array(inboxMessageSchema) });
export type Inbox = z.infer<typeof inboxSchema>;

/**
 * A received message, as read on its page: who sent it, when, its subject and the promotion references found
 * in its subject and body. The body itself never leaves the content script.
 */
export const receivedMailSchema = z.object({
  from: emailSchema,
  subject: z.string({ error: 'Objet : texte attendu' }),
  receivedAt: receivedAtSchema,
  references: z.array(promotionReferenceSchema),
});
export type ReceivedMail = z.infer<typeof receivedMailSchema>;

/** The compose page gives nothing: the extension fills it. */
export const composeSchema = z.strictObject({});

/**
 * The hash of the page's label set (lib/adapters/kit/label-set.ts), added by the content script: a redesign of the
 * page shows as a new variant in the readers' health report (lib/domain/reader-health.ts). Label texts only.
 */
export const LABEL_SET_HASH_PATTERN = /^[0-9a-f]{16}$/;
export const labelSetHashSchema = z.string().regex(LABEL_SET_HASH_PATTERN, { error: 'Empreinte de libellés invalide : 16 chiffres hexadécimaux attendus.' });
const labelSetSchema = labelSetHashSchema.optional();

const recognized = <T extends LegacyTool, P extends PageKind, D extends z.ZodType>(tool: T, page: P, data: D) =>
  z.object({
    url: z.string(),
    recognized: z.literal(true),
    tool: z.literal(tool),
    page: z.literal(page),
    agent: agentSchema.optional(),
    data,
    /** Fields the page should normally show but the reader did not find. */
    missing: z.array(z.string()).default([]),
    labelSet: labelSetSchema,
  });

export const recognizedReadResultSchema = z.discriminatedUnion('page', [
  recognized('dossier-demandeur', 'portfolio', z.array(portfolioEntrySchema)),
  recognized('dossier-demandeur', 'profile', jobSeekerProfileSchema).extend({
    /** What the page showed of the consent, kept with a promotion as its evidence (docs/domain.md). */
    consentEvidence: consentShownSchema.optional(),
  }),
  recognized('fiche-entreprise', 'search', z.array(establishmentHitSchema)),
  recognized('fiche-entreprise', 'establishment', establishmentSchema),
  recognized('messagerie', 'compose', composeSchema),
  recognized('messagerie', 'sent', sentMailSchema),
  recognized('messagerie', 'inbox', inboxSchema),
  recognized('messagerie', 'message', receivedMailSchema),
]);
export type RecognizedReadResult = z.infer<typeof recognizedReadResultSchema>;

export const unrecognizedReadResultSchema = z.strictObject({ url: z.string(), recognized: z.literal(false), labelSet: labelSetSchema });
export type UnrecognizedReadResult = z.infer<typeof unrecognizedReadResultSchema>;

/** What a reader returns for any page: `{url, recognized: false}` or the page's data with its agent and `missing`. */
export const readResultSchema = z.discriminatedUnion('recognized', [
  recognizedReadResultSchema,
  unrecognizedReadResultSchema,
]);
export type ReadResult = z.infer<typeof readResultSchema>;

/** A recognised result of one page kind, e.g. `ReadResultOf<'profile'>`. */
export type ReadResultOf<P extends PageKind> = Extract<RecognizedReadResult, { page: P }>;
export type PageData<P extends PageKind> = ReadResultOf<P>['data'];
