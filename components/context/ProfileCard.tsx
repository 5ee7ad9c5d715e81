import type { ComponentChildren } from 'preact';
import { CONSENT_UNREADABLE_MESSAGE, isConsentUnreadable, type JobSeekerProfile } from '@/lib/domain/legacy';
import { contractLabel } from '@/lib/domain/labels';
import { frenchDate, groupedPhone, plural } from '../format';

export function ConsentNotice({ consent }: { consent: JobSeekerProfile['promotionConsent'] }) {
  if (isConsentUnreadable(consent)) {
    return (
      <div class="fr-alert fr-alert--warning fr-alert--sm" data-testid="consent" role="status">
        <p>
          <strong>{CONSENT_UNREADABLE_MESSAGE}</strong>
        </p>
      </div>
    );
  }
  if (consent.granted) {
    return (
      <p class="fr-badge fr-badge--success fr-badge--no-icon" data-testid="consent">
        Promotion autorisée{consent.since ? ` depuis le ${frenchDate(consent.since)}` : ''}
      </p>
    );
  }
  return (
    <div class="fr-alert fr-alert--error fr-alert--sm" data-testid="consent" role="status">
      <p>
        <strong>Promotion du profil non autorisée.</strong> Ce profil ne peut pas être proposé à une entreprise
        tant que la personne n'a pas donné son accord.
      </p>
    </div>
  );
}

function availabilityText(a: JobSeekerProfile['availability']): string | undefined {
  if (!a) return undefined;
  return a.immediate ? 'Immédiate' : a.from ? `À partir du ${frenchDate(a.from)}` : 'Non immédiate';
}

function mobilityText(m: JobSeekerProfile['mobility']): string | undefined {
  if (!m) return undefined;
  const parts = [];
  if (m.radiusKm !== undefined) parts.push(`${m.radiusKm} km`);
  if (m.vehicle !== undefined) parts.push(m.vehicle ? 'véhicule personnel' : 'sans véhicule');
  return parts.join(', ') || undefined;
}

function Field({ label, value, testId }: { label: string; value?: string | number; testId?: string }) {
  if (value === undefined || value === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
}

/** `children` show right under the name and consent, above the details: the actions stay on the first screen. */
export function ProfileCard({ profile, children }: { profile: JobSeekerProfile; children?: ComponentChildren }) {
  const main = profile.targetJobs.find((j) => j.main);
  const others = profile.targetJobs.filter((j) => !j.main);
  return (
    <article class="pf-section" data-testid="profile">
      <div class="pf-identity">
        <h2 class="fr-h4 fr-mb-0" data-testid="profile-name">
          {[profile.civility, profile.firstName, profile.lastName].filter(Boolean).join(' ')}
        </h2>
        <span class="pf-muted" data-testid="profile-ftid">{profile.ftId}</span>
      </div>
      <ConsentNotice consent={profile.promotionConsent} />
      {children}
      <dl class="pf-fields fr-mt-2w">
        <Field label="Métier principal" value={main ? `${main.label} (${main.rome})` : undefined} testId="profile-main-job" />
        <Field label="Autres métiers" value={others.map((j) => `${j.label} (${j.rome})`).join(' ; ')} />
        <Field label="Qualification" value={profile.qualification?.label} />
        <Field
          label="Expérience"
          value={profile.experienceYears === undefined ? undefined : plural(profile.experienceYears, 'an', 'ans')}
        />
        <Field label="Disponibilité" value={availabilityText(profile.availability)} />
        <Field label="Mobilité" value={mobilityText(profile.mobility)} />
        <Field label="Contrats" value={profile.contractTypes.map(contractLabel).join(', ')} />
        <Field label="Permis" value={profile.drivingLicences.join(', ') || 'Aucun'} />
        <Field label="Commune" value={profile.address ? `${profile.address.postcode} ${profile.address.city}` : undefined} />
        <Field label="Courriel" value={profile.email} testId="profile-email" />
        <Field label="Téléphone" value={profile.phones.map(groupedPhone).join(' ; ')} />
        <Field label="CV" value={profile.cv?.fileName ?? 'Aucun CV déposé'} testId="profile-cv" />
      </dl>
      {profile.skills.length > 0 && (
        <section class="fr-mt-2w">
          <h3 class="fr-text--md fr-mb-1w">Savoir-faire</h3>
          <ul class="pf-list">
            {profile.skills.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </section>
      )}
      {profile.softSkills.length > 0 && (
        <section class="fr-mt-2w">
          <h3 class="fr-text--md fr-mb-1w">Savoir-être</h3>
          <ul class="fr-tags-group">
            {profile.softSkills.map((s) => (
              <li key={s}>
                <p class="fr-tag fr-tag--sm">{s}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
