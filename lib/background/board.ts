/**
 * Board and pool commands of the background. The panel names a tab and sends what the counsellor edited;
 * the establishment, the job seeker, the consent and the counsellor come from the background's own
 * readings of the legacy pages, never from the panel. Writes go through the store (record + outbox row).
 */
import { z } from 'zod';
import { establishmentUrlFor, jobSeekerUrlFor } from '@/lib/config';
import { STALE_CONSENT_MESSAGE } from '@/lib/domain/consent';
import { ftIdSchema, normalizeSiret, siretSchema } from '@/lib/domain/formats';
import type { Establishment } from '@/lib/domain/legacy';
import { NEED_STATUSES } from '@/lib/domain/need';
import { POOL_STATUSES } from '@/lib/domain/pool';
import { idSchema } from '@/lib/domain/promotion';
import { onMessage } from '@/lib/messaging/protocol';
import type { SenderLike } from '@/lib/messaging/senders';
import type { TabContext } from '@/lib/messaging/tab-context';
import { browser, sessionStore } from '@/lib/platform';
import {
  addNeed,
  addToPool,
  BoardRefused,
  extendNeed,
  getEstablishment,
  isStaleConsent,
  poolEntryFromProfile,
  updateNeed,
  updatePoolEntry,
  type BoardRefusalCode,
  type ProfilenceDb,
} from '@/lib/store';
import { allContexts, getContext } from './tab-contexts';

const tabIdSchema = z.number().int().min(0);
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** « Ajouter au tableau des besoins » on an establishment page: the panel sends only the edited fields. */
export const needAddRequestSchema = z.object({
  establishmentTabId: tabIdSchema,
  rome: optionalText(10),
  label: z.string().trim().max(300),
  positions: z.number().optional(),
  contractType: optionalText(10),
});
export type NeedAddRequest = z.input<typeof needAddRequestSchema>;

export const needUpdateRequestSchema = z.object({
  id: idSchema,
  status: z.enum(NEED_STATUSES).optional(),
  /** « Prolonger » : open again for the full lifetime, counted by the background's clock. */
  extend: z.boolean().optional(),
  rome: optionalText(10),
  label: optionalText(300),
  positions: z.number().optional(),
  contractType: optionalText(10),
});
export type NeedUpdateRequest = z.input<typeof needUpdateRequestSchema>;

/** « Recommander pour une promotion » on a job-seeker file: the pitch is the counsellor's, the rest the file's. */
export const poolRecommendRequestSchema = z.object({
  jobSeekerTabId: tabIdSchema,
  pitch: z.string().trim().max(4000),
});
export type PoolRecommendRequest = z.input<typeof poolRecommendRequestSchema>;

export const poolUpdateRequestSchema = z.object({
  id: idSchema,
  status: z.enum(POOL_STATUSES).optional(),
  pitch: optionalText(4000),
});
export type PoolUpdateRequest = z.input<typeof poolUpdateRequestSchema>;

/**
 * « Promouvoir » from a match. `jobSeeker`: open that file (the establishment `siret` is pre-ticked in its
 * promotion form). `establishment`: open that page, in the background when `ftId` names the file the
 * counsellor is on, whose promotion form then opens with the establishment ticked.
 */
export const openForRequestSchema = z
  .object({
    open: z.enum(['jobSeeker', 'establishment']),
    ftId: ftIdSchema.optional(),
    siret: siretSchema.optional(),
  })
  .refine((r) => (r.open === 'jobSeeker' ? r.ftId !== undefined : r.siret !== undefined), {
    error: 'Dossier ou établissement à ouvrir manquant.',
  });
export type OpenForRequest = z.input<typeof openForRequestSchema>;

export type BoardOutcome =
  | { ok: true; id?: string; tabId?: number }
  | { ok: false; code: BoardRefusalCode; message: string };

/** Session storage: establishments to tick in the promotion form of a job seeker, consumed by the panel. */
export const PRESELECTION_PREFIX = 'promote:preselect:';
export const preselectionKey = (ftId: string) => `${PRESELECTION_PREFIX}${ftId}`;
export const preselectionSchema = z.object({ sirets: z.array(siretSchema).max(20), at: z.string() });
export type Preselection = z.infer<typeof preselectionSchema>;
/** Older than this, a preselection nobody consumed is ignored. */
export const PRESELECTION_TTL_MS = 30 * 60_000;

/** The tab operations the commands need; injected in tests. */
export interface TabOpener {
  /** Brings an existing tab to the front; false when it is gone. */
  focus(tabId: number): Promise<boolean>;
  open(url: string, active: boolean): Promise<number>;
}

const browserTabs: TabOpener = {
  async focus(tabId) {
    try {
      await browser.tabs.update(tabId, { active: true });
      return true;
    } catch {
      return false;
    }
  },
  async open(url, active) {
    const tab = await browser.tabs.create({ url, active });
    return tab.id!;
  },
};

const refused = (code: BoardRefusalCode, message: string): BoardOutcome => ({ ok: false, code, message });
const RELOAD = 'rechargez la page puis recommencez.';

type Reading = Extract<TabContext['result'], { recognized: true }>;
const recognized = (c: TabContext): Reading | undefined => (c.result.recognized ? c.result : undefined);

function author(reading: Reading): { counsellorId: string; agencyCode: string } | undefined {
  const counsellorId = reading.agent?.name;
  const agencyCode = reading.agent?.agencyCode;
  return counsellorId && agencyCode ? { counsellorId, agencyCode } : undefined;
}

async function guarded(work: () => Promise<BoardOutcome>): Promise<BoardOutcome> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof BoardRefused) return refused(err.code, err.message);
    if (err instanceof z.ZodError) return refused('invalid', 'Demande invalide : rechargez le panneau.');
    throw err;
  }
}

export function createBoardService(db: ProfilenceDb, tabs: TabOpener = browserTabs, clock: () => Date = () => new Date()) {
  async function establishmentKnown(siret: string): Promise<Establishment | undefined> {
    for (const c of await allContexts()) {
      const r = recognized(c);
      if (r?.page === 'establishment' && r.data.siret === siret) return r.data;
    }
    return (await getEstablishment(db, siret))?.establishment;
  }

  async function preselect(ftId: string, siret: string): Promise<void> {
    const key = preselectionKey(ftId);
    const previous = preselectionSchema.safeParse(await sessionStore.get(key));
    const fresh = previous.success && clock().getTime() - Date.parse(previous.data.at) < PRESELECTION_TTL_MS;
    const sirets = [...new Set([...(fresh ? previous.data.sirets : []), siret])].slice(-20);
    await sessionStore.set(key, { sirets, at: clock().toISOString() } satisfies Preselection);
  }

  return {
    addNeed: (raw: unknown) =>
      guarded(async () => {
        const request = needAddRequestSchema.parse(raw);
        const reading = (await getContext(request.establishmentTabId))?.result;
        if (!reading?.recognized || reading.page !== 'establishment') {
          return refused('not_found', `La fiche de l'établissement n'est plus ouverte : rouvrez-la puis recommencez.`);
        }
        const who = author(reading);
        if (!who) return refused('invalid', `Conseiller ou agence introuvable dans le bandeau de la fiche : ${RELOAD}`);
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
        const since = reading.data.promotionConsent.since;
        if (await isStaleConsent(db, reading.data.ftId, { readAt: context!.readAt, ...(since ? { since } : {}) })) {
          return refused('consent_missing', STALE_CONSENT_MESSAGE);
        }
        // Consent as the background read it on the file, whatever the panel shows.
        const entryInput = poolEntryFromProfile(reading.data, request.pitch);
        const who = author(reading);
        if (!who) return refused('invalid', `Conseiller ou agence introuvable dans le bandeau du dossier : ${RELOAD}`);
        const entry = await addToPool(db, entryInput, { ...who, now: clock() });
        return { ok: true, id: entry.id };
      }),

    updatePoolEntry: (raw: unknown) =>
      guarded(async () => {
        const { id, ...changes } = poolUpdateRequestSchema.parse(raw);
        await updatePoolEntry(db, id, changes, clock());
        return { ok: true, id };
      }),

    openFor: (raw: unknown) =>
      guarded(async () => {
        const request = openForRequestSchema.parse(raw);
        const contexts = await allContexts();
        const siret = request.siret && normalizeSiret(request.siret);
        if (request.open === 'jobSeeker') {
          const ftId = request.ftId!;
          if (siret) {
            if (!(await establishmentKnown(siret))) {
              return refused('not_found', `Établissement ${siret} inconnu : ouvrez sa fiche dans l'outil entreprises.`);
            }
            await preselect(ftId, siret);
          }
          const open = contexts.find((c) => recognized(c)?.page === 'profile' && (recognized(c)!.data as { ftId: string }).ftId === ftId);
          if (open && (await tabs.focus(open.tabId))) return { ok: true, tabId: open.tabId };
          const tool = contexts.find((c) => recognized(c)?.tool === 'dossier-demandeur');
          return { ok: true, tabId: await tabs.open(jobSeekerUrlFor(ftId, tool?.result.url), true) };
        }
        const ftId = request.ftId;
        if (ftId) await preselect(ftId, siret!);
        const open = contexts.find((c) => recognized(c)?.page === 'establishment' && (recognized(c)!.data as { siret: string }).siret === siret);
        // From a job-seeker file the counsellor stays on it: the establishment only has to be read.
        if (open && (ftId || (await tabs.focus(open.tabId)))) return { ok: true, tabId: open.tabId };
        const tool = contexts.find((c) => recognized(c)?.tool === 'fiche-entreprise');
        return { ok: true, tabId: await tabs.open(establishmentUrlFor(siret!, tool?.result.url), !ftId) };
      }),
  };
}

export type BoardService = ReturnType<typeof createBoardService>;

/** Registers the commands; `check` throws unless the message comes from one of our own pages. */
export function registerBoardCommands(service: BoardService, check: (sender: SenderLike) => void): void {
  onMessage('need.add', async ({ data, sender }) => (check(sender), service.addNeed(data)));
  onMessage('need.update', async ({ data, sender }) => (check(sender), service.updateNeed(data)));
  onMessage('pool.recommend', async ({ data, sender }) => (check(sender), service.recommend(data)));
  onMessage('pool.update', async ({ data, sender }) => (check(sender), service.updatePoolEntry(data)));
  onMessage('promotion.openFor', async ({ data, sender }) => (check(sender), service.openFor(data)));
}
