/**
 * The establishments the form proposes: open in a tab first, then those a match chose (`wanted`), then
 * seen recently, then found by search.
 */
import { useMemo } from 'preact/hooks';
import type { Establishment } from '@/lib/domain/legacy';
import { getEstablishment, recentEstablishments, searchEstablishments } from '@/lib/store';
import { useLiveQuery } from '../hooks/use-live-query';
import { useOpenTabs } from '../hooks/use-open-tabs';
import type { Candidate } from './CandidateList';
import { uiDb } from './db';

export function useCandidates(query: string, wanted: readonly string[]): { candidates: Candidate[]; openEstablishments: Establishment[] } {
  const openTabs = useOpenTabs();
  const recent = useLiveQuery(() => recentEstablishments(uiDb(), 10), [], []);
  const chosenByMatch = useLiveQuery(
    async () => (await Promise.all(wanted.map((siret) => getEstablishment(uiDb(), siret)))).flatMap((row) => row ?? []),
    [wanted.join()],
    [],
  );
  const found = useLiveQuery(() => (query.trim().length >= 2 ? searchEstablishments(uiDb(), query) : []), [query], []);
  const openEstablishments = openTabs.flatMap((c) => (c.result.recognized && c.result.page === 'establishment' ? [c.result.data] : []));
  const openKey = openEstablishments.map((e) => e.siret).join();
  const candidates = useMemo(() => {
    const bySiret = new Map<string, Candidate>();
    for (const e of openEstablishments) bySiret.set(e.siret, { establishment: e, open: true });
    for (const row of [...chosenByMatch, ...recent, ...found]) {
      if (!bySiret.has(row.siret)) bySiret.set(row.siret, { establishment: row.establishment, open: false });
    }
    return [...bySiret.values()];
  }, [openKey, chosenByMatch, recent, found]);
  return { candidates, openEstablishments };
}
