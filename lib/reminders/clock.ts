/**
 * "Now" for reminders. Production builds use the system clock. Builds made with
 * WXT_PROFILENCE_TEST_HOOKS=1 (npm test) add an offset kept in storage.local, set by the
 * background's `debug.setClock` message, so end-to-end tests can move a week ahead.
 */
import { localStore } from '@/lib/platform';

export const CLOCK_OFFSET_KEY = 'debug.clockOffsetMs';

/** Read once: a build-time constant in the bundle; absent when not run through Vite (benchmarks). */
export const TEST_HOOKS: boolean = (() => {
  try {
    return import.meta.env.WXT_PROFILENCE_TEST_HOOKS === '1';
  } catch {
    return false;
  }
})();

export async function clockOffset(): Promise<number> {
  if (!TEST_HOOKS) return 0;
  const offset = await localStore.get<number>(CLOCK_OFFSET_KEY);
  return typeof offset === 'number' && Number.isFinite(offset) ? offset : 0;
}

export async function currentTime(): Promise<Date> {
  return new Date(Date.now() + (await clockOffset()));
}

export async function setClockOffset(offsetMs: number): Promise<void> {
  if (!TEST_HOOKS) throw new Error('Horloge de test indisponible dans cette version.');
  await localStore.set(CLOCK_OFFSET_KEY, offsetMs);
}

export function onClockChanged(listener: () => void): () => void {
  if (!TEST_HOOKS) return () => undefined;
  return localStore.onChanged((keys) => keys.includes(CLOCK_OFFSET_KEY) && listener());
}
