/** Named (CV attached) or anonymous (no name, contact details nor CV). */
import type { PromotionMode } from '@/lib/domain/promotion';

const MODES = [
  ['named', 'Nominatif, CV joint'],
  ['anonymous', 'Anonyme : ni nom, ni coordonnées, ni CV'],
] as const;

export function ModeChoice({ value, onChange, idPrefix = 'mode' }: { value: PromotionMode; onChange(mode: PromotionMode): void; idPrefix?: string }) {
  return (
    <fieldset class="fr-fieldset">
      <legend class="fr-fieldset__legend fr-text--md">Mode</legend>
      {MODES.map(([mode, label]) => (
        <div class="fr-fieldset__element fr-fieldset__element--inline" key={mode}>
          <div class="fr-radio-group fr-radio-group--sm">
            <input type="radio" id={`${idPrefix}-${mode}`} name={idPrefix} checked={value === mode} onChange={() => onChange(mode)} />
            <label class="fr-label" for={`${idPrefix}-${mode}`}>
              {label}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}
