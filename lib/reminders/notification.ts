/** The text of the daily notification and its icon (a data URL: the extension ships no image file). */
import { plural } from '@/lib/domain/plural';

export function notificationText(followUps: number, closed: number): { title: string; message: string } | undefined {
  if (followUps === 0 && closed === 0) return undefined;
  const parts: string[] = [];
  if (followUps > 0) parts.push(`${plural(followUps, 'promotion attend', 'promotions attendent')} une relance.`);
  if (closed > 0) parts.push(`${plural(closed, 'promotion close', 'promotions closes')} sans réponse.`);
  return { title: 'Profilence : suivi des promotions', message: `${parts.join(' ')} Cliquez pour les voir.` };
}

/** 48×48 PNG: a white « P » on the French State blue. */
export const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAb0lEQVR42u3YMRKAMAgEwPy/88XmAxYUQET3ZtKzDQHWCue6e196AAAAAAAAXgmoKeApRdDcIiMZD8iFHATkIABixdUhCgC93QkAAADgc23UT2yY+/s4PX6haV49AQAAAAAARgNcpwEAAAAAAI4BNgPgdmOtBtgxAAAAAElFTkSuQmCC';
