import type { Establishment } from '@/lib/domain/legacy';
import { contractLabel } from '@/lib/domain/labels';
import { frenchDate, groupedPhone, groupedSiret, plural } from '../format';

export function EstablishmentCard({ establishment: e }: { establishment: Establishment }) {
  return (
    <article class="pf-section" data-testid="establishment">
      <h2 class="fr-h4 fr-mb-1v" data-testid="establishment-name">{e.name}</h2>
      <p class="pf-muted fr-mb-2w">
        SIRET <span data-testid="establishment-siret">{groupedSiret(e.siret)}</span>
        {e.naf ? ` · ${e.naf.label} (${e.naf.code})` : ''}
      </p>
      <dl class="pf-fields">
        <dt>Adresse</dt>
        <dd>{[e.address.street, `${e.address.postcode} ${e.address.city}`].filter(Boolean).join(', ')}</dd>
        {e.headcount && (
          <>
            <dt>Effectif</dt>
            <dd>{e.headcount}</dd>
          </>
        )}
      </dl>
      <section class="fr-mt-2w">
        <h3 class="fr-text--md fr-mb-1w">Contacts</h3>
        {e.contacts.length === 0 ? (
          <p class="pf-muted">Aucun contact enregistré.</p>
        ) : (
          <ul class="pf-list" data-testid="establishment-contacts">
            {e.contacts.map((c, i) => (
              <li key={i}>
                {[c.civility, c.firstName, c.lastName].filter(Boolean).join(' ')}
                {c.role ? ` — ${c.role}` : ''}
                <br />
                <span class="pf-muted">
                  {[c.email, c.phone && groupedPhone(c.phone)].filter(Boolean).join(' · ') || 'Ni courriel ni téléphone'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="fr-mt-2w">
        {/* What the CRM page says; the agency board (below) is another list, shared once a need is added to it. */}
        <h3 class="fr-text--md fr-mb-1w">Besoins notés dans la fiche entreprise</h3>
        {e.needs.length === 0 ? (
          <p class="pf-muted">La fiche entreprise ne note aucun besoin.</p>
        ) : (
          <ul class="pf-list" data-testid="establishment-needs">
            {e.needs.map((n, i) => (
              <li key={i}>
                {n.label}
                {n.rome ? ` (${n.rome})` : ''}
                {n.positions ? ` · ${plural(n.positions, 'poste', 'postes')}` : ''}
                {n.contractType ? ` · ${contractLabel(n.contractType)}` : ''}
                {n.notedAt ? <span class="pf-muted"> · repéré le {frenchDate(n.notedAt)}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
