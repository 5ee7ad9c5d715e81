/**
 * « Promouvoir » from a match: opens (or brings to the front) the job-seeker file or the establishment page it
 * leads to, and leaves the establishment to tick in that job seeker's promotion form.
 */
import { establishmentUrlFor, jobSeekerUrlFor } from '@/lib/config';
import type { Establishment } from '@/lib/domain/legacy';
import { normalizeSiret } from '@/lib/domain/formats';
import { openForRequestSchema, type BoardOutcome } from '@/lib/messaging/board-commands';
import { takePreselectionRequestSchema, type TakePreselectionOutcome } from '@/lib/messaging/preselection';
import { recognizedReading as recognized } from '@/lib/messaging/tab-context';
import { tabs as browserTabs } from '@/lib/platform';
import { getEstablishment, type ProfilenceDb } from '@/lib/store';
import { guarded, refused } from './board-outcome';
import { createPreselections } from './preselections';
import { allContexts } from './tab-contexts';

/** The tab operations the opener needs; injected in tests. */
export interface TabOpener {
  /** Brings an existing tab to the front; false when it is gone. */
  focus(tabId: number): Promise<boolean>;
  open(url: string, active: boolean): Promise<number>;
}

export function createMatchOpener(db: ProfilenceDb, tabs: TabOpener = browserTabs, clock: () => Date = () => new Date()) {
  const preselections = createPreselections(clock);

  async function establishmentKnown(siret: string): Promise<Establishment | undefined> {
    for (const c of await allContexts()) {
      const r = recognized(c);
      if (r?.page === 'establishment' && r.data.siret === siret) return r.data;
    }
    return (await getEstablishment(db, siret))?.establishment;
  }

  return {
    openFor: (raw: unknown): Promise<BoardOutcome> =>
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
            await preselections.add(ftId, siret);
          }
          const open = contexts.find((c) => recognized(c)?.page === 'profile' && (recognized(c)!.data as { ftId: string }).ftId === ftId);
          if (open && (await tabs.focus(open.tabId))) return { ok: true, tabId: open.tabId };
          const tool = contexts.find((c) => recognized(c)?.tool === 'dossier-demandeur');
          return { ok: true, tabId: await tabs.open(await jobSeekerUrlFor(ftId, tool?.result.url), true) };
        }
        const ftId = request.ftId;
        if (ftId) await preselections.add(ftId, siret!);
        const open = contexts.find((c) => recognized(c)?.page === 'establishment' && (recognized(c)!.data as { siret: string }).siret === siret);
        // From a job-seeker file the counsellor stays on it: the establishment only has to be read.
        if (open && (ftId || (await tabs.focus(open.tabId)))) return { ok: true, tabId: open.tabId };
        const tool = contexts.find((c) => recognized(c)?.tool === 'fiche-entreprise');
        return { ok: true, tabId: await tabs.open(await establishmentUrlFor(siret!, tool?.result.url), !ftId) };
      }),

    /** The panel showing the file takes the establishments to tick, once. */
    async takePreselection(raw: unknown): Promise<TakePreselectionOutcome> {
      const { ftId } = takePreselectionRequestSchema.parse(raw);
      return { sirets: await preselections.take(ftId) };
    },
  };
}
