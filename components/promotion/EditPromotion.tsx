/**
 * « Modifier » a promotion: before it is sent, the contact, job, mode, channel and message; after, the
 * contact only (lib/domain/promotion-edits.ts). Saved by the background through `promotion.update`, which
 * syncs it and rewrites the e-mail still waiting in the webmail.
 */
import { useState } from 'preact/hooks';
import type { EstablishmentContact, JobSeekerProfile } from '@/lib/domain/legacy';
import { CHANNEL_LABELS } from '@/lib/domain/labels';
import { contactSalutation, generatePitch } from '@/lib/domain/pitch';
import type { PromotionChannel, PromotionMode } from '@/lib/domain/promotion';
import { editableFields } from '@/lib/domain/promotion-edits';
import type { EditPromotionOutcome } from '@/lib/messaging/promotion-commands';
import { sendMessage } from '@/lib/messaging/protocol';
import { contactSnapshot, getEstablishment, type StoredPromotion } from '@/lib/store';
import { useLiveQuery } from '../hooks/use-live-query';
import { ConfirmReplace } from './ConfirmReplace';
import { uiDb } from './db';
import { JobSelect } from './JobSelect';
import { ModeChoice } from './ModeChoice';

const CHANNELS = Object.entries(CHANNEL_LABELS) as [PromotionChannel, string][];

interface Props {
  promotion: StoredPromotion;
  /** The job seeker's file, when it is the one open: needed to change the job or the mode. */
  profile?: JobSeekerProfile;
  tabId?: number;
  onDone(): void;
}

type Contact = NonNullable<StoredPromotion['contact']>;
const sameContact = (a?: Contact, b?: Contact) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const contactLabel = (c: Contact) => `${c.name}${c.email ? ` — ${c.email}` : ''}`;

export function EditPromotion({ promotion, profile, tabId, onDone }: Props) {
  const fields = editableFields(promotion.status);
  const beforeSending = fields.includes('pitch');
  const known = useLiveQuery(async () => (await getEstablishment(uiDb(), promotion.establishment.siret))?.establishment.contacts ?? [], [promotion.establishment.siret], [] as EstablishmentContact[]);
  // The contacts to choose from: the establishment's, and the current one if it is no longer listed.
  const options: { snapshot: Contact; full?: EstablishmentContact }[] = known.map((full) => ({ snapshot: contactSnapshot(full), full }));
  if (promotion.contact && !options.some((o) => sameContact(o.snapshot, promotion.contact))) options.unshift({ snapshot: promotion.contact });
  const choices = options.map((o) => o.snapshot);

  // Chosen by value, not index: the establishment's contacts load after the first render.
  const [contactKey, setContactKey] = useState(() => JSON.stringify(promotion.contact ?? null));
  const [rome, setRome] = useState(promotion.rome);
  const [mode, setMode] = useState<PromotionMode>(promotion.mode);
  const [channel, setChannel] = useState<PromotionChannel>(promotion.channel);
  const [pitch, setPitch] = useState(promotion.pitch);

  /** A job or mode change waiting for the counsellor's answer, because the message is not the file's text. */
  const [pending, setPending] = useState<{ mode: PromotionMode; rome: string; question: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const chosenOption = options.find((o) => JSON.stringify(o.snapshot) === contactKey);
  const contact = chosenOption?.snapshot ?? promotion.contact;
  const fullContact = chosenOption?.full;
  /** The message written again from the file, for this establishment and contact. */
  const regenerated = (nextMode: PromotionMode, nextRome: string) =>
    profile &&
    generatePitch(profile, {
      mode: nextMode,
      rome: nextRome,
      establishmentName: promotion.establishment.name,
      contactName: fullContact ? contactSalutation(fullContact) : contact?.name,
      reference: promotion.reference,
    }).body;

  /** Job or mode: the message is written again from the file, after asking if it is not the file's text. */
  function change(next: { mode: PromotionMode; rome: string }, question: string) {
    if (pitch !== regenerated(mode, rome)) return setPending({ ...next, question });
    setMode(next.mode);
    setRome(next.rome);
    setPitch(regenerated(next.mode, next.rome) ?? pitch);
  }

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const changes = {
      ...(contact && !sameContact(contact, promotion.contact) ? { contact } : {}),
      ...(beforeSending && rome !== promotion.rome ? { rome } : {}),
      ...(beforeSending && mode !== promotion.mode ? { mode } : {}),
      ...(beforeSending && channel !== promotion.channel ? { channel } : {}),
      ...(beforeSending && pitch !== promotion.pitch ? { pitch } : {}),
    };
    const outcome: EditPromotionOutcome = await sendMessage('promotion.edit', { promotionId: promotion.id, jobSeekerTabId: tabId, changes }).catch(
      () => ({ ok: false, code: 'invalid', message: "Profilence n'a pas pu enregistrer la modification : réessayez." }) as const,
    );
    setBusy(false);
    if (!outcome.ok) return setError(outcome.message);
    onDone();
  }

  const id = (name: string) => `edit-${name}-${promotion.id}`;
  return (
    <form class="pf-edit fr-mb-2w" onSubmit={(e) => void save(e)} data-testid="edit-promotion" aria-label={`Modifier la promotion ${promotion.reference}`}>
      {!beforeSending && <p class="fr-hint-text">Promotion envoyée : seul l'interlocuteur peut encore changer.</p>}
      {choices.length > 0 && (
        <div class="fr-select-group">
          <label class="fr-label" for={id('contact')}>
            Interlocuteur
          </label>
          <select class="fr-select" id={id('contact')} value={contactKey} onChange={(ev) => setContactKey((ev.target as HTMLSelectElement).value)}>
            {choices.map((c) => (
              <option key={JSON.stringify(c)} value={JSON.stringify(c)}>
                {contactLabel(c)}
              </option>
            ))}
          </select>
        </div>
      )}
      {beforeSending && profile && (
        <JobSelect jobs={profile.targetJobs} value={rome} id={id('rome')} onChange={(next) => change({ mode, rome: next }, 'Changer de métier proposé')} />
      )}
      {beforeSending && profile && (
        <ModeChoice
          value={mode}
          onChange={(next) => change({ mode: next, rome }, next === 'anonymous' ? 'Passer en mode anonyme' : 'Passer en mode nominatif')}
          idPrefix={id('mode')}
        />
      )}
      {pending && (
        <ConfirmReplace
          question={pending.question}
          onReplace={() => {
            setMode(pending.mode);
            setRome(pending.rome);
            setPitch(regenerated(pending.mode, pending.rome) ?? pitch);
            setPending(undefined);
          }}
          onKeep={() => {
            setMode(pending.mode);
            setRome(pending.rome);
            setPending(undefined);
          }}
        />
      )}
      {beforeSending && (
        <div class="fr-select-group">
          <label class="fr-label" for={id('channel')}>
            Canal
          </label>
          <select class="fr-select" id={id('channel')} value={channel} onChange={(ev) => setChannel((ev.target as HTMLSelectElement).value as PromotionChannel)}>
            {CHANNELS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      )}
      {beforeSending && (
        <div class="fr-input-group">
          <label class="fr-label" for={id('pitch')}>
            Message
          </label>
          <textarea class="fr-input" id={id('pitch')} rows={8} value={pitch} onInput={(ev) => setPitch((ev.target as HTMLTextAreaElement).value)} />
        </div>
      )}
      {error && (
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-1w" role="alert" data-testid="edit-error">
          <p>{error}</p>
        </div>
      )}
      <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        <li>
          <button type="submit" class="fr-btn fr-btn--sm" disabled={busy}>
            Enregistrer la modification
          </button>
        </li>
        <li>
          <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" onClick={onDone}>
            Annuler
          </button>
        </li>
      </ul>
    </form>
  );
}
