/**
 * « Ajouter au tableau des besoins » on an establishment page: pre-filled from a need the page lists,
 * every field editable. The background takes the establishment and the author from its own reading.
 */
import { useState } from 'preact/hooks';
import { CONTRACT_TYPES } from '@/lib/domain/formats';
import { CONTRACT_LABELS } from '@/lib/domain/labels';
import type { Establishment, RecruitmentNeed } from '@/lib/domain/legacy';
import type { StoredNeed } from '@/lib/store';
import { boardCommand } from './commands';

interface Props {
  establishment: Establishment;
  tabId: number;
  /** The board's lines for this establishment: the page's needs already on it are proposed last. */
  boardNeeds: StoredNeed[];
  onDone(): void;
  onAdded?(): void;
}

interface Fields {
  rome: string;
  label: string;
  positions: string;
  contractType: string;
}

const fieldsOf = (n?: RecruitmentNeed): Fields => ({
  rome: n?.rome ?? '',
  label: n?.label ?? '',
  positions: n?.positions ? String(n.positions) : '',
  contractType: n?.contractType ?? '',
});

const onBoard = (need: RecruitmentNeed, board: StoredNeed[]) =>
  board.some((b) => b.status === 'open' && (need.rome ? b.rome === need.rome : b.label === need.label));

export function NeedForm({ establishment, tabId, boardNeeds, onDone, onAdded }: Props) {
  const pageNeeds = establishment.needs;
  const firstFree = pageNeeds.findIndex((n) => !onBoard(n, boardNeeds));
  const [source, setSource] = useState(pageNeeds.length ? String(firstFree >= 0 ? firstFree : 0) : 'new');
  const [fields, setFields] = useState<Fields>(fieldsOf(pageNeeds[Number(source)]));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const set = (key: keyof Fields) => (e: Event) => setFields({ ...fields, [key]: (e.target as HTMLInputElement).value });

  function choose(value: string) {
    setSource(value);
    setFields(fieldsOf(value === 'new' ? undefined : pageNeeds[Number(value)]));
  }

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const positions = fields.positions.trim() ? Number(fields.positions) : undefined;
    const outcome = await boardCommand('need.add', {
      establishmentTabId: tabId,
      rome: fields.rome.trim() || undefined,
      label: fields.label,
      positions,
      contractType: fields.contractType || undefined,
    });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.message);
    onAdded?.();
    onDone();
  }

  return (
    <form class="fr-mt-2w" data-testid="need-form" onSubmit={(e) => void submit(e)}>
      {pageNeeds.length > 0 && (
        <div class="fr-select-group">
          <label class="fr-label" for="need-source">
            Partir d'un besoin repéré sur la fiche
          </label>
          <select class="fr-select" id="need-source" value={source} onChange={(e) => choose((e.target as HTMLSelectElement).value)}>
            {pageNeeds.map((n, i) => (
              <option key={i} value={String(i)}>
                {n.label}
                {n.rome ? ` (${n.rome})` : ''}
                {onBoard(n, boardNeeds) ? ' — déjà au tableau' : ''}
              </option>
            ))}
            <option value="new">Autre besoin (à saisir)</option>
          </select>
        </div>
      )}
      <div class="fr-input-group">
        <label class="fr-label" for="need-label">
          Intitulé du besoin
        </label>
        <input class="fr-input" id="need-label" required maxLength={300} value={fields.label} onInput={set('label')} />
      </div>
      <div class="pf-filters">
        <div class="fr-input-group">
          <label class="fr-label" for="need-rome">
            Code ROME
            <span class="fr-hint-text">Lettre et 4 chiffres, ex. M1805</span>
          </label>
          <input class="fr-input" id="need-rome" maxLength={5} autocomplete="off" value={fields.rome} onInput={set('rome')} />
        </div>
        <div class="fr-input-group">
          <label class="fr-label" for="need-positions">
            Postes
          </label>
          <input class="fr-input" id="need-positions" type="number" min={1} max={999} step={1} value={fields.positions} onInput={set('positions')} />
        </div>
        <div class="fr-select-group">
          <label class="fr-label" for="need-contract">
            Contrat
          </label>
          <select class="fr-select" id="need-contract" value={fields.contractType} onChange={set('contractType')}>
            <option value="">Non précisé</option>
            {CONTRACT_TYPES.map((code) => (
              <option key={code} value={code}>
                {CONTRACT_LABELS[code]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert" data-testid="need-form-error">
          <p>{error}</p>
        </div>
      )}
      <ul class="fr-btns-group fr-btns-group--inline-sm">
        <li>
          <button class="fr-btn" type="submit" disabled={busy}>
            Ajouter au tableau
          </button>
        </li>
        <li>
          <button class="fr-btn fr-btn--tertiary" type="button" onClick={onDone}>
            Annuler
          </button>
        </li>
      </ul>
    </form>
  );
}
