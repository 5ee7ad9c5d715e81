/**
 * The current reading of each tab, kept in session storage so a stopped and restarted
 * service worker still knows what every tab shows.
 */
import { readResultSchema, type ReadResult } from '@/lib/domain/legacy';
import { isTabContextKey, tabContextKey as keyOf, tabContextSchema, type TabContext } from '@/lib/messaging/tab-context';
import { sessionStore } from '@/lib/platform';

export async function saveReading(tabId: number, reading: unknown, now = new Date()): Promise<TabContext> {
  // Parsed again here: the background trusts nothing that crossed the messaging boundary.
  const result: ReadResult = readResultSchema.parse(reading);
  const context: TabContext = { tabId, readAt: now.toISOString(), result };
  await sessionStore.set(keyOf(tabId), context);
  return context;
}

export async function getContext(tabId: number): Promise<TabContext | null> {
  const stored = await sessionStore.get(keyOf(tabId));
  const parsed = tabContextSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await sessionStore.remove(keyOf(tabId));
}

/** Every tab's reading (the panel proposes the establishments open beside a job-seeker file). */
export async function allContexts(): Promise<TabContext[]> {
  const everything = await sessionStore.getAll();
  return Object.entries(everything)
    .filter(([key]) => isTabContextKey(key))
    .map(([, value]) => tabContextSchema.safeParse(value))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
}
