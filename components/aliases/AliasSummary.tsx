/**
 * The agency's taught labels, read-only, for the dashboard's « Santé des lecteurs »: label, field and tool, who
 * taught it and when, and the flag of a label no page used for 30 days. Withdrawing is in the options (AliasList).
 * This install's copy: the agency's aliases as the last sync brought them.
 */
import { authorLabel } from '@/lib/domain/agent';
import { ALIAS_UNUSED_DAYS, isRevoked, isUnused } from '@/lib/domain/reader-alias';
import { listAliases, type StoredReaderAlias } from '@/lib/store';
import { fieldLabel } from '../context/MissingFields';
import { frenchDate } from '../format';
import { useLiveQuery } from '../hooks/use-live-query';
import { uiDb } from '../promotion/db';
import { TOOL_NAMES } from './tool-names';

export function AliasSummary({ now = new Date() }: { now?: Date }) {
  const aliases = useLiveQuery<StoredReaderAlias[]>(() => listAliases(uiDb()), [], []).filter((a) => !isRevoked(a));
  if (aliases.length === 0) return <p class="pf-muted">Aucun libellé appris dans votre agence.</p>;
  return (
    <ul class="fr-raw-list">
      {aliases.map((alias) => (
        <li key={alias.id} data-testid="health-taught-label">
          « {alias.label} » → {fieldLabel(alias.field)} ({TOOL_NAMES[alias.tool]}), appris par{' '}
          {authorLabel(alias.createdBy, alias.createdByName)} le {frenchDate(alias.createdAt)}
          {isUnused(alias, now) && (
            <span class="fr-badge fr-badge--sm fr-badge--warning fr-ml-1w">Inutilisé depuis {ALIAS_UNUSED_DAYS} jours</span>
          )}
        </li>
      ))}
    </ul>
  );
}
