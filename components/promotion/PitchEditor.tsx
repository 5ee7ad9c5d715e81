/**
 * « Message à l'employeur »: one template for every e-mail, its `[Salutation]` and `[Établissement]`
 * filled in for each establishment (shown below it), and, in anonymous mode, what must be removed
 * before it may leave — the same rule the background and the server apply.
 */
import { PITCH_PLACEHOLDERS, placeholdersIn } from '@/lib/domain/pitch';

export interface FilledMessage {
  siret: string;
  establishmentName: string;
  /** The first line of the filled e-mail (the greeting) and where it goes. */
  greeting: string;
  to?: string;
}

interface Props {
  template: string;
  edited: boolean;
  messages: FilledMessage[];
  /** The anonymity problem of the filled e-mails, in French; `undefined` when there is none. */
  anonymityProblem?: string;
  onEdit(template: string): void;
  onRestore(): void;
}

export function PitchEditor({ template, edited, messages, anonymityProblem, onEdit, onRestore }: Props) {
  const placeholders = placeholdersIn(template);
  const lost = messages.length > 1 && (!placeholders.salutation || !placeholders.establishment);
  return (
    <div class="fr-input-group">
      <label class="fr-label" for="pitch">
        Message à l'employeur
        <span class="fr-hint-text">
          Écrit à partir du dossier ; modifiable. {PITCH_PLACEHOLDERS.salutation} et {PITCH_PLACEHOLDERS.establishment} sont
          remplacés dans chaque e-mail par la salutation de l'interlocuteur et le nom de l'établissement.
        </span>
      </label>
      <textarea
        class="fr-input"
        id="pitch"
        rows={10}
        value={template}
        data-testid="pitch"
        aria-invalid={anonymityProblem ? true : undefined}
        aria-describedby={anonymityProblem ? 'pitch-anonymity' : undefined}
        onInput={(e) => onEdit((e.target as HTMLTextAreaElement).value)}
      />
      {anonymityProblem && (
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mt-1w" role="alert" id="pitch-anonymity" data-testid="anonymity-problem">
          <p>{anonymityProblem}</p>
        </div>
      )}
      {lost && (
        <p class="fr-message fr-message--warning" data-testid="placeholders-lost">
          Sans {PITCH_PLACEHOLDERS.salutation} ni {PITCH_PLACEHOLDERS.establishment}, chaque établissement recevra le même texte.
        </p>
      )}
      {edited && (
        <button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" type="button" onClick={onRestore}>
          Revenir au texte proposé
        </button>
      )}
      {messages.length > 0 && (
        <ul class="pf-list pf-muted fr-mt-1w" aria-label="E-mails qui seront préparés" data-testid="filled-messages">
          {messages.map((m) => (
            <li key={m.siret}>
              {m.establishmentName} : « {m.greeting} »{m.to ? ` → ${m.to}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
