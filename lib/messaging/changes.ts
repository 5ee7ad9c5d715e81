/**
 * When to ask the background again. Extension pages never read the background's session storage: they are
 * told that something they show changed, then ask by message (`context.get`, `context.all`,
 * `promotion.takePreselection`, `worklist.inputs`). The keys watched are the contracts of tab-context.ts,
 * preselection.ts and worklist.ts.
 */
import { sessionStore } from '@/lib/platform';
import { preselectionKey } from './preselection';
import { isTabContextKey } from './tab-context';
import { isWorklistKey } from './worklist';

/** A tab was read again, closed or navigated away. */
export function onTabReadingsChanged(listener: () => void): () => void {
  return sessionStore.onChanged((keys) => keys.some(isTabContextKey) && listener());
}

/** « Promouvoir » on a match left establishments to tick in this job seeker's promotion form. */
export function onPreselectionChanged(ftId: string, listener: () => void): () => void {
  const key = preselectionKey(ftId);
  return sessionStore.onChanged((keys) => keys.includes(key) && listener());
}

/** A portfolio or a job-seeker file was read: the worklist (« À promouvoir ») may change. */
export function onWorklistInputsChanged(listener: () => void): () => void {
  return sessionStore.onChanged((keys) => keys.some(isWorklistKey) && listener());
}
