/**
 * The first screen of a file with consent: when the establishment is known (its file open in a tab, or
 * chosen by a need/pool match), « Proposer à <ÉTABLISSEMENT> » prepares the named e-mail in one click;
 * the full form stays one click away.
 */
import { useState } from 'preact/hooks';
import { pickContact } from '@/lib/domain/contacts';
import type { Establishment } from '@/lib/domain/legacy';
import { DuplicateWarning } from './DuplicateWarning';
import { useDuplicates } from './use-duplicates';

/** At most this many shortcuts: beyond, the form's list is the better tool. */
const MAX_QUICK = 3;

interface Props {
  ftId: string;
  /** The file has a CV to attach. */
  hasCv: boolean;
  /** The job proposed (the file's main job, or the one chosen in its form). */
  jobLabel?: string;
  establishments: Establishment[];
  busy: boolean;
  onPropose(siret: string, acknowledgedDuplicates: boolean): void;
  onOpenForm(): void;
}

export function QuickPromote({ ftId, hasCv, jobLabel, establishments, busy, onPropose, onOpenForm }: Props) {
  const shown = establishments.slice(0, MAX_QUICK);
  return (
    <div data-testid="promote-start">
      {shown.map((e) => (
        <QuickTarget key={e.siret} ftId={ftId} hasCv={hasCv} jobLabel={jobLabel} establishment={e} busy={busy} onPropose={onPropose} />
      ))}
      <button
        class={`fr-btn ${shown.length ? 'fr-btn--secondary fr-btn--sm' : ''}`}
        type="button"
        data-testid="promote"
        aria-describedby="promote-form-hint"
        onClick={onOpenForm}
      >
        Promouvoir ce profil
      </button>
      <p id="promote-form-hint" class="fr-hint-text fr-mt-1v">
        {shown.length ? 'Autres choix : plusieurs établissements, anonyme, appel ou visite.' : 'Choisir les établissements, le mode et le message.'}
      </p>
    </div>
  );
}

function QuickTarget({ ftId, hasCv, jobLabel, establishment, busy, onPropose }: Pick<Props, 'ftId' | 'hasCv' | 'jobLabel' | 'busy' | 'onPropose'> & { establishment: Establishment }) {
  const [acknowledged, setAcknowledged] = useState(false);
  const duplicates = useDuplicates(ftId, [establishment.siret]);
  const contact = pickContact(establishment);
  const hintId = `quick-hint-${establishment.siret}`;
  const blockedByDuplicate = duplicates.length > 0 && !acknowledged;
  return (
    <div class="fr-mb-2w" data-testid="quick-target">
      <DuplicateWarning duplicates={duplicates} acknowledged={acknowledged} onAcknowledge={setAcknowledged} id={`quick-ack-${establishment.siret}`} />
      <button
        class="fr-btn"
        type="button"
        disabled={busy || !contact?.email || blockedByDuplicate}
        aria-describedby={hintId}
        onClick={() => onPropose(establishment.siret, acknowledged)}
      >
        Proposer à {establishment.name}
      </button>
      <p id={hintId} class="fr-hint-text fr-mt-1v">
        {contact?.email
          ? `E-mail à ${[contact.firstName, contact.lastName].filter(Boolean).join(' ')} (${contact.email})${jobLabel ? ` pour «\u00a0${jobLabel}\u00a0»` : ''}${hasCv ? ', CV joint' : ''}, prêt à envoyer dans la messagerie.`
          : "Aucun interlocuteur avec une adresse électronique : passez par le formulaire (appel ou visite)."}
      </p>
    </div>
  );
}
