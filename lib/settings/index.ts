export * from './follow-up';
export { loadSettings, onSettingsChanged, saveSettings, SETTINGS_KEY } from './store';
export { applyFollowUpPolicy, lockedFollowUpFields, type Policy } from './policy';
export { onPolicyChanged, readPolicy } from './policy-store';
