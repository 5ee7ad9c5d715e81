// Follow-up settings: defaults, lenient reading of what is stored, strict checks of the form in French.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_FOLLOW_UP_SETTINGS,
  loadSettings,
  parseFollowUpSettings,
  saveSettings,
  SETTINGS_KEY,
  toForm,
  validateForm,
} from '@/lib/settings';

const form = (patch: Partial<ReturnType<typeof toForm>> = {}) => ({ ...toForm(DEFAULT_FOLLOW_UP_SETTINGS), ...patch });

describe('parseFollowUpSettings', () => {
  it('gives the defaults when nothing is stored: 7 days, twice that, 30 days, calendar days, notifications on', () => {
    expect(parseFollowUpSettings(undefined)).toEqual({ firstFollowUpDays: 7, autoCloseDays: 30, workingDays: false, notifications: true });
  });

  it('keeps the valid fields and replaces the invalid ones by their default', () => {
    expect(parseFollowUpSettings({ firstFollowUpDays: 10, autoCloseDays: 'soon', workingDays: true, notifications: 'yes' })).toEqual({
      firstFollowUpDays: 10,
      autoCloseDays: 30,
      workingDays: true,
      notifications: true,
    });
    expect(parseFollowUpSettings({ firstFollowUpDays: 2 }).firstFollowUpDays).toBe(7);
    expect(parseFollowUpSettings({ firstFollowUpDays: 31 }).firstFollowUpDays).toBe(7);
  });

  it('falls back to the default delays when the stored ones no longer follow each other', () => {
    expect(parseFollowUpSettings({ firstFollowUpDays: 20, autoCloseDays: 30, workingDays: true })).toEqual({
      ...DEFAULT_FOLLOW_UP_SETTINGS,
      workingDays: true,
    });
  });
});

describe('validateForm', () => {
  it('accepts the defaults, the second delay blank meaning twice the first', () => {
    expect(validateForm(form())).toEqual({ ok: true, settings: { ...DEFAULT_FOLLOW_UP_SETTINGS } });
    expect(validateForm(form({ secondFollowUpDays: '12' }))).toMatchObject({ ok: true, settings: { secondFollowUpDays: 12 } });
  });

  it('refuses a first delay outside 3–30 days, in French, beside the field', () => {
    expect(validateForm(form({ firstFollowUpDays: '2' }))).toEqual({ ok: false, errors: { firstFollowUpDays: 'Première relance : 3 jours au moins.' } });
    expect(validateForm(form({ firstFollowUpDays: '31' }))).toMatchObject({ ok: false, errors: { firstFollowUpDays: 'Première relance : 30 jours au plus.' } });
    expect(validateForm(form({ firstFollowUpDays: 'sept' }))).toMatchObject({ ok: false, errors: { firstFollowUpDays: expect.stringContaining('Première relance') } });
    expect(validateForm(form({ firstFollowUpDays: '' }))).toMatchObject({ ok: false, errors: { firstFollowUpDays: 'Première relance : indiquez un nombre de jours.' } });
  });

  it('wants the second follow-up after the first, and the closing after the second', () => {
    expect(validateForm(form({ firstFollowUpDays: '10', secondFollowUpDays: '8' }))).toMatchObject({
      ok: false,
      errors: { secondFollowUpDays: 'Deuxième relance : elle doit venir après la première (plus de 10 jours).' },
    });
    expect(validateForm(form({ firstFollowUpDays: '20' }))).toMatchObject({
      ok: false,
      errors: { autoCloseDays: 'Clôture sans réponse : elle doit venir après la deuxième relance (plus de 40 jours).' },
    });
  });
});

describe('settings in storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves and reads back; a damaged value reads as the defaults', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_FOLLOW_UP_SETTINGS);
    await saveSettings({ ...DEFAULT_FOLLOW_UP_SETTINGS, firstFollowUpDays: 5, workingDays: true });
    expect(await loadSettings()).toMatchObject({ firstFollowUpDays: 5, workingDays: true });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: 'garbage' });
    expect(await loadSettings()).toEqual(DEFAULT_FOLLOW_UP_SETTINGS);
  });

  it('refuses to save settings that do not check', async () => {
    await expect(saveSettings({ ...DEFAULT_FOLLOW_UP_SETTINGS, firstFollowUpDays: 1 })).rejects.toThrow();
    expect(await loadSettings()).toEqual(DEFAULT_FOLLOW_UP_SETTINGS);
  });
});
