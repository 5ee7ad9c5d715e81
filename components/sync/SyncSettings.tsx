/**
 * The « Synchronisation » section of the options: the central endpoint's address, the sign-in (identity
 * provider with PKCE, or a development token for the demo), who is connected, and « Synchroniser maintenant ».
 * A field fixed by the administrator's policy is disabled, with « Réglé par votre administrateur ».
 */
import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/protocol';
import { identity as browserIdentity } from '@/lib/platform';
import type { Policy } from '@/lib/settings/policy';
import type { ProfilenceDb } from '@/lib/store';
import { INITIAL_STATUS, readIdentity, readStatus, statusLine, type SyncIdentity, type SyncStatus } from '@/lib/sync';
import { lockedSyncFields, toSyncFormUnder, validateSyncForm, type SyncSettingsErrors, type SyncSettingsField, type SyncSettingsForm } from '@/lib/sync/settings';
import { loadSyncSettings, saveSyncSettings } from '@/lib/sync/settings-store';
import { useLiveQuery } from '../hooks/use-live-query';
import { describedBy, PolicyNote } from '../options/PolicyNote';
import { usePolicyForm } from '../options/use-policy-form';
import { uiDb } from '../promotion/db';
import { useNow } from './use-now';

type Feedback = { kind: 'success' | 'error' | 'info'; text: string } | undefined;

const FIELDS: { id: SyncSettingsField; label: string; hint: string; type?: string }[] = [
  { id: 'serverUrl', label: 'Adresse du serveur central', hint: 'Par exemple https://profilence.intranet.example ; http://localhost:8787 pour la démonstration.', type: 'url' },
  { id: 'issuer', label: "Fournisseur d'identité (OpenID Connect)", hint: "L'adresse de l'émetteur des jetons des agents. Laissez vide pour la démonstration.", type: 'url' },
  { id: 'clientId', label: 'Identifiant client de Profilence', hint: "Déclaré chez le fournisseur d'identité." },
  {
    id: 'resource',
    label: "Ressource (audience) de l'API",
    hint: "Demandée au fournisseur pour que ses jetons soient destinés au serveur central, par exemple https://profilence.intranet.example. Laissez vide si le fournisseur n'en demande pas.",
  },
  {
    id: 'scopes',
    label: 'Étendues demandées (scopes)',
    hint: 'Par défaut « openid profile » ; « offline_access » est ajouté quand le fournisseur le propose, pour rester connecté la journée.',
  },
  { id: 'devToken', label: 'Jeton de développement', hint: 'Démonstration seulement (par exemple demo-jeanne) ; jamais sur un serveur de production.', type: 'password' },
];

function redirectUrl(): string | undefined {
  try {
    return browserIdentity.redirectUrl();
  } catch {
    return undefined;
  }
}

export function SyncSettings({ db = uiDb() }: { db?: ProfilenceDb }) {
  const [loaded, setForm] = usePolicyForm<SyncSettingsForm>(async (policy) => toSyncFormUnder(await loadSyncSettings(), policy), lockedSyncFields);
  const [errors, setErrors] = useState<SyncSettingsErrors>({});
  const [feedback, setFeedback] = useState<Feedback>();
  const [busy, setBusy] = useState(false);
  const form = loaded?.form;
  const policy: Policy = loaded?.policy ?? {};
  const status = useLiveQuery<SyncStatus>(() => readStatus(db), [], INITIAL_STATUS);
  const pending = useLiveQuery(() => db.outbox.count(), [], 0);
  const me = useLiveQuery<SyncIdentity | undefined>(() => readIdentity(db), [], undefined);
  const now = useNow();

  if (!form) return <p class="pf-muted">Chargement des réglages de synchronisation…</p>;

  const locked = new Set(lockedSyncFields(policy));
  const edit = (field: SyncSettingsField, value: string) => {
    setForm({ ...form, [field]: value });
    setFeedback(undefined);
  };

  async function save(e: Event) {
    e.preventDefault();
    const checked = validateSyncForm(form!);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFeedback({ kind: 'error', text: 'Réglages de synchronisation non enregistrés : corrigez les champs signalés.' });
      return;
    }
    setErrors({});
    try {
      setForm(toSyncFormUnder(await saveSyncSettings(checked.settings), policy));
      setFeedback({ kind: 'success', text: 'Réglages enregistrés : synchronisation relancée.' });
    } catch {
      setFeedback({ kind: 'error', text: "Les réglages n'ont pas pu être enregistrés : réessayez." });
    }
  }

  async function command(run: () => Promise<string | undefined>) {
    setBusy(true);
    try {
      const error = await run();
      setFeedback(error ? { kind: 'error', text: error } : undefined);
    } catch {
      setFeedback({ kind: 'error', text: "Le service d'arrière-plan ne répond pas : rechargez l'extension." });
    } finally {
      setBusy(false);
    }
  }

  const signIn = () =>
    command(async () => {
      const outcome = await sendMessage('sync.signIn', undefined);
      return outcome.ok ? undefined : outcome.message;
    });
  const signOut = () => command(async () => void (await sendMessage('sync.signOut', undefined)));
  const syncNow = () => command(async () => void (await sendMessage('sync.now', undefined)));
  const line = statusLine(status, pending, now);
  const redirect = form.issuer ? redirectUrl() : undefined;

  return (
    <div data-testid="sync-settings-form">
      <h2 class="fr-h5">Synchronisation avec le serveur central</h2>
      <p role="status" data-testid="sync-settings-status">
        {line.text}
        {me && (
          <>
            <br />
            <span class="pf-muted">
              Connecté : {me.name} ({me.sub}), agence {me.agencyCode}
            </span>
          </>
        )}
      </p>
      <form onSubmit={(e) => void save(e)} noValidate>
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend fr-sr-only">Serveur et connexion</legend>
          {FIELDS.map((f) => {
            const error = errors[f.id];
            const isLocked = locked.has(f.id);
            return (
              <div class="fr-fieldset__element" key={f.id}>
                <div class={`fr-input-group ${error ? 'fr-input-group--error' : ''}`}>
                  <label class="fr-label" for={`sync-${f.id}`}>
                    {f.label}
                    <span class="fr-hint-text">{f.hint}</span>
                  </label>
                  <input
                    class={`fr-input ${error ? 'fr-input--error' : ''}`}
                    id={`sync-${f.id}`}
                    name={f.id}
                    type={f.type ?? 'text'}
                    autocomplete="off"
                    spellcheck={false}
                    value={form[f.id]}
                    disabled={isLocked}
                    aria-describedby={describedBy(isLocked && `sync-${f.id}-policy`, error && `sync-${f.id}-error`)}
                    onInput={(e) => edit(f.id, (e.target as HTMLInputElement).value)}
                  />
                  {isLocked && <PolicyNote fieldId={`sync-${f.id}`} />}
                  {error && (
                    <p class="fr-error-text" id={`sync-${f.id}-error`} data-testid={`sync-${f.id}-error`}>
                      {error}
                    </p>
                  )}
                </div>
              </div>
            );
          })}
          {redirect && (
            <p class="fr-fieldset__element pf-muted">
              Adresse de retour à déclarer chez le fournisseur d'identité : <code>{redirect}</code>
            </p>
          )}
        </fieldset>
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" class="fr-btn">
              Enregistrer
            </button>
          </li>
          {form.issuer && (
            <li>
              <button type="button" class="fr-btn fr-btn--secondary" disabled={busy} onClick={() => void signIn()}>
                Se connecter
              </button>
            </li>
          )}
          {form.issuer && (
            <li>
              <button type="button" class="fr-btn fr-btn--tertiary" disabled={busy} onClick={() => void signOut()}>
                Se déconnecter
              </button>
            </li>
          )}
          <li>
            <button type="button" class="fr-btn fr-btn--tertiary" disabled={busy} onClick={() => void syncNow()}>
              Synchroniser maintenant
            </button>
          </li>
        </ul>
      </form>
      {feedback && (
        <div class={`fr-alert fr-alert--${feedback.kind} fr-alert--sm`} role={feedback.kind === 'error' ? 'alert' : 'status'} data-testid="sync-settings-feedback">
          <p>{feedback.text}</p>
        </div>
      )}
    </div>
  );
}
