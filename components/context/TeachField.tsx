/**
 * « Montrer où se trouve ce champ » beside a field the reader missed: the counsellor clicks the value on the
 * page, the background keeps the label that introduces it (shared with the agency) and the page is read again
 * at once, so the field appears above. Errors come back in French from the background.
 */
import { useState } from 'preact/hooks';
import type { AliasTeachOutcome } from '@/lib/messaging/alias-commands';
import { sendMessage } from '@/lib/messaging/protocol';

const UNREACHABLE = "Profilence n'a pas pu joindre la page : rechargez-la puis réessayez.";

interface Props {
  tabId: number;
  field: string;
  fieldLabel: string;
}

type State = { kind: 'idle' } | { kind: 'picking' } | { kind: 'done'; label: string } | { kind: 'error'; message: string };

export function TeachField({ tabId, field, fieldLabel }: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function teach() {
    setState({ kind: 'picking' });
    const outcome: AliasTeachOutcome = await sendMessage('alias.teach', { tabId, field, fieldLabel }).catch(() => ({
      ok: false as const,
      code: 'not_found' as const,
      message: UNREACHABLE,
    }));
    setState(outcome.ok ? { kind: 'done', label: outcome.label } : { kind: 'error', message: outcome.message });
  }

  return (
    <li class="fr-mb-1w">
      <span>{fieldLabel}</span>{' '}
      <button
        type="button"
        class="fr-btn fr-btn--sm fr-btn--tertiary"
        aria-label={`Montrer où se trouve ce champ : ${fieldLabel}`}
        disabled={state.kind === 'picking'}
        onClick={() => void teach()}
      >
        Montrer où se trouve ce champ
      </button>
      {state.kind === 'picking' && (
        <p class="fr-hint-text" role="status" data-testid="teach-status">
          Cliquez sur la valeur « {fieldLabel} » dans la page (Échap pour annuler).
        </p>
      )}
      {state.kind === 'done' && (
        <p class="fr-hint-text" role="status" data-testid="teach-status">
          Libellé « {state.label} » appris pour « {fieldLabel} » et partagé avec l'agence.
        </p>
      )}
      {state.kind === 'error' && (
        <p class="fr-error-text" role="alert" data-testid="teach-error">
          {state.message}
        </p>
      )}
    </li>
  );
}
