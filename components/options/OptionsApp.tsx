/**
 * The options page: reminder delays, working days, notifications. Checked with zod, errors in French
 * beside each field, saved in storage.local. A setting fixed by the administrator's policy is shown
 * disabled with « Réglé par votre administrateur ». Other sections (synchronisation) are passed as children.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import {
  applyFollowUpPolicy,
  AUTO_CLOSE_RANGE,
  DEFAULT_FOLLOW_UP_SETTINGS,
  FIRST_FOLLOW_UP_RANGE,
  loadSettings,
  lockedFollowUpFields,
  saveSettings,
  SECOND_FOLLOW_UP_RANGE,
  toForm,
  validateForm,
  type SettingsErrors,
  type SettingsField,
  type SettingsForm,
} from '@/lib/settings';
import { describedBy, PolicyNote, PolicyWarnings } from './PolicyNote';
import { usePolicyForm } from './use-policy-form';

type Saved = { kind: 'success' | 'error'; text: string } | undefined;

function NumberField(props: {
  id: Exclude<SettingsField, 'workingDays' | 'notifications'>;
  label: string;
  hint: string;
  range: { min: number; max: number };
  form: SettingsForm;
  errors: SettingsErrors;
  locked: boolean;
  onInput: (value: string) => void;
}) {
  const error = props.errors[props.id];
  return (
    <div class={`fr-input-group ${error ? 'fr-input-group--error' : ''}`}>
      <label class="fr-label" for={props.id}>
        {props.label}
        <span class="fr-hint-text">{props.hint}</span>
      </label>
      <input
        class={`fr-input ${error ? 'fr-input--error' : ''}`}
        id={props.id}
        name={props.id}
        type="number"
        inputMode="numeric"
        min={props.range.min}
        max={props.range.max}
        value={props.form[props.id]}
        disabled={props.locked}
        aria-describedby={describedBy(props.locked && `${props.id}-policy`, error && `${props.id}-error`)}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
      />
      {props.locked && <PolicyNote fieldId={props.id} />}
      {error && (
        <p class="fr-error-text" id={`${props.id}-error`} data-testid={`${props.id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function Toggle(props: {
  id: 'workingDays' | 'notifications';
  label: string;
  hint: string;
  form: SettingsForm;
  locked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <div class="fr-checkbox-group fr-mb-2w">
      <input
        type="checkbox"
        id={props.id}
        name={props.id}
        checked={props.form[props.id]}
        disabled={props.locked}
        aria-describedby={describedBy(props.locked && `${props.id}-policy`)}
        onChange={(e) => props.onChange((e.target as HTMLInputElement).checked)}
      />
      <label class="fr-label" for={props.id}>
        {props.label}
        <span class="fr-hint-text">{props.hint}</span>
      </label>
      {props.locked && <PolicyNote fieldId={props.id} />}
    </div>
  );
}

export function OptionsApp({ children }: { children?: ComponentChildren }) {
  const [loaded, setForm] = usePolicyForm(async () => toForm(await loadSettings()), lockedFollowUpFields);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [saved, setSaved] = useState<Saved>();
  const form = loaded?.form;
  const policy = loaded?.policy ?? {};
  const warnings = loaded?.warnings ?? [];

  if (!form) return <p class="pf-muted">Chargement des réglages…</p>;
  const edit = (patch: Partial<SettingsForm>) => {
    setForm({ ...form, ...patch });
    setSaved(undefined);
  };
  const autoSecond = 2 * (Number(form.firstFollowUpDays) || DEFAULT_FOLLOW_UP_SETTINGS.firstFollowUpDays);
  const locked = new Set(lockedFollowUpFields(policy));

  async function submit(e: Event) {
    e.preventDefault();
    const checked = validateForm(form!);
    if (!checked.ok) {
      setErrors(checked.errors);
      setSaved({ kind: 'error', text: 'Réglages non enregistrés : corrigez les champs signalés.' });
      return;
    }
    setErrors({});
    try {
      setForm(toForm(await saveSettings(checked.settings)));
      setSaved({ kind: 'success', text: 'Réglages enregistrés.' });
    } catch {
      setSaved({ kind: 'error', text: "Les réglages n'ont pas pu être enregistrés : réessayez." });
    }
  }

  return (
    <main class="pf-options">
      <h1 class="fr-h3">Réglages de Profilence</h1>
      <PolicyWarnings warnings={warnings} />
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="follow-up-settings">
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend fr-h5">Relances et clôture</legend>
          <div class="fr-fieldset__element">
            <NumberField
              id="firstFollowUpDays"
              label="Première relance (jours après l'envoi)"
              hint={`De ${FIRST_FOLLOW_UP_RANGE.min} à ${FIRST_FOLLOW_UP_RANGE.max} jours ; 7 par défaut.`}
              range={FIRST_FOLLOW_UP_RANGE}
              form={form}
              errors={errors}
              locked={locked.has('firstFollowUpDays')}
              onInput={(v) => edit({ firstFollowUpDays: v })}
            />
          </div>
          <div class="fr-fieldset__element">
            <NumberField
              id="secondFollowUpDays"
              label="Deuxième relance (jours après l'envoi)"
              hint={`Laissez vide pour le double de la première (${autoSecond} jours). Jusqu'à ${SECOND_FOLLOW_UP_RANGE.max} jours.`}
              range={SECOND_FOLLOW_UP_RANGE}
              form={form}
              errors={errors}
              locked={locked.has('secondFollowUpDays')}
              onInput={(v) => edit({ secondFollowUpDays: v })}
            />
          </div>
          <div class="fr-fieldset__element">
            <NumberField
              id="autoCloseDays"
              label="Clôture « sans réponse » (jours après l'envoi)"
              hint={`Sans réponse de l'employeur ni report, la promotion est close. De ${AUTO_CLOSE_RANGE.min} à ${AUTO_CLOSE_RANGE.max} jours ; 30 par défaut.`}
              range={AUTO_CLOSE_RANGE}
              form={form}
              errors={errors}
              locked={locked.has('autoCloseDays')}
              onInput={(v) => edit({ autoCloseDays: v })}
            />
          </div>
          <div class="fr-fieldset__element">
            <Toggle
              id="workingDays"
              label="Compter en jours ouvrés"
              hint="Sans les samedis, dimanches et jours fériés."
              form={form}
              locked={locked.has('workingDays')}
              onChange={(v) => edit({ workingDays: v })}
            />
            <Toggle
              id="notifications"
              label="Notification du navigateur"
              hint="Une notification par jour au plus quand des relances sont à faire."
              form={form}
              locked={locked.has('notifications')}
              onChange={(v) => edit({ notifications: v })}
            />
          </div>
        </fieldset>
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" class="fr-btn">
              Enregistrer
            </button>
          </li>
          <li>
            <button type="button" class="fr-btn fr-btn--secondary" onClick={() => edit(toForm(applyFollowUpPolicy({ ...DEFAULT_FOLLOW_UP_SETTINGS }, policy)))}>
              Revenir aux valeurs par défaut
            </button>
          </li>
        </ul>
        {saved && (
          <div class={`fr-alert fr-alert--${saved.kind} fr-alert--sm`} role={saved.kind === 'error' ? 'alert' : 'status'} data-testid="settings-feedback">
            <p>{saved.text}</p>
          </div>
        )}
      </form>
      {/* Synchronisation settings (server address, sign-in) are added here by their own component. */}
      <section id="sync-settings" class="fr-mt-4w" data-testid="sync-settings">
        {children}
      </section>
    </main>
  );
}
