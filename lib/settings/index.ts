export * from './follow-up';
export { loadSettings, onSettingsChanged, saveSettings, SETTINGS_KEY } from './store';
