/**
 * Promotion commands of the background: the panel names a job-seeker tab and establishments, the
 * background takes their data from its own readings, checks consent and duplicates, records the
 * promotions (with their outbox rows) and queues one prepared e-mail each.
 */
import { pickContact } from '@/lib/domain/contacts';
import { contactSalutation, generatePitch } from '@/lib/domain/pitch';
import { STALE_CONSENT_MESSAGE } from '@/lib/domain/consent';
import { CONSENT_UNREADABLE_MESSAGE, isConsentUnreadable, type Establishment, type JobSeekerProfile, type ReadResultOf } from '@/lib/domain/legacy';
import type { ConsentEvidence, PromotionChannel } from '@/lib/domain/promotion';
import {
  prepareRequestSchema,
  recordContactRequestSchema,
  type PrepareOutcome,
} from '@/lib/messaging/promotion-commands';
import { sendMessage } from '@/lib/messaging/protocol';
import {
  addEvent,
  createPromotion,
  findRecentDuplicate,
  getEstablishment,
  isStaleConsent,
  PromotionRefused,
  type ProfilenceDb,
} from '@/lib/store';
import { signedInAgent, writerOf } from './agent';
import type { MailQueue } from './mail-queue';
import { allContexts, getContext } from './tab-contexts';

async function establishmentBySiret(db: ProfilenceDb, siret: string): Promise<Establishment | undefined> {
  for (const context of await allContexts()) {
    const r = context.result;
    if (r.recognized && r.page === 'establishment' && r.data.siret === siret) return r.data;
  }
  return (await getEstablishment(db, siret))?.establishment;
}

/** How the file showed the consent, kept with each promotion: the wording and date shown, the page kind, when read. */
function evidenceOf(reading: ReadResultOf<'profile'>, readAt: string): ConsentEvidence | undefined {
  const shown = reading.consentEvidence;
  return shown && { wording: shown.wording, ...(shown.date ? { date: shown.date } : {}), pageKind: 'profile', readAt };
}

/** Stands for the reference until the store has made the promotion's id. */
const PENDING_REFERENCE = 'PRF-000000';

const refusal = (code: Extract<PrepareOutcome, { ok: false }>['code'], message: string): PrepareOutcome => ({
  ok: false,
  code,
  message,
});

export function createPromotionService(db: ProfilenceDb, mails: Pick<MailQueue, 'enqueue'>) {
  async function resolve(raw: unknown, channel: PromotionChannel) {
    const request = (channel === 'email' ? prepareRequestSchema : recordContactRequestSchema).parse(raw);
    const context = await getContext(request.jobSeekerTabId);
    const reading = context?.result;
    if (!reading?.recognized || reading.page !== 'profile') {
      return { error: refusal('not_found', "Le dossier du demandeur n'est plus ouvert : rouvrez-le puis recommencez.") };
    }
    const profile: JobSeekerProfile = reading.data;
    if (isConsentUnreadable(profile.promotionConsent)) return { error: refusal('consent_missing', `${CONSENT_UNREADABLE_MESSAGE}.`) };
    if (!profile.promotionConsent.granted) {
      return {
        error: refusal('consent_missing', "Promotion impossible : ce demandeur d'emploi n'a pas autorisé la promotion de son profil."),
      };
    }
    // A reading older than a withdrawal this install knows of (seen here or pulled from a colleague) is stale.
    const since = profile.promotionConsent.since;
    if (await isStaleConsent(db, profile.ftId, { readAt: context!.readAt, ...(since ? { since } : {}) })) {
      return { error: refusal('consent_missing', STALE_CONSENT_MESSAGE) };
    }
    const consentEvidence = evidenceOf(reading, context!.readAt);
    const agencyCode = reading.agent?.agencyCode;
    // The author is the agent signed in to the central endpoint, never the name the banner prints.
    const writer = writerOf(await signedInAgent(db));
    if (!agencyCode) {
      return { error: refusal('invalid', 'Agence introuvable dans le bandeau du dossier : rechargez la page.') };
    }
    const targets = [];
    const duplicates = [];
    for (const target of request.targets) {
      const establishment = await establishmentBySiret(db, target.siret);
      if (!establishment) {
        return { error: refusal('not_found', `Établissement ${target.siret} inconnu : ouvrez sa fiche dans l'outil entreprises.`) };
      }
      const previous = await findRecentDuplicate(db, profile.ftId, establishment.siret);
      if (previous) duplicates.push({ siret: establishment.siret, name: establishment.name, at: previous.createdAt });
      targets.push({ establishment, contact: pickContact(establishment, target.contactIndex) });
    }
    if (duplicates.length > 0 && !request.acknowledgedDuplicates) {
      return {
        error: {
          ok: false as const,
          code: 'duplicate' as const,
          message: 'Ce profil a déjà été proposé à cet établissement ces 90 derniers jours.',
          duplicates,
        },
      };
    }
    return { request, profile, targets, consentEvidence, ctx: { ...writer, agencyCode } };
  }

  async function guarded(work: () => Promise<PrepareOutcome>): Promise<PrepareOutcome> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof PromotionRefused) return refusal(err.code === 'consent_missing' ? 'consent_missing' : 'invalid', err.message);
      if (err && typeof err === 'object' && 'issues' in err) return refusal('invalid', 'Demande invalide : rechargez le panneau.');
      throw err;
    }
  }

  return {
    /** Promotions by e-mail: recorded as drafts now, `sent` when the webmail confirms. */
    prepare: (raw: unknown) =>
      guarded(async () => {
        const resolved = await resolve(raw, 'email');
        if ('error' in resolved) return resolved.error!;
        const { request, profile, targets, consentEvidence, ctx } = resolved;
        const missingEmail = targets.find((t) => !t.contact?.email);
        if (missingEmail) {
          return refusal('invalid', `${missingEmail.establishment.name} n'a pas de contact avec une adresse électronique : choisissez l'appel ou la visite.`);
        }
        let attachment;
        if (request.mode === 'named' && profile.cv) {
          attachment = await sendMessage('cv.fetch', { url: profile.cv.url, fileName: profile.cv.fileName }, request.jobSeekerTabId).catch(
            () => undefined,
          );
          if (!attachment) return refusal('cv_unavailable', "Le CV n'a pas pu être récupéré depuis le dossier : rechargez le dossier puis recommencez.");
        }
        const ids = [];
        const jobs = [];
        for (const { establishment, contact } of targets) {
          const draft = generatePitch(profile, {
            mode: request.mode,
            rome: request.rome,
            establishmentName: establishment.name,
            contactName: contact ? contactSalutation(contact) : undefined,
            reference: PENDING_REFERENCE,
          });
          const body = request.editedBody ?? draft.body;
          const promotion = await createPromotion(
            db,
            { jobSeeker: profile, establishment, contact, rome: request.rome, mode: request.mode, channel: 'email', pitch: body, consentEvidence },
            ctx,
          );
          // The reference comes from the id the store just made: written into the subject drafted above.
          const subject = draft.subject.replace(PENDING_REFERENCE, promotion.reference);
          ids.push(promotion.id);
          jobs.push({ promotionId: promotion.id, reference: promotion.reference, to: [contact!.email!], subject, body, attachment });
        }
        await mails.enqueue(jobs);
        return { ok: true, promotionIds: ids, mailsQueued: jobs.length };
      }),

    /** A call made or a visit done: the profile has left, recorded as sent at once. */
    recordContact: (raw: unknown) =>
      guarded(async () => {
        const channel = recordContactRequestSchema.parse(raw).channel;
        const resolved = await resolve(raw, channel);
        if ('error' in resolved) return resolved.error!;
        const { request, profile, targets, consentEvidence, ctx } = resolved;
        const ids = [];
        for (const { establishment, contact } of targets) {
          const body =
            request.editedBody ??
            generatePitch(profile, { mode: request.mode, rome: request.rome, establishmentName: establishment.name, reference: PENDING_REFERENCE }).body;
          const promotion = await createPromotion(
            db,
            { jobSeeker: profile, establishment, contact, rome: request.rome, mode: request.mode, channel, pitch: body, consentEvidence },
            ctx,
          );
          await addEvent(db, promotion.id, { type: 'sent', by: ctx.counsellorId, byName: ctx.counsellorName });
          ids.push(promotion.id);
        }
        return { ok: true, promotionIds: ids, mailsQueued: 0 };
      }),
  };
}
