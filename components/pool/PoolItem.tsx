/** One profile of the agency pool: first name, job, commune, availability, presentation, who recommended it. */
import type { ComponentChildren } from 'preact';
import { authorLabel } from '@/lib/domain/agent';
import { POOL_STATUS_LABELS } from '@/lib/domain/labels';
import type { StoredPoolEntry } from '@/lib/store';
import { frenchDate } from '../format';

const BADGE = { active: 'fr-badge--success', placed: 'fr-badge--info', withdrawn: '' } as const;

export function availabilityText(a: StoredPoolEntry['availability']): string | undefined {
  if (!a) return undefined;
  return a.immediate ? 'disponible immédiatement' : a.from ? `disponible à partir du ${frenchDate(a.from)}` : undefined;
}

export function PoolItem({ entry, extra, children }: { entry: StoredPoolEntry; extra?: string; children?: ComponentChildren }) {
  const details = [`${entry.postcode} ${entry.city}`, availabilityText(entry.availability), extra].filter(Boolean).join(' · ');
  return (
    <li data-testid="pool-item" data-pool-id={entry.id}>
      <p class="pf-card-title">
        {entry.firstName || entry.ftId} — {entry.romeLabel} ({entry.mainRome}){' '}
        <span class={`fr-badge fr-badge--sm fr-badge--no-icon ${BADGE[entry.status]}`} data-testid="pool-status">
          {POOL_STATUS_LABELS[entry.status]}
        </span>
      </p>
      <p class="pf-muted fr-mb-0">{details}</p>
      <p class="pf-card-text" data-testid="pool-pitch">
        {entry.pitch}
      </p>
      <p class="pf-muted fr-mb-0">
        Recommandé par {authorLabel(entry.addedBy, entry.addedByName)} le {frenchDate(entry.createdAt)}
      </p>
      {children}
    </li>
  );
}
