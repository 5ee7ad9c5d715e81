/**
 * What the panel offers for a promotion whose e-mail was never confirmed: « Reprendre l'e-mail », « Marquer
 * comme envoyée » (sent another way, on a given day) and « Abandonner » (withdrawn, with the reason). Each is
 * checked here again, whatever the panel showed, and answered in French.
 */
import { parisOffsetIso } from '@/lib/domain/formats';
import type { JobSeekerProfile } from '@/lib/domain/legacy';
import { generatePitch } from '@/lib/domain/pitch';
import { findReferences } from '@/lib/domain/reply-references';
import {
  mailAbandonRequestSchema,
  mailMarkSentRequestSchema,
  mailResumeRequestSchema,
  type MailCommandOutcome,
} from '@/lib/messaging/mail-queue';
import { sendMessage } from '@/lib/messaging/protocol';
import { parisDay } from '@/lib/reminders/calendar';
import { currentTime } from '@/lib/reminders/clock';
import { addEvent, describeIssues, getPromotion, PromotionRefused, type ProfilenceDb, type StoredPromotion } from '@/lib/store';
import { signedInAgent } from './agent';
import type { MailQueue } from './mail-queue';
import { allContexts } from './tab-contexts';

const failed = (message: string): MailCommandOutcome => ({ ok: false, message });
const frenchDay = (isoDay: string) => isoDay.split('-').reverse().join('/');

/** The job seeker's file open in a tab, as the background read it. */
async function openFile(ftId: string): Promise<{ tabId: number; profile: JobSeekerProfile } | undefined> {
  for (const { tabId, result } of await allContexts()) {
    if (result.recognized && result.page === 'profile' && result.data.ftId === ftId) return { tabId, profile: result.data };
  }
  return undefined;
}

export interface MailCommandsOptions {
  now?: () => Promise<Date>;
  /** Something changed the promotions' statuses (the reminders recount). */
  changed?: () => Promise<unknown>;
}

export function createMailCommands(db: ProfilenceDb, mails: MailQueue, options: MailCommandsOptions = {}) {
  const now = options.now ?? currentTime;

  async function draftEmail(id: string): Promise<StoredPromotion | MailCommandOutcome> {
    const promotion = await getPromotion(db, id);
    if (!promotion) return failed('Promotion introuvable : elle a peut-être été supprimée. Rechargez la liste.');
    if (promotion.channel !== 'email' || promotion.status !== 'draft') {
      return failed("Cette promotion n'attend plus son e-mail : rechargez la liste.");
    }
    return promotion;
  }
  const isOutcome = (v: StoredPromotion | MailCommandOutcome): v is MailCommandOutcome => 'ok' in v;

  async function record(promotionId: string, event: { type: 'sent' | 'withdrawn'; at?: string; note?: string }, at: Date) {
    const agent = await signedInAgent(db);
    try {
      await addEvent(db, promotionId, { ...event, by: agent.id, ...(agent.name ? { byName: agent.name } : {}) }, at);
    } catch (err) {
      if (err instanceof PromotionRefused) return failed(err.message);
      throw err;
    }
    await mails.remove(promotionId);
    await options.changed?.();
    return { ok: true } as const;
  }

  return {
    async resume(raw: unknown): Promise<MailCommandOutcome> {
      const parsed = mailResumeRequestSchema.safeParse(raw);
      if (!parsed.success) return failed('Demande invalide : rechargez le panneau.');
      const promotion = await draftEmail(parsed.data.promotionId);
      if (isOutcome(promotion)) return promotion;
      if (!promotion.contact?.email) return failed("L'interlocuteur de cette promotion n'a pas d'adresse électronique.");
      const queued = await mails.find(promotion.id);
      const file = await openFile(promotion.jobSeeker.ftId);
      // Not queued (prepared before the queue was kept), or a shortlist's e-mail the session lost (made again for this
      // promotion alone, its paragraph): the subject is written again, from the file when open.
      const keptSubject = queued && (queued.complete || findReferences(queued.subject).length <= 1) ? queued.subject : undefined;
      const subject =
        keptSubject ??
        (file
          ? generatePitch(file.profile, { mode: promotion.mode, rome: promotion.rome, reference: promotion.reference }).subject
          : `Proposition de candidature – réf. ${promotion.reference}`);
      const attachCv = keptSubject !== undefined ? !!queued?.attachCv : promotion.mode === 'named' && !!file?.profile.cv;
      const job = { promotionId: promotion.id, reference: promotion.reference, subject, attachCv };
      if (queued?.complete) {
        await mails.resume(job);
        return { ok: true };
      }
      // The e-mail was lost with the browser's session: made again from the promotion as recorded (its pitch is
      // the text that was prepared), the CV fetched again inside the file, as when it was prepared.
      const draft = { to: [promotion.contact.email], body: promotion.pitch };
      if (!attachCv) {
        await mails.resume(job, draft);
        return { ok: true };
      }
      const name = `${promotion.jobSeeker.firstName} ${promotion.jobSeeker.lastName}`.trim();
      if (!file?.profile.cv) return failed(`Ouvrez le dossier de ${name || 'ce demandeur'} : son CV doit être joint à l'e-mail.`);
      if (!file.profile.promotionConsent.granted) {
        return failed("Ce demandeur d'emploi n'autorise plus la promotion de son profil : l'e-mail ne peut pas partir.");
      }
      const attachment = await sendMessage('cv.fetch', { url: file.profile.cv.url, fileName: file.profile.cv.fileName }, file.tabId).catch(
        () => undefined,
      );
      if (!attachment) return failed("Le CV n'a pas pu être récupéré depuis le dossier : rechargez le dossier puis recommencez.");
      await mails.resume(job, { ...draft, attachment });
      return { ok: true };
    },

    async markSent(raw: unknown): Promise<MailCommandOutcome> {
      const parsed = mailMarkSentRequestSchema.safeParse(raw);
      if (!parsed.success) return failed(`Envoi non enregistré : ${describeIssues(parsed.error)}`);
      const promotion = await draftEmail(parsed.data.promotionId);
      if (isOutcome(promotion)) return promotion;
      const at = await now();
      const today = parisDay(at);
      const { sentOn } = parsed.data;
      if (sentOn > today) return failed("La date d'envoi ne peut pas être dans le futur.");
      const prepared = parisDay(promotion.createdAt);
      if (sentOn < prepared) {
        return failed(`La date d'envoi ne peut pas précéder la préparation de la promotion (le ${frenchDay(prepared)}).`);
      }
      // A past day without its hour is recorded at noon, Paris time (never before the promotion); today is now.
      const noon = parisOffsetIso(sentOn, '12:00');
      const sentAt = sentOn === today ? at.toISOString() : Date.parse(noon) < Date.parse(promotion.createdAt) ? promotion.createdAt : noon;
      return record(promotion.id, { type: 'sent', at: sentAt }, at);
    },

    async abandon(raw: unknown): Promise<MailCommandOutcome> {
      const parsed = mailAbandonRequestSchema.safeParse(raw);
      if (!parsed.success) return failed(parsed.error.issues[0]?.message ?? 'Demande invalide : rechargez le panneau.');
      const promotion = await draftEmail(parsed.data.promotionId);
      if (isOutcome(promotion)) return promotion;
      return record(promotion.id, { type: 'withdrawn', note: parsed.data.reason }, await now());
    },
  };
}
