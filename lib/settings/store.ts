/**
 * The follow-up settings in extension storage (storage.local, through lib/platform), under the administrator's
 * policy: policy > options > build defaults, applied here only.
 */
import { localStore } from '@/lib/platform';
import { followUpSettingsSchema, parseFollowUpSettings, type FollowUpSettings } from './follow-up';
import { applyFollowUpPolicy, followUpToStore } from './policy';
import { loadPolicy, onPolicyChanged } from './policy-store';

export const SETTINGS_KEY = 'settings.followUp';

/** The settings in force. */
export async function loadSettings(): Promise<FollowUpSettings> {
  const [stored, policy] = await Promise.all([localStore.get(SETTINGS_KEY), loadPolicy()]);
  return applyFollowUpPolicy(parseFollowUpSettings(stored), policy);
}

/**
 * Saves settings already checked by `validateForm`; checked again, since storage outlives this page. The
 * policy's values are not written as the counsellor's (policy.ts, `followUpToStore`). Returns the settings in force.
 */
export async function saveSettings(settings: FollowUpSettings): Promise<FollowUpSettings> {
  const edited = followUpSettingsSchema.parse(settings);
  const [stored, policy] = await Promise.all([localStore.get(SETTINGS_KEY), loadPolicy()]);
  const toStore = followUpToStore(edited, parseFollowUpSettings(stored), policy);
  await localStore.set(SETTINGS_KEY, toStore);
  return applyFollowUpPolicy(toStore, policy);
}

/** The counsellor's settings or the administrator's policy changed. */
export function onSettingsChanged(listener: () => void): () => void {
  const offLocal = localStore.onChanged((keys) => keys.includes(SETTINGS_KEY) && listener());
  const offPolicy = onPolicyChanged(listener);
  return () => {
    offLocal();
    offPolicy();
  };
}
