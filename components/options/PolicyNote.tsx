/**
 * What the options show beside a setting the administrator's policy fixes, and above the form when some of
 * the policy's keys were left out. The note's id goes into the field's `aria-describedby`.
 */
export const POLICY_NOTE = 'Réglé par votre administrateur';

export const policyNoteId = (fieldId: string) => `${fieldId}-policy`;

export function PolicyNote({ fieldId }: { fieldId: string }) {
  return (
    <p class="fr-message fr-message--info pf-policy-note" id={policyNoteId(fieldId)} data-testid={policyNoteId(fieldId)}>
      {POLICY_NOTE}
    </p>
  );
}

/** The ids describing a field: its policy note, its error, both or none. */
export const describedBy = (...ids: (string | false | undefined)[]): string | undefined => ids.filter(Boolean).join(' ') || undefined;

export function PolicyWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w" data-testid="policy-warnings">
      <p>Des réglages de votre administrateur sont ignorés car invalides ; signalez-le-lui :</p>
      <ul>
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}
