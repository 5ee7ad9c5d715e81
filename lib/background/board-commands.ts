/**
 * Board and pool commands of the background. The panel names a tab and sends what the counsellor edited;
 * the establishment, the job seeker, the consent and the counsellor come from the background's own
 * readings of the legacy pages, never from the panel. Writes go through the store (record + outbox row).
 */
import {
  needAddRequestSchema,
  needUpdateRequestSchema,
  poolRecommendRequestSchema,
  poolUpdateRequestSchema,
} from '@/lib/messaging/board-commands';
import { STALE_CONSENT_MESSAGE } from '@/lib/domain/consent';
import { addNeed, addToPool, extendNeed, isStaleConsent, poolEntryFromProfile, updateNeed, updatePoolEntry, type ProfilenceDb } from '@/lib/store';
import { author, guarded, refused, RELOAD } from './board-outcome';
import { getContext } from './tab-contexts';

export function createBoardCommands(db: ProfilenceDb, clock: () => Date = () => new Date()) {
  return {
    addNeed: (raw: unknown) =>
      guarded(async () => {
        const request = needAddRequestSchema.parse(raw);
        const reading = (await getContext(request.establishmentTabId))?.result;
        if (!reading?.recognized || reading.page !== 'establishment') {
          return refused('not_found', `La fiche de l'établissement n'est plus ouverte : rouvrez-la puis recommencez.`);
        }
        const who = await author(db, reading);
        if (!who) return refused('invalid', `Agence introuvable dans le bandeau de la fiche : ${RELOAD}`);
        const e = reading.data;
        const need = await addNeed(
          db,
          {
            siret: e.siret,
            establishmentName: e.name,
            postcode: e.address.postcode,
            city: e.address.city,
            rome: request.rome,
            label: request.label,
            positions: request.positions,
            contractType: request.contractType,
          },
          { ...who, now: clock() },
        );
        return { ok: true, id: need.id };
      }),

    updateNeed: (raw: unknown) =>
      guarded(async () => {
        const { id, extend, ...changes } = needUpdateRequestSchema.parse(raw);
        if (extend) await extendNeed(db, id, clock());
        await updateNeed(db, id, changes as Parameters<typeof updateNeed>[2], clock());
        return { ok: true, id };
      }),

    recommend: (raw: unknown) =>
      guarded(async () => {
        const request = poolRecommendRequestSchema.parse(raw);
        const context = await getContext(request.jobSeekerTabId);
        const reading = context?.result;
        if (!reading?.recognized || reading.page !== 'profile') {
          return refused('not_found', "Le dossier du demandeur n'est plus ouvert : rouvrez-le puis recommencez.");
        }
        // A withdrawal seen after this reading (here or pulled from a colleague) wins over it.
        const since = reading.data.promotionConsent.since;
        if (await isStaleConsent(db, reading.data.ftId, { readAt: context!.readAt, ...(since ? { since } : {}) })) {
          return refused('consent_missing', STALE_CONSENT_MESSAGE);
        }
        // Consent as the background read it on the file, whatever the panel shows.
        const entryInput = poolEntryFromProfile(reading.data, request.pitch);
        const who = await author(db, reading);
        if (!who) return refused('invalid', `Agence introuvable dans le bandeau du dossier : ${RELOAD}`);
        const entry = await addToPool(db, entryInput, { ...who, now: clock() });
        return { ok: true, id: entry.id };
      }),

    updatePoolEntry: (raw: unknown) =>
      guarded(async () => {
        const { id, ...changes } = poolUpdateRequestSchema.parse(raw);
        await updatePoolEntry(db, id, changes, clock());
        return { ok: true, id };
      }),
  };
}
