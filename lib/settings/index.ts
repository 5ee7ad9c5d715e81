export * from './follow-up';
export { loadSettings, onSettingsChanged, saveSettings, SETTINGS_KEY } from './store';
export { applyFollowUpPolicy, lockedFollowUpFields, type Policy } from './policy';
export { readPolicy } from './policy-store';
