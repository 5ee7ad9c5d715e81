import type { PortfolioEntry } from '@/lib/domain/legacy';

export function PortfolioList({ entries }: { entries: readonly PortfolioEntry[] }) {
  const consenting = entries.filter((e) => e.promotionConsent).length;
  return (
    <section class="pf-section" data-testid="portfolio">
      <h2 class="fr-h4">Portefeuille</h2>
      <p class="pf-muted">
        {entries.length} demandeur{entries.length > 1 ? 's' : ''}, dont {consenting} autorisant la promotion de leur
        profil.
      </p>
      <ul class="pf-list">
        {entries.map((e) => (
          <li key={e.ftId}>
            {e.firstName} {e.lastName} <span class="pf-muted">({e.ftId}{e.mainRome ? ` · ${e.mainRome}` : ''})</span>{' '}
            {e.promotionConsent ? (
              <span class="fr-badge fr-badge--sm fr-badge--success fr-badge--no-icon">Promotion autorisée</span>
            ) : e.promotionConsentReason ? (
              <span class="fr-badge fr-badge--sm fr-badge--warning fr-badge--no-icon">Consentement illisible</span>
            ) : (
              <span class="fr-badge fr-badge--sm fr-badge--no-icon">Non autorisée</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
