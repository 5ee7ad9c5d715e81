import type { EstablishmentHit } from '@/lib/domain/legacy';
import { groupedSiret } from '../format';

export function SearchHits({ hits }: { hits: readonly EstablishmentHit[] }) {
  return (
    <section class="pf-section" data-testid="search-hits">
      <h2 class="fr-h4">Résultats de recherche</h2>
      {hits.length === 0 ? (
        <p class="pf-muted">Aucun établissement dans ces résultats.</p>
      ) : (
        <ul class="pf-list">
          {hits.map((h) => (
            <li key={h.siret}>
              {h.name} <span class="pf-muted">— {h.city} · SIRET {groupedSiret(h.siret)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
