/**
 * « Proposer une sélection »: several pool profiles to one establishment for one of its board's needs, in one
 * e-mail. The background takes the establishment and its contact from its reading of the tab, the profiles from the
 * store's pool, the named ones' names and CVs from their open files; it checks each profile's consent again now
 * (a profile no longer certain is taken out and named, never sent), records one promotion per profile (each with
 * its reference, followed up on its own) and queues the one e-mail, which confirms all of them once sent.
 */
import { pickContact } from '@/lib/domain/contacts';
import { DUPLICATE_WINDOW_DAYS, duplicateSeen } from '@/lib/domain/duplicates';
import { frenchDate, parisDay } from '@/lib/stats/days';
import { isConsentUnreadable, type JobSeekerProfile, type ReadResultOf } from '@/lib/domain/legacy';
import type { ConsentEvidence } from '@/lib/domain/promotion';
import { candidateName, composeShortlist, type ShortlistCandidate } from '@/lib/domain/shortlist';
import type { Attachment } from '@/lib/content/compose-filler';
import { sendMessage } from '@/lib/messaging/protocol';
import { shortlistRequestSchema, type DuplicateProfile, type ExcludedProfile, type ShortlistOutcome } from '@/lib/messaging/shortlist-commands';
import type { TabContext } from '@/lib/messaging/tab-context';
import {
  createPromotion,
  findRecentDuplicate,
  isStaleConsent,
  needBoardStatus,
  PromotionRefused,
  type ProfilenceDb,
  type StoredPoolEntry,
} from '@/lib/store';
import { author } from './board-outcome';
import type { MailQueue } from './mail-queue';
import { evidenceOf } from './promotions';
import { allContexts, getContext } from './tab-contexts';

const failed = (code: 'invalid' | 'not_found' | 'cv_unavailable', message: string): ShortlistOutcome => ({ ok: false, code, message });

/** Stand for the references until the store has made the promotions' ids. */
const pendingReferences = (n: number) => Array.from({ length: n }, (_, i) => `PRF-00000${i}`);

/** The freshest reading of this person's file among the open tabs, if any. */
interface OpenFile {
  context: TabContext;
  reading: ReadResultOf<'profile'>;
  profile: JobSeekerProfile;
}

function openFile(contexts: readonly TabContext[], ftId: string): OpenFile | undefined {
  let found: OpenFile | undefined;
  for (const context of contexts) {
    const r = context.result;
    if (!r.recognized || r.page !== 'profile' || r.data.ftId !== ftId) continue;
    if (!found || Date.parse(context.readAt) > Date.parse(found.context.readAt)) found = { context, reading: r, profile: r.data };
  }
  return found;
}

/**
 * Why this profile's consent is no longer certain now, in French, or `undefined` when it may go: the pool entry
 * still active with consent, no withdrawal this install knows of since it was added, and its file, when open,
 * still granting it on a reading newer than any withdrawal.
 */
async function consentDoubt(
  db: ProfilenceDb,
  entry: StoredPoolEntry | undefined,
  file: OpenFile | undefined,
): Promise<string | undefined> {
  if (!entry) return "n'est plus dans le vivier (consentement retiré ou profil retiré)";
  if (entry.status !== 'active') return "n'est plus disponible dans le vivier";
  if (entry.promotionConsent?.granted !== true) return "n'a pas autorisé la promotion de son profil";
  const since = entry.promotionConsent.since;
  if (await isStaleConsent(db, entry.ftId, { readAt: entry.createdAt, ...(since ? { since } : {}) })) {
    return 'a retiré son consentement depuis son ajout au vivier';
  }
  if (file) {
    const consent = file.profile.promotionConsent;
    if (isConsentUnreadable(consent)) return "a un consentement illisible sur son dossier ouvert : vérifiez le dossier";
    if (!consent.granted) return "n'autorise plus la promotion de son profil (dossier ouvert)";
    const fileSince = consent.since;
    if (await isStaleConsent(db, entry.ftId, { readAt: file.context.readAt, ...(fileSince ? { since: fileSince } : {}) })) {
      return 'a retiré son consentement depuis la lecture de son dossier : rechargez le dossier';
    }
  }
  return undefined;
}

/** What the consent rests on for a profile sent from the pool alone: the file read when it was added to the pool. */
function poolEvidence(entry: StoredPoolEntry): ConsentEvidence {
  const since = entry.promotionConsent.since;
  return {
    wording: "Autorisation de promotion lue sur le dossier lors de l'ajout au vivier de l'agence",
    ...(since ? { date: since } : {}),
    pageKind: 'profile',
    readAt: entry.createdAt,
  };
}

export function createShortlistService(db: ProfilenceDb, mails: Pick<MailQueue, 'enqueue'>) {
  return {
    async prepare(raw: unknown): Promise<ShortlistOutcome> {
      const parsed = shortlistRequestSchema.safeParse(raw);
      if (!parsed.success) return failed('invalid', parsed.error.issues[0]?.message ?? 'Demande invalide : rechargez le panneau.');
      const request = parsed.data;
      const reading = (await getContext(request.establishmentTabId))?.result;
      if (!reading?.recognized || reading.page !== 'establishment') {
        return failed('not_found', "La fiche de l'établissement n'est plus ouverte : rouvrez-la puis recommencez.");
      }
      const establishment = reading.data;
      const need = await db.needs.get(request.needId);
      if (!need || need.siret !== establishment.siret) return failed('not_found', 'Besoin introuvable au tableau : rechargez la liste.');
      if (needBoardStatus(need) !== 'open') return failed('invalid', "Ce besoin n'est plus ouvert : prolongez-le ou rouvrez-le avant de proposer des profils.");
      const contact = pickContact(establishment, request.contactIndex);
      if (!contact?.email) {
        return failed('invalid', `${establishment.name} n'a pas de contact avec une adresse électronique : la sélection part par e-mail.`);
      }
      const ctx = await author(db, reading);
      if (!ctx) return failed('invalid', 'Agence introuvable dans le bandeau de la fiche : rechargez la page puis recommencez.');

      // Consent, for each profile, now: whatever the panel showed when it was ticked.
      const contexts = await allContexts();
      const picked: { candidate: ShortlistCandidate; entry: StoredPoolEntry; file?: OpenFile }[] = [];
      const excluded: ExcludedProfile[] = [];
      for (const pick of request.picks) {
        const entry = await db.pool.get(pick.poolEntryId);
        const file = entry && openFile(contexts, entry.ftId);
        const doubt = await consentDoubt(db, entry, file);
        if (doubt || !entry) {
          excluded.push({ poolEntryId: pick.poolEntryId, name: entry ? candidateName(entry) : 'Un profil', reason: doubt ?? '' });
          continue;
        }
        picked.push({ entry, file, candidate: { entry, mode: pick.mode, ...(file ? { profile: file.profile } : {}) } });
      }
      if (excluded.length > 0) {
        const lines = excluded.map((e) => `${e.name} ${e.reason}`);
        return {
          ok: false,
          code: 'consent_changed',
          message: `Retiré de la sélection, jamais envoyé : ${lines.join(' ; ')}.`,
          excluded,
        };
      }

      // The 90-day rule of a single promotion holds for each profile of a selection: the employer is not sent the
      // same person twice without the counsellor saying so.
      const duplicates: DuplicateProfile[] = [];
      for (const { entry } of picked) {
        const previous = await findRecentDuplicate(db, entry.ftId, establishment.siret);
        if (!previous) continue;
        duplicates.push({ poolEntryId: entry.id, name: candidateName(entry), ...duplicateSeen(previous) });
      }
      if (duplicates.length > 0 && !request.acknowledgedDuplicates) {
        const lines = duplicates.map((d) => `${d.name} (le ${frenchDate(parisDay(d.at))}, par ${d.by})`);
        return {
          ok: false,
          code: 'duplicate',
          message: `Déjà proposé à ${establishment.name} ces ${DUPLICATE_WINDOW_DAYS} derniers jours : ${lines.join(' ; ')}. Rien n'a été enregistré.`,
          duplicates,
        };
      }

      const base = {
        candidates: picked.map((p) => p.candidate),
        need: { label: need.label, ...(need.rome ? { rome: need.rome } : {}) },
        establishmentName: establishment.name,
        contact,
      };
      const draft = composeShortlist({ ...base, references: pendingReferences(picked.length) });
      if (!draft.ok) return failed('invalid', draft.message);

      // The CVs of the named profiles, fetched inside their files' own pages, before anything is recorded.
      const attachments: Attachment[] = [];
      for (const { candidate, file } of picked) {
        const cv = candidate.mode === 'named' ? file?.profile.cv : undefined;
        if (!cv || !file) continue;
        const attachment = await sendMessage('cv.fetch', { url: cv.url, fileName: cv.fileName }, file.context.tabId).catch(() => undefined);
        if (!attachment) {
          return failed('cv_unavailable', `Le CV de ${candidateName(candidate.entry)} n'a pas pu être récupéré : rechargez son dossier puis recommencez.`);
        }
        attachments.push(attachment);
      }

      const promotions = [];
      try {
        for (const [i, { candidate, entry, file }] of picked.entries()) {
          const consentEvidence = (file && evidenceOf(file.reading, file.context.readAt)) ?? poolEvidence(entry);
          const jobSeeker = file?.profile ?? {
            ftId: entry.ftId,
            firstName: entry.firstName,
            lastName: '',
            mainRome: entry.mainRome,
            promotionConsent: { granted: true, ...(entry.promotionConsent.since ? { since: entry.promotionConsent.since } : {}) },
          };
          promotions.push(
            await createPromotion(
              db,
              { jobSeeker, establishment, contact, rome: draft.romes[i], mode: candidate.mode, channel: 'email', pitch: draft.paragraphs[i]!, consentEvidence },
              ctx,
            ),
          );
        }
      } catch (err) {
        if (err instanceof PromotionRefused) return failed('invalid', err.message);
        throw err;
      }

      const mail = composeShortlist({ ...base, references: promotions.map((p) => p.reference) });
      if (!mail.ok) return failed('invalid', mail.message);
      const [first, ...others] = promotions;
      await mails.enqueue([
        {
          promotionId: first!.id,
          reference: first!.reference,
          to: [contact.email],
          subject: mail.subject,
          body: mail.body,
          ...(attachments.length ? { attachments } : {}),
          alsoFor: others.map((p) => ({ promotionId: p.id, reference: p.reference })),
        },
      ]);
      return { ok: true, promotionIds: promotions.map((p) => p.id), references: promotions.map((p) => p.reference) };
    },
  };
}
