import type { Establishment } from '@/lib/domain/legacy';
import { pickContact } from '@/lib/domain/contacts';

export interface Candidate {
  establishment: Establishment;
  /** Open in a tab right now: proposed first, ticked. */
  open: boolean;
}

interface Props {
  candidates: Candidate[];
  selected: string[];
  contactBySiret: Record<string, number>;
  onToggle(siret: string): void;
  onContact(siret: string, index: number): void;
}

export function CandidateList({ candidates, selected, contactBySiret, onToggle, onContact }: Props) {
  if (candidates.length === 0) {
    return (
      <p class="pf-muted" data-testid="no-candidates">
        Aucun établissement ouvert ni récent : ouvrez une fiche établissement, ou cherchez-en une ci-dessous.
      </p>
    );
  }
  return (
    <fieldset class="fr-fieldset" data-testid="candidates">
      <legend class="fr-fieldset__legend fr-text--md">Établissements</legend>
      {candidates.map(({ establishment: e, open }) => {
        const id = `candidate-${e.siret}`;
        const checked = selected.includes(e.siret);
        const defaultContact = pickContact(e);
        const contactIndex = contactBySiret[e.siret] ?? (defaultContact ? e.contacts.indexOf(defaultContact) : 0);
        return (
          <div class="fr-fieldset__element" key={e.siret}>
            <div class="fr-checkbox-group fr-checkbox-group--sm">
              <input type="checkbox" id={id} checked={checked} onChange={() => onToggle(e.siret)} />
              <label class="fr-label" for={id}>
                {e.name}
                <span class="fr-hint-text">
                  {e.address.city}
                  {open ? ' · fiche ouverte' : ''}
                </span>
              </label>
            </div>
            {checked && e.contacts.length > 0 && (
              <div class="fr-select-group fr-ml-4w fr-mb-1w">
                <label class="fr-label" for={`${id}-contact`}>
                  Interlocuteur
                </label>
                <select
                  class="fr-select"
                  id={`${id}-contact`}
                  value={String(contactIndex)}
                  onChange={(ev) => onContact(e.siret, Number((ev.target as HTMLSelectElement).value))}
                >
                  {e.contacts.map((c, i) => (
                    <option key={i} value={String(i)}>
                      {[c.firstName, c.lastName].filter(Boolean).join(' ')}
                      {c.role ? ` (${c.role})` : ''} — {c.email ?? 'pas de courriel'}
                    </option>
                  ))}
                </select>
                {/* The select cuts long options: the address the e-mail goes to is always shown in full. */}
                <p class="fr-hint-text fr-mt-1v" style={{ overflowWrap: 'anywhere' }} data-testid="contact-email">
                  {e.contacts[contactIndex]?.email
                    ? `E-mail envoyé à ${e.contacts[contactIndex]!.email}`
                    : "Cet interlocuteur n'a pas d'adresse électronique : choisissez-en un autre, ou l'appel ou la visite."}
                </p>
              </div>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
