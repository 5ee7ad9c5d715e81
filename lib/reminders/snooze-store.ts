/** Snoozes (« Reporter ») in storage.local, one key per promotion id: no personal data, just a day. */
import { z } from 'zod';
import { localStore } from '@/lib/platform';
import type { Snoozes } from './due';

const PREFIX = 'snooze:';
const snoozeSchema = z.object({ until: z.iso.date() });

export async function loadSnoozes(): Promise<Record<string, string>> {
  const everything = await localStore.getAll();
  const snoozes: Record<string, string> = {};
  for (const [key, value] of Object.entries(everything)) {
    if (!key.startsWith(PREFIX)) continue;
    const parsed = snoozeSchema.safeParse(value);
    if (parsed.success) snoozes[key.slice(PREFIX.length)] = parsed.data.until;
  }
  return snoozes;
}

export async function setSnooze(promotionId: string, until: string): Promise<void> {
  await localStore.set(PREFIX + promotionId, { until });
}

export async function clearSnooze(promotionId: string): Promise<void> {
  await localStore.remove(PREFIX + promotionId);
}

/** Forgets snoozes of promotions no longer waiting for an answer, or already over. */
export async function pruneSnoozes(snoozes: Snoozes, keep: (promotionId: string, until: string) => boolean): Promise<void> {
  for (const [id, until] of Object.entries(snoozes)) if (!keep(id, until)) await clearSnooze(id);
}

export function onSnoozesChanged(listener: () => void): () => void {
  return localStore.onChanged((keys) => keys.some((k) => k.startsWith(PREFIX)) && listener());
}
