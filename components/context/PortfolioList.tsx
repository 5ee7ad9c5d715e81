import type { PortfolioEntry } from '@/lib/domain/legacy';
import { plural } from '../format';

/** A link read on a page is followed only when it is a web address (never `javascript:` and the like). */
const webUrl = (url: string) => /^https?:\/\//i.test(url);

export function PortfolioList({ entries }: { entries: readonly PortfolioEntry[] }) {
  const consenting = entries.filter((e) => e.promotionConsent).length;
  return (
    <section class="pf-section" data-testid="portfolio">
      <h2 class="fr-h4">Portefeuille</h2>
      <p class="pf-muted">
        {plural(entries.length, 'demandeur', 'demandeurs')}, dont {consenting} autorisant la promotion de leur
        profil.
      </p>
      <ul class="pf-list">
        {entries.map((e) => (
          <li key={e.ftId}>
            {webUrl(e.url) ? (
              // A new tab: the side panel stays on the portfolio.
              <a href={e.url} target="_blank" rel="noopener noreferrer" title={`Ouvrir le dossier de ${e.firstName} ${e.lastName} (nouvel onglet)`}>
                {e.firstName} {e.lastName}
              </a>
            ) : (
              `${e.firstName} ${e.lastName}`
            )}{' '}
            <span class="pf-muted">({e.ftId}{e.mainRome ? ` · ${e.mainRome}` : ''})</span>{' '}
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
