/** The popup's data, kept current: promotions waiting for an answer (live), settings, snoozes and the clock. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { currentTime, onClockChanged } from '@/lib/reminders/clock';
import { buildFollowUpList, type FollowUpList } from '@/lib/reminders/follow-up-list';
import { loadSnoozes, onSnoozesChanged } from '@/lib/reminders/snooze-store';
import { loadSettings, onSettingsChanged, type FollowUpSettings } from '@/lib/settings';
import type { ProfilenceDb, StoredPromotion } from '@/lib/store';
import { useLiveQuery } from '../hooks/use-live-query';

export interface FollowUpState {
  list: FollowUpList;
  now: Date;
  settings: FollowUpSettings;
  /** Promotions still waiting for the employer, whatever their reminders. */
  waiting: number;
}

/** Re-reads `load` now and whenever `subscribe` says it changed. */
function useReloaded<T>(load: () => Promise<T>, subscribe: (listener: () => void) => () => void): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let alive = true;
    const reload = () => void load().then((v) => alive && setValue(() => v), () => undefined);
    reload();
    const stop = subscribe(reload);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return value;
}

const everyMinute = (listener: () => void) => {
  const timer = setInterval(listener, 60_000);
  return () => clearInterval(timer);
};

export function useFollowUps(db: ProfilenceDb): FollowUpState | undefined {
  const promotions = useLiveQuery<StoredPromotion[] | undefined>(
    () => db.promotions.where('status').equals('sent').toArray(),
    [db],
    undefined,
  );
  const settings = useReloaded(loadSettings, onSettingsChanged);
  const snoozes = useReloaded(loadSnoozes, onSnoozesChanged);
  const now = useReloaded(currentTime, (listener) => {
    const stopClock = onClockChanged(listener);
    const stopTimer = everyMinute(listener);
    return () => (stopClock(), stopTimer());
  });
  return useMemo(() => {
    if (!promotions || !settings || !snoozes || !now) return undefined;
    return { list: buildFollowUpList(promotions, settings, now, snoozes), now, settings, waiting: promotions.length };
  }, [promotions, settings, snoozes, now]);
}
