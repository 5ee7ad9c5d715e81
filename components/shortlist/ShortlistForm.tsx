/**
 * « Proposer une sélection » on a need of the establishment's board: the pool profiles that fit it (the matching
 * rule of PoolMatches), up to five ticked, each named (its file open: name and CV) or anonymous, the e-mail
 * previewed, then « Préparer l'e-mail ». The background checks everything again from its own readings.
 */
import { useState } from 'preact/hooks';
import { pickContact } from '@/lib/domain/contacts';
import type { Establishment, JobSeekerProfile } from '@/lib/domain/legacy';
import { MATCH_TIER_LABELS } from '@/lib/domain/labels';
import { matchPoolForEstablishment } from '@/lib/domain/matching';
import type { PromotionMode } from '@/lib/domain/promotion';
import { allowedModes, composeShortlist, SHORTLIST_MAX, SHORTLIST_MAX_MESSAGE } from '@/lib/domain/shortlist';
import { sendMessage } from '@/lib/messaging/protocol';
import type { ShortlistOutcome } from '@/lib/messaging/shortlist-commands';
import { duplicateSeen, recentDuplicateAmong } from '@/lib/domain/duplicates';
import { listForEstablishment, listPool, type StoredNeed, type StoredPoolEntry, type StoredPromotion } from '@/lib/store';
import { frenchDate, plural } from '../format';
import { useLiveQuery } from '../hooks/use-live-query';
import { useOpenTabs } from '../hooks/use-open-tabs';
import { distanceText } from '../matches/distance';
import { useLocate } from '../matches/use-locate';
import { availabilityText } from '../pool/PoolItem';
import { uiDb } from '../promotion/db';
import './shortlist.css';

const MODE_LABELS: Record<PromotionMode, string> = { named: 'Nominatif, CV joint', anonymous: 'Anonyme' };
const UNREACHABLE = "Profilence n'a pas pu préparer l'e-mail : rechargez la page puis réessayez.";
/** The preview's references: the store makes them when the promotions are recorded. */
const PREVIEW_REFERENCE = 'PRF-……';

/** `retryWithout`: the profiles to leave out on « Envoyer sans … »; `sendAnyway`: the 90-day warning, confirmed by a click. */
type Feedback = { kind: 'success' | 'error' | 'warning'; text: string; retryWithout?: string[]; sendAnyway?: boolean };

interface Props {
  need: StoredNeed;
  establishment: Establishment;
  tabId: number;
  onClose(): void;
}

export function ShortlistForm({ need, establishment, tabId, onClose }: Props) {
  const locate = useLocate();
  const pool = useLiveQuery<StoredPoolEntry[]>(() => listPool(uiDb(), { status: 'active' }), [], []);
  // Promotions already made to this establishment (a colleague's arrive by sync): the 90-day rule, shown before ticking.
  const earlier = useLiveQuery<StoredPromotion[]>(() => listForEstablishment(uiDb(), establishment.siret), [establishment.siret], []);
  const openTabs = useOpenTabs();
  const contacts = establishment.contacts.map((c, index) => ({ c, index })).filter(({ c }) => c.email);
  const [contactIndex, setContactIndex] = useState<number | undefined>(() => {
    const chosen = pickContact(establishment);
    return chosen?.email ? establishment.contacts.indexOf(chosen) : contacts[0]?.index;
  });
  const [picks, setPicks] = useState<{ id: string; mode: PromotionMode }[]>([]);
  const [limit, setLimit] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>();

  if (!locate) return <p class="pf-muted">Chargement des profils du vivier…</p>;
  const matches = matchPoolForEstablishment({ postcode: establishment.address.postcode, city: establishment.address.city, needs: [need] }, pool, locate);
  const fileOf = (ftId: string): JobSeekerProfile | undefined => {
    for (const { result } of openTabs) if (result.recognized && result.page === 'profile' && result.data.ftId === ftId) return result.data;
    return undefined;
  };

  function toggle(entry: StoredPoolEntry, checked: boolean) {
    setFeedback(undefined);
    if (!checked) {
      setLimit(undefined);
      return setPicks(picks.filter((p) => p.id !== entry.id));
    }
    // The sixth is refused out loud, never dropped silently.
    if (picks.length >= SHORTLIST_MAX) return setLimit(SHORTLIST_MAX_MESSAGE);
    setPicks([...picks, { id: entry.id, mode: allowedModes(fileOf(entry.ftId))[0]! }]);
  }

  const chosen = picks.flatMap((p) => {
    const entry = matches.find((m) => m.entry.id === p.id)?.entry;
    if (!entry) return [];
    const profile = fileOf(entry.ftId);
    // A named pick whose file was closed meanwhile goes back to anonymous.
    const mode = allowedModes(profile).includes(p.mode) ? p.mode : 'anonymous';
    return [{ entry, mode, ...(profile ? { profile } : {}) }];
  });
  const contact = contactIndex === undefined ? undefined : establishment.contacts[contactIndex];
  const preview =
    chosen.length > 0
      ? composeShortlist({
          candidates: chosen,
          need,
          establishmentName: establishment.name,
          contact,
          references: chosen.map(() => PREVIEW_REFERENCE),
        })
      : undefined;

  async function prepare(without: string[] = [], acknowledgedDuplicates = false) {
    setBusy(true);
    setFeedback(undefined);
    const kept = chosen.filter((c) => !without.includes(c.entry.id));
    if (without.length) setPicks(picks.filter((p) => !without.includes(p.id)));
    let outcome: ShortlistOutcome;
    try {
      outcome = await sendMessage('shortlist.prepare', {
        establishmentTabId: tabId,
        needId: need.id,
        ...(contactIndex !== undefined ? { contactIndex } : {}),
        picks: kept.map((c) => ({ poolEntryId: c.entry.id, mode: c.mode })),
        ...(acknowledgedDuplicates ? { acknowledgedDuplicates } : {}),
      });
    } catch {
      outcome = { ok: false, code: 'invalid', message: UNREACHABLE };
    }
    setBusy(false);
    if (outcome.ok) {
      setPicks([]);
      return setFeedback({
        kind: 'success',
        text: `${plural(outcome.promotionIds.length, 'promotion enregistrée', 'promotions enregistrées')} (${outcome.references.join(', ')}) : l'e-mail est prêt dans la messagerie, vérifiez-le puis envoyez-le.`,
      });
    }
    if (outcome.code === 'consent_changed') {
      const others = kept.length - outcome.excluded.length;
      return setFeedback({ kind: 'error', text: outcome.message, ...(others > 0 ? { retryWithout: outcome.excluded.map((e) => e.poolEntryId) } : {}) });
    }
    if (outcome.code === 'duplicate') {
      const others = kept.length - outcome.duplicates.length;
      return setFeedback({
        kind: 'warning',
        text: outcome.message,
        sendAnyway: true,
        ...(others > 0 ? { retryWithout: outcome.duplicates.map((d) => d.poolEntryId) } : {}),
      });
    }
    setFeedback({ kind: 'error', text: outcome.message });
  }

  const titleId = `shortlist-title-${need.id}`;
  return (
    <section class="pf-shortlist fr-mt-2w" data-testid="shortlist" aria-labelledby={titleId}>
      <h3 class="fr-h6" id={titleId}>
        Sélection pour « {need.label} »
      </h3>
      {matches.length === 0 ? (
        <p class="pf-muted">Aucun profil du vivier ne correspond à ce besoin à proximité.</p>
      ) : (
        <>
          <p class="pf-muted">
            Cochez jusqu'à {SHORTLIST_MAX} profils : un seul e-mail les présente, chacun devient une promotion suivie à part.
          </p>
          <ul class="pf-cards" aria-label="Profils du vivier pour ce besoin">
            {matches.map(({ entry, tier, distanceKm }) => {
              const id = `sl-${need.id}-${entry.id}`;
              const pick = chosen.find((c) => c.entry.id === entry.id);
              const modes = allowedModes(fileOf(entry.ftId));
              const name = entry.firstName || entry.ftId;
              const details = [`${entry.postcode} ${entry.city}`, distanceText(distanceKm), MATCH_TIER_LABELS[tier], availabilityText(entry.availability)]
                .filter(Boolean)
                .join(' · ');
              const previous = recentDuplicateAmong(earlier, entry.ftId, establishment.siret, new Date());
              const seen = previous && duplicateSeen(previous);
              return (
                <li key={entry.id} data-testid="shortlist-candidate">
                  <div class="fr-checkbox-group fr-checkbox-group--sm">
                    <input type="checkbox" id={id} checked={!!pick} disabled={busy} onChange={(e) => toggle(entry, e.currentTarget.checked)} />
                    <label class="fr-label" for={id}>
                      {name} — {entry.romeLabel} ({entry.mainRome})
                      <span class="fr-hint-text">{details}</span>
                      {seen && (
                        <span class="fr-hint-text pf-shortlist-seen" data-testid="shortlist-seen">
                          Déjà proposé à cet établissement le {frenchDate(seen.at)}, par {seen.by}
                        </span>
                      )}
                    </label>
                  </div>
                  {pick && (
                    <fieldset class="fr-fieldset fr-mb-0 pf-shortlist-mode" aria-label={`Envoi du profil de ${name}`}>
                      {(['named', 'anonymous'] as const).map((mode) => (
                        <div class="fr-fieldset__element fr-fieldset__element--inline" key={mode}>
                          <div class="fr-radio-group fr-radio-group--sm">
                            <input
                              type="radio"
                              id={`${id}-${mode}`}
                              name={`${id}-mode`}
                              checked={pick.mode === mode}
                              disabled={busy || !modes.includes(mode)}
                              onChange={() => setPicks(picks.map((p) => (p.id === entry.id ? { ...p, mode } : p)))}
                            />
                            <label class="fr-label" for={`${id}-${mode}`}>
                              {MODE_LABELS[mode]}
                            </label>
                          </div>
                        </div>
                      ))}
                      {!modes.includes('named') && (
                        <p class="fr-hint-text fr-mb-0">Anonyme seulement : le vivier ne garde ni son nom ni son CV ; ouvrez son dossier pour le proposer nominativement.</p>
                      )}
                    </fieldset>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {limit && (
        <p class="fr-error-text" role="alert" data-testid="shortlist-limit">
          {limit}
        </p>
      )}
      {contacts.length === 0 ? (
        <p class="fr-error-text">Aucun contact de {establishment.name} n'a d'adresse électronique : la sélection part par e-mail.</p>
      ) : (
        <div class="fr-select-group fr-mt-1w">
          <label class="fr-label" for={`sl-contact-${need.id}`}>
            Destinataire
          </label>
          <select class="fr-select" id={`sl-contact-${need.id}`} value={contactIndex} onChange={(e) => setContactIndex(Number(e.currentTarget.value))}>
            {contacts.map(({ c, index }) => (
              <option key={index} value={index}>
                {[c.firstName, c.lastName].filter(Boolean).join(' ')} — {c.email}
              </option>
            ))}
          </select>
        </div>
      )}
      {preview && (
        <div class="fr-mt-1w">
          <p class="pf-card-title">Aperçu de l'e-mail</p>
          {preview.ok ? (
            <div class="pf-shortlist-preview" data-testid="shortlist-preview">
              <p class="fr-mb-1w">
                <strong>Objet :</strong> {preview.subject}
              </p>
              <p class="pf-card-text">{preview.body}</p>
              <p class="fr-hint-text fr-mb-0">Les références sont attribuées quand les promotions sont enregistrées.</p>
            </div>
          ) : (
            <p class="fr-error-text" role="alert">
              {preview.message}
            </p>
          )}
        </div>
      )}
      {feedback && (
        <div class={`fr-alert fr-alert--${feedback.kind} fr-alert--sm fr-mt-1w`} role={feedback.kind === 'success' ? 'status' : 'alert'} data-testid="shortlist-feedback">
          <p>{feedback.text}</p>
          {feedback.sendAnyway && (
            <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w fr-mr-1w" disabled={busy} onClick={() => void prepare([], true)}>
              Envoyer quand même
            </button>
          )}
          {feedback.retryWithout && (
            <button type="button" class="fr-btn fr-btn--sm fr-mt-1w" disabled={busy} onClick={() => void prepare(feedback.retryWithout)}>
              Envoyer sans {feedback.retryWithout.length > 1 ? 'eux' : 'ce profil'}
            </button>
          )}
        </div>
      )}
      <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-1w">
        <li>
          <button type="button" class="fr-btn fr-btn--sm" disabled={busy || !preview?.ok || !contact?.email} onClick={() => void prepare()}>
            Préparer l'e-mail
          </button>
        </li>
        <li>
          <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" disabled={busy} onClick={onClose}>
            Fermer la sélection
          </button>
        </li>
      </ul>
    </section>
  );
}
