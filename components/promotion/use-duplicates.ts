/**
 * The 90-day warning: promotions of this profile to the chosen establishments, whoever made them (a
 * colleague's arrive by sync). The query depends on the SIRETs alone and takes the establishment's name
 * from the earlier promotion, so it never waits for the list of candidates to load.
 */
import { duplicateSeen } from '@/lib/domain/duplicates';
import { findRecentDuplicate } from '@/lib/store';
import { useLiveQuery } from '../hooks/use-live-query';
import { uiDb } from './db';

export interface Duplicate {
  siret: string;
  name: string;
  at: string;
  by: string;
}

export function useDuplicates(ftId: string, sirets: readonly string[]): Duplicate[] {
  return useLiveQuery(
    async () => {
      const found: Duplicate[] = [];
      for (const siret of sirets) {
        const previous = await findRecentDuplicate(uiDb(), ftId, siret);
        if (previous) found.push({ siret, name: previous.establishment.name, ...duplicateSeen(previous) });
      }
      return found;
    },
    [ftId, sirets.join()],
    [],
  );
}
