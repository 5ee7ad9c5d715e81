/**
 * Promotion commands of the background: the panel names a job-seeker tab (and the file it expects there)
 * and establishments; the background takes their data from its own readings, checks consent, the job,
 * anonymity and duplicates, records the promotions (with their outbox rows) and queues one e-mail each,
 * written for that establishment.
 */
import { pickContact } from '@/lib/domain/contacts';
import { STALE_CONSENT_MESSAGE } from '@/lib/domain/consent';
import { duplicateSeen } from '@/lib/domain/duplicates';
import {
  CONSENT_UNREADABLE_MESSAGE,
  isConsentUnreadable,
  type Establishment,
  type EstablishmentContact,
  type JobSeekerProfile,
  type ReadResultOf,
} from '@/lib/domain/legacy';
import { anonymousTextProblem, contactSalutation, fillPitch, pitchSubject, pitchTemplate } from '@/lib/domain/pitch';
import type { ConsentEvidence, PromotionChannel } from '@/lib/domain/promotion';
import {
  editPromotionRequestSchema,
  prepareRequestSchema,
  recordContactRequestSchema,
  type EditPromotionOutcome,
  type PrepareOutcome,
} from '@/lib/messaging/promotion-commands';
import { sendMessage } from '@/lib/messaging/protocol';
import {
  addEvent,
  createPromotion,
  deleteDraft,
  describeIssues,
  findRecentDuplicate,
  getEstablishment,
  getPromotion,
  isStaleConsent,
  PromotionRefused,
  updatePromotion,
  type ProfilenceDb,
} from '@/lib/store';
import { signedInAgent, writerOf } from './agent';
import type { MailJob, MailQueue } from './mail-queue';
import { allContexts, getContext } from './tab-contexts';

async function establishmentBySiret(db: ProfilenceDb, siret: string): Promise<Establishment | undefined> {
  for (const context of await allContexts()) {
    const r = context.result;
    if (r.recognized && r.page === 'establishment' && r.data.siret === siret) return r.data;
  }
  return (await getEstablishment(db, siret))?.establishment;
}

/** How the file showed the consent, kept with each promotion: the wording and date shown, the page kind, when read. */
export function evidenceOf(reading: ReadResultOf<'profile'>, readAt: string): ConsentEvidence | undefined {
  const shown = reading.consentEvidence;
  return shown && { wording: shown.wording, ...(shown.date ? { date: shown.date } : {}), pageKind: 'profile', readAt };
}

/** The job-seeker file open in `tabId`, if that tab still shows one. */
async function profileInTab(tabId: number | undefined): Promise<JobSeekerProfile | undefined> {
  if (tabId === undefined) return undefined;
  const reading = (await getContext(tabId))?.result;
  return reading?.recognized && reading.page === 'profile' ? reading.data : undefined;
}

/** Stands for the reference until the store has made the promotion's id. */
const PENDING_REFERENCE = 'PRF-000000';

type Refusal = Extract<PrepareOutcome, { ok: false }>;
const refusal = (code: Refusal['code'], message: string): Refusal => ({ ok: false, code, message });

const CV_UNAVAILABLE = "Le CV n'a pas pu être récupéré depuis le dossier : rechargez le dossier puis recommencez.";

async function fetchCv(profile: JobSeekerProfile, tabId: number) {
  if (!profile.cv) return undefined;
  return sendMessage('cv.fetch', { url: profile.cv.url, fileName: profile.cv.fileName }, tabId).catch(() => undefined);
}

interface Target {
  establishment: Establishment;
  contact?: EstablishmentContact;
  /** Subject (reference pending) and body written for this establishment. */
  subject: string;
  body: string;
}

export function createPromotionService(db: ProfilenceDb, mails: Pick<MailQueue, 'enqueue' | 'queued' | 'replace'>) {
  async function resolve(raw: unknown, channel: PromotionChannel) {
    const request = (channel === 'email' ? prepareRequestSchema : recordContactRequestSchema).parse(raw);
    const context = await getContext(request.jobSeekerTabId);
    const reading = context?.result;
    if (!reading?.recognized || reading.page !== 'profile') {
      return { error: refusal('not_found', "Le dossier du demandeur n'est plus ouvert : rouvrez-le puis recommencez.") };
    }
    const profile: JobSeekerProfile = reading.data;
    // The form belongs to one file: if its tab now shows someone else, nothing of the form may go to them.
    if (profile.ftId !== request.ftId) {
      return { error: refusal('not_found', "L'onglet du dossier montre maintenant un autre demandeur : revenez à son dossier puis recommencez.") };
    }
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
    const rome = request.rome ?? (profile.targetJobs.find((j) => j.main) ?? profile.targetJobs[0])?.rome;
    if (request.rome && !profile.targetJobs.some((j) => j.rome === request.rome)) {
      return { error: refusal('invalid', `Le métier ${request.rome} n'est pas un métier recherché de ce dossier : choisissez-en un dans la liste.`) };
    }
    const agencyCode = reading.agent?.agencyCode;
    // The author is the agent signed in to the central endpoint, never the name the banner prints.
    const writer = writerOf(await signedInAgent(db));
    if (!agencyCode) {
      return { error: refusal('invalid', 'Agence introuvable dans le bandeau du dossier : rechargez la page.') };
    }
    const template = request.editedTemplate ?? pitchTemplate(profile, { mode: request.mode, rome });
    const subject = pitchSubject(profile, { mode: request.mode, rome, reference: PENDING_REFERENCE });
    const targets: Target[] = [];
    const duplicates = [];
    for (const target of request.targets) {
      const establishment = await establishmentBySiret(db, target.siret);
      if (!establishment) {
        return { error: refusal('not_found', `Établissement ${target.siret} inconnu : ouvrez sa fiche dans l'outil entreprises.`) };
      }
      const previous = await findRecentDuplicate(db, profile.ftId, establishment.siret);
      if (previous) {
        duplicates.push({ siret: establishment.siret, name: establishment.name, ...duplicateSeen(previous) });
      }
      const contact = pickContact(establishment, target.contactIndex);
      const body = fillPitch(
        template,
        { establishmentName: establishment.name, contactName: contact ? contactSalutation(contact) : undefined },
        { profile, mode: request.mode },
      );
      targets.push({ establishment, contact, subject, body });
    }
    if (request.mode === 'anonymous') {
      for (const t of targets) {
        const problem = anonymousTextProblem(profile, `${t.subject}\n${t.body}`);
        if (problem) return { error: refusal('invalid', problem) };
      }
    }
    if (duplicates.length > 0 && !request.acknowledgedDuplicates) {
      return {
        error: {
          ...refusal('duplicate', 'Ce profil a déjà été proposé à cet établissement ces 90 derniers jours.'),
          duplicates,
        },
      };
    }
    return { request, profile, rome, targets, consentEvidence, ctx: { ...writer, agencyCode } };
  }

  async function guarded(work: () => Promise<PrepareOutcome>): Promise<PrepareOutcome> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof PromotionRefused) {
        return refusal(err.code === 'consent_missing' ? 'consent_missing' : err.code === 'not_found' ? 'not_found' : 'invalid', err.message);
      }
      if (err && typeof err === 'object' && 'issues' in err) return refusal('invalid', 'Demande invalide : rechargez le panneau.');
      throw err;
    }
  }

  return {
    /** Promotions by e-mail: recorded as drafts now, `sent` when the webmail confirms. */
    prepare: (raw: unknown): Promise<PrepareOutcome> =>
      guarded(async () => {
        const resolved = await resolve(raw, 'email');
        if ('error' in resolved) return resolved.error!;
        const { request, profile, rome, targets, consentEvidence, ctx } = resolved;
        const missingEmail = targets.find((t) => !t.contact?.email);
        if (missingEmail) {
          return refusal('invalid', `${missingEmail.establishment.name} n'a pas de contact avec une adresse électronique : choisissez l'appel ou la visite.`);
        }
        // Anonymous: no CV, no attachment of any kind.
        let attachment;
        if (request.mode === 'named' && profile.cv) {
          attachment = await fetchCv(profile, request.jobSeekerTabId);
          if (!attachment) return refusal('cv_unavailable', CV_UNAVAILABLE);
        }
        const ids = [];
        const jobs: MailJob[] = [];
        for (const { establishment, contact, subject, body } of targets) {
          const promotion = await createPromotion(
            db,
            { jobSeeker: profile, establishment, contact, rome, mode: request.mode, channel: 'email', pitch: body, consentEvidence },
            ctx,
          );
          ids.push(promotion.id);
          jobs.push({
            promotionId: promotion.id,
            reference: promotion.reference,
            to: [contact!.email!],
            // The reference comes from the id the store just made.
            subject: subject.replace(PENDING_REFERENCE, promotion.reference),
            body,
            attachment,
          });
        }
        await deleteDraft(db, profile.ftId);
        await mails.enqueue(jobs);
        return { ok: true, promotionIds: ids, mailsQueued: jobs.length };
      }),

    /** A call made or a visit done: the profile has left, recorded as sent at once. */
    recordContact: (raw: unknown): Promise<PrepareOutcome> =>
      guarded(async () => {
        const channel = recordContactRequestSchema.parse(raw).channel;
        const resolved = await resolve(raw, channel);
        if ('error' in resolved) return resolved.error!;
        const { request, profile, rome, targets, consentEvidence, ctx } = resolved;
        const ids = [];
        for (const { establishment, contact, body } of targets) {
          const promotion = await createPromotion(
            db,
            { jobSeeker: profile, establishment, contact, rome, mode: request.mode, channel, pitch: body, consentEvidence },
            ctx,
          );
          await addEvent(db, promotion.id, { type: 'sent', by: ctx.counsellorId, byName: ctx.counsellorName });
          ids.push(promotion.id);
        }
        await deleteDraft(db, profile.ftId);
        return { ok: true, promotionIds: ids, mailsQueued: 0 };
      }),

    /**
     * Changes a promotion through `promotion.update`. A draft whose e-mail still waits in the webmail
     * queue gets that e-mail rewritten (recipient, subject, message, CV), or dropped if it is no longer
     * an e-mail promotion.
     */
    async edit(raw: unknown): Promise<EditPromotionOutcome> {
      const parsed = editPromotionRequestSchema.safeParse(raw);
      if (!parsed.success) return { ok: false, code: 'invalid', message: `Modification invalide : ${describeIssues(parsed.error)}` };
      const request = parsed.data;
      const row = await getPromotion(db, request.promotionId);
      if (!row) return { ok: false, code: 'not_found', message: 'Promotion introuvable : rechargez la liste.' };
      const opened = await profileInTab(request.jobSeekerTabId);
      const profile = opened?.ftId === row.jobSeeker.ftId ? opened : undefined;
      const { changes } = request;
      if (changes.rome && profile && !profile.targetJobs.some((j) => j.rome === changes.rome)) {
        return { ok: false, code: 'invalid', message: `Le métier ${changes.rome} n'est pas un métier recherché de ce dossier.` };
      }
      const next = { ...row, ...changes };
      if (next.mode === 'anonymous') {
        const problem = anonymousTextProblem(profile ?? row.jobSeeker, next.pitch);
        if (problem) return { ok: false, code: 'invalid', message: problem };
      }
      if (row.status === 'draft' && next.channel === 'email' && !next.contact?.email) {
        return { ok: false, code: 'invalid', message: 'Choisissez un interlocuteur avec une adresse électronique, ou un autre canal.' };
      }
      const waiting = row.status === 'draft' ? await mails.queued(row.id) : undefined;
      let job: MailJob | undefined;
      if (waiting && next.channel === 'email') {
        let attachment = next.mode === 'named' ? waiting.attachment : undefined;
        if (next.mode === 'named' && !attachment && profile?.cv) {
          attachment = await fetchCv(profile, request.jobSeekerTabId!);
          if (!attachment) return { ok: false, code: 'invalid', message: CV_UNAVAILABLE };
        }
        const subject = profile ? pitchSubject(profile, { mode: next.mode, rome: next.rome, reference: row.reference }) : waiting.subject;
        job = { promotionId: row.id, reference: waiting.reference, to: [next.contact!.email!], subject, body: next.pitch, attachment };
      }
      try {
        await updatePromotion(db, row.id, changes);
      } catch (err) {
        if (!(err instanceof PromotionRefused)) throw err;
        return { ok: false, code: err.code === 'not_editable' || err.code === 'not_found' ? err.code : 'invalid', message: err.message };
      }
      if (waiting) await mails.replace(row.id, job);
      return { ok: true };
    },
  };
}
