/** The follow-up settings in extension storage (storage.local, through lib/platform). */
import { localStore } from '@/lib/platform';
import { followUpSettingsSchema, parseFollowUpSettings, type FollowUpSettings } from './follow-up';

export const SETTINGS_KEY = 'settings.followUp';

export async function loadSettings(): Promise<FollowUpSettings> {
  return parseFollowUpSettings(await localStore.get(SETTINGS_KEY));
}

/** Saves settings already checked by `validateForm`; checked again, since storage outlives this page. */
export async function saveSettings(settings: FollowUpSettings): Promise<FollowUpSettings> {
  const parsed = followUpSettingsSchema.parse(settings);
  await localStore.set(SETTINGS_KEY, parsed);
  return parsed;
}

export function onSettingsChanged(listener: () => void): () => void {
  return localStore.onChanged((keys) => keys.includes(SETTINGS_KEY) && listener());
}
