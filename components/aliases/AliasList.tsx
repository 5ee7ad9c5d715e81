/**
 * « Libellés appris » (issue 16): the labels the agency's counsellors taught the readers, who taught each and
 * when, those no page has matched for 30 days flagged, and « Retirer » for their author or an agency manager
 * (the server checks the same rule, lib/domain/authorship.ts).
 */
import { useState } from 'preact/hooks';
import { authorLabel } from '@/lib/domain/agent';
import { editProblem } from '@/lib/domain/authorship';
import { ALIAS_UNUSED_DAYS, isRevoked, isUnused } from '@/lib/domain/reader-alias';
import type { AliasRevokeOutcome } from '@/lib/messaging/alias-commands';
import { sendMessage } from '@/lib/messaging/protocol';
import { listAliases, type StoredReaderAlias } from '@/lib/store';
import { readIdentity } from '@/lib/sync/status';
import { useSignedInAgent } from '../board/use-counsellor';
import { fieldLabel } from '../context/MissingFields';
import { frenchDate } from '../format';
import { useLiveQuery } from '../hooks/use-live-query';
import { uiDb } from '../promotion/db';
import { useNow } from '../sync/use-now';
import { TOOL_NAMES } from './tool-names';

const UNREACHABLE = "Profilence n'a pas pu retirer ce libellé : rechargez la page puis réessayez.";

export function AliasList() {
  const aliases = useLiveQuery<StoredReaderAlias[]>(() => listAliases(uiDb()), [], []);
  const roles = useLiveQuery<readonly string[]>(async () => (await readIdentity(uiDb()))?.roles ?? [], [], []);
  const agent = useSignedInAgent();
  const now = useNow(60_000);
  const [error, setError] = useState<string>();
  const live = aliases.filter((a) => !isRevoked(a));

  async function revoke(id: string) {
    setError(undefined);
    const outcome: AliasRevokeOutcome = await sendMessage('alias.revoke', { id }).catch(() => ({ ok: false as const, message: UNREACHABLE }));
    if (!outcome.ok) setError(outcome.message);
  }

  return (
    <section class="fr-mt-4w" aria-labelledby="aliases-title" data-testid="reader-aliases">
      <h2 class="fr-h5" id="aliases-title">
        Libellés appris
      </h2>
      <p class="fr-hint-text">
        Quand une page change de présentation, un conseiller montre à Profilence où se trouve un champ : le libellé
        qui l'annonce est retenu (jamais la valeur) et partagé avec l'agence. Un libellé qui ne sert sur aucune page
        depuis {ALIAS_UNUSED_DAYS} jours est signalé.
      </p>
      {live.length === 0 ? (
        <p data-testid="aliases-empty">Aucun libellé appris dans votre agence.</p>
      ) : (
        <ul class="fr-raw-list">
          {live.map((alias) => {
            const unused = isUnused(alias, new Date(now));
            const mayRevoke = !editProblem({ sub: agent.id, roles }, 'alias', alias.createdBy);
            return (
              <li key={alias.id} class="fr-mb-2w" data-testid="alias-item">
                <p class="fr-mb-0">
                  <strong>« {alias.label} »</strong> → {fieldLabel(alias.field)} ({TOOL_NAMES[alias.tool]})
                  {unused && (
                    <span class="fr-badge fr-badge--sm fr-badge--warning fr-ml-1w" data-testid="alias-unused">
                      Inutilisé depuis {ALIAS_UNUSED_DAYS} jours
                    </span>
                  )}
                </p>
                <p class="fr-hint-text fr-mb-0">
                  Appris par {authorLabel(alias.createdBy, alias.createdByName)} le {frenchDate(alias.createdAt)}
                  {alias.lastMatchedAt ? ` · dernière lecture le ${frenchDate(alias.lastMatchedAt)}` : ' · encore jamais lu'}
                </p>
                {mayRevoke && (
                  <button
                    type="button"
                    class="fr-btn fr-btn--sm fr-btn--tertiary fr-mt-1w"
                    aria-label={`Retirer le libellé « ${alias.label} »`}
                    onClick={() => void revoke(alias.id)}
                  >
                    Retirer
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <div class="fr-alert fr-alert--error fr-alert--sm" role="alert" data-testid="alias-error">
          <p>{error}</p>
        </div>
      )}
    </section>
  );
}
