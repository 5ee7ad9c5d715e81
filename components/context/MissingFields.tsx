/**
 * Fields the reader expected but did not find: the counsellor knows what to check on the page, and may show the
 * reader where a field is (TeachField).
 */
import { isTeachableField } from '@/lib/domain/reader-alias';
import { TeachField } from './TeachField';

const FIELD_LABELS: Record<string, string> = {
  ftId: 'Identifiant France Travail',
  civility: 'Civilité',
  lastName: 'Nom',
  firstName: 'Prénom',
  email: 'Courriel',
  phones: 'Téléphone',
  address: 'Adresse',
  promotionConsent: 'Consentement à la promotion (illisible)',
  targetJobs: 'Métiers recherchés',
  skills: 'Savoir-faire',
  softSkills: 'Savoir-être',
  qualification: 'Qualification',
  experienceYears: 'Expérience',
  drivingLicences: 'Permis',
  mobility: 'Mobilité',
  availability: 'Disponibilité',
  contractTypes: 'Types de contrat',
  cv: 'CV',
  siret: 'SIRET',
  name: 'Raison sociale',
  naf: 'Code NAF',
  headcount: 'Effectif',
  contacts: 'Contacts',
  needs: 'Besoins de recrutement',
  messageId: 'Identifiant du message',
  to: 'Destinataires',
  subject: 'Objet',
  sentAt: "Date d'envoi",
  agent: 'Conseiller connecté',
};

export const fieldLabel = (field: string) => FIELD_LABELS[field.split('.')[0]!] ?? field;

export function MissingFields({ missing, tabId }: { missing: readonly string[]; tabId?: number }) {
  if (missing.length === 0) return null;
  const labels = [...new Set(missing.map(fieldLabel))];
  const teachable = tabId === undefined ? [] : [...new Set(missing)].filter(isTeachableField);
  return (
    <div class="fr-alert fr-alert--warning fr-alert--sm pf-section" role="status" data-testid="missing-fields">
      <p>
        Non trouvé sur la page : {labels.join(', ')}. Vérifiez ces informations dans l'outil d'origine.
      </p>
      {teachable.length > 0 && (
        <ul class="fr-raw-list fr-mt-1w" aria-label="Montrer à Profilence où se trouvent ces champs">
          {teachable.map((field) => (
            <TeachField key={`${tabId}:${field}`} tabId={tabId!} field={field} fieldLabel={fieldLabel(field)} />
          ))}
        </ul>
      )}
    </div>
  );
}
