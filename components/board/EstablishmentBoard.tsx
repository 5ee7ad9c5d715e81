/** On an establishment page: this establishment's lines of the agency board, and adding one from the page. */
import { useState } from 'preact/hooks';
import type { Establishment } from '@/lib/domain/legacy';
import { listNeeds, type StoredNeed } from '@/lib/store';
import { useLiveQuery } from '../hooks/use-live-query';
import { uiDb } from '../promotion/db';
import { NeedForm } from './NeedForm';
import { NeedList } from './NeedItem';
import './board.css';

export function EstablishmentBoard({ establishment, tabId }: { establishment: Establishment; tabId: number }) {
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  const needs = useLiveQuery<StoredNeed[]>(() => listNeeds(uiDb(), { siret: establishment.siret }), [establishment.siret], []);
  return (
    <section class="pf-section" data-testid="establishment-board" aria-labelledby="establishment-board-title">
      <h2 class="fr-h5" id="establishment-board-title">
        Tableau des besoins de l'agence
      </h2>
      {needs.length === 0 ? (
        <p class="pf-muted">
          Aucun besoin de cet établissement au tableau de l'agence.
          {establishment.needs.length > 0 ? " Les besoins notés dans la fiche entreprise n'y sont partagés qu'une fois ajoutés." : ''}
        </p>
      ) : (
        <NeedList needs={needs} label={`Besoins de ${establishment.name} au tableau`} page={{ establishment, tabId }} />
      )}
      {added && !adding && (
        <p class="fr-valid-text" role="status" data-testid="need-added">
          Besoin ajouté au tableau : vos collègues de l'agence le verront après synchronisation.
        </p>
      )}
      {adding ? (
        <NeedForm
          establishment={establishment}
          tabId={tabId}
          boardNeeds={needs}
          onDone={() => setAdding(false)}
          onAdded={() => setAdded(true)}
        />
      ) : (
        <button class="fr-btn fr-btn--secondary fr-mt-1w" type="button" data-testid="need-add" onClick={() => (setAdded(false), setAdding(true))}>
          Ajouter au tableau des besoins
        </button>
      )}
    </section>
  );
}
