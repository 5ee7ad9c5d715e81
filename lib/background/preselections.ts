/**
 * The establishments « Promouvoir » on a match asks to tick in a job seeker's promotion form: kept in session
 * storage (a stopped worker must not lose them) until the panel showing that file takes them, once.
 */
import {
  MAX_PRESELECTED,
  preselectionKey,
  preselectionSchema,
  PRESELECTION_TTL_MS,
  type Preselection,
} from '@/lib/messaging/preselection';
import { sessionStore } from '@/lib/platform';

export function createPreselections(clock: () => Date = () => new Date()) {
  /** The stored preselection of this job seeker when it is still fresh. */
  async function fresh(ftId: string): Promise<Preselection | undefined> {
    const stored = preselectionSchema.safeParse(await sessionStore.get(preselectionKey(ftId)));
    if (!stored.success) return undefined;
    return clock().getTime() - Date.parse(stored.data.at) < PRESELECTION_TTL_MS ? stored.data : undefined;
  }

  return {
    /** Adds an establishment to tick; a stale preselection is started afresh. */
    async add(ftId: string, siret: string): Promise<void> {
      const previous = (await fresh(ftId))?.sirets ?? [];
      const sirets = [...new Set([...previous, siret])].slice(-MAX_PRESELECTED);
      await sessionStore.set(preselectionKey(ftId), { sirets, at: clock().toISOString() } satisfies Preselection);
    },
    /** The establishments to tick, removed as they are handed over (a later visit of the file starts afresh). */
    async take(ftId: string): Promise<string[]> {
      const key = preselectionKey(ftId);
      if ((await sessionStore.get(key)) === undefined) return [];
      const found = await fresh(ftId);
      await sessionStore.remove(key);
      return found?.sirets ?? [];
    },
  };
}
