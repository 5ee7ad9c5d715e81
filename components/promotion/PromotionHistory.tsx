/** Promotions already made for the open job seeker or to the open establishment, newest first; each can be edited. */
import { useState } from 'preact/hooks';
import { authorLabel } from '@/lib/domain/agent';
import { CHANNEL_LABELS, STATUS_LABELS } from '@/lib/domain/labels';
import type { JobSeekerProfile } from '@/lib/domain/legacy';
import { listForEstablishment, listForJobSeeker, type StoredPromotion } from '@/lib/store';
import { DraftMailActions } from '../followup/DraftMailActions';
import { OutcomeActions } from '../followup/OutcomeActions';
import { PromotionTimeline } from '../followup/PromotionTimeline';
import { frenchDate, plural } from '../format';
import { useLiveQuery } from '../hooks/use-live-query';
import { uiDb } from './db';
import { EditPromotion } from './EditPromotion';

/** The job proposed, by its label when the open file lists it. */
function jobOf(rome: string, profile?: JobSeekerProfile): string {
  const label = profile?.targetJobs.find((j) => j.rome === rome)?.label;
  return label ? `${label} (${rome})` : rome;
}

interface Props {
  ftId?: string;
  siret?: string;
  /** The open file (job-seeker page): lets an edit change the job or the mode. */
  profile?: JobSeekerProfile;
  tabId?: number;
}

/** Rows shown at first: the most recent ones; the rest one click away, so a long history opens at once. */
export const FIRST_ROWS = 20;

export function PromotionHistory({ ftId, siret, profile, tabId }: Props) {
  const [editing, setEditing] = useState<string>();
  const [showAll, setShowAll] = useState(false);
  const rows = useLiveQuery<StoredPromotion[]>(
    () => (ftId ? listForJobSeeker(uiDb(), ftId) : siret ? listForEstablishment(uiDb(), siret) : []),
    [ftId, siret],
    [],
  );
  return (
    <section class="pf-section" data-testid="promotion-history">
      <h2 class="fr-h5">{ftId ? 'Promotions de ce profil' : 'Profils proposés à cet établissement'}</h2>
      {rows.length === 0 ? (
        <p class="pf-muted">Aucune promotion pour l'instant.</p>
      ) : (
        <ul class="pf-list">
          {(showAll ? rows : rows.slice(0, FIRST_ROWS)).map((p) => {
            const label = `${p.jobSeeker.firstName} ${p.jobSeeker.lastName} chez ${p.establishment.name}`.trim();
            return (
              <li key={p.id} data-testid="promotion-row">
                {ftId ? p.establishment.name : `${p.jobSeeker.firstName} ${p.jobSeeker.lastName}`.trim() || p.jobSeeker.ftId}{' '}
                <span class="fr-badge fr-badge--sm fr-badge--no-icon" data-testid="promotion-status">
                  {STATUS_LABELS[p.status]}
                </span>
                <br />
                <span class="pf-muted">
                  {CHANNEL_LABELS[p.channel]}
                  {p.mode === 'anonymous' ? ', anonyme' : ''} · {jobOf(p.rome, profile)} · {frenchDate(p.createdAt)} · {p.reference} · par{' '}
                  {authorLabel(p.counsellorId, p.counsellorName)}
                </span>
                {editing === p.id ? (
                  <EditPromotion promotion={p} profile={profile} tabId={tabId} onDone={() => setEditing(undefined)} />
                ) : (
                  <button
                    type="button"
                    class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-edit-line fr-btn--icon-left"
                    aria-label={`Modifier la promotion ${p.reference}`}
                    onClick={() => setEditing(p.id)}
                  >
                    Modifier
                  </button>
                )}
                <PromotionTimeline promotion={p} />
                {/* An e-mail never confirmed: resumed, marked sent or abandoned, never left « Brouillon » for good. */}
                {p.channel === 'email' && p.status === 'draft' ? (
                  <DraftMailActions promotion={p} label={label} />
                ) : (
                  <OutcomeActions promotion={p} label={label} />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!showAll && rows.length > FIRST_ROWS && (
        <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" onClick={() => setShowAll(true)}>
          Afficher {rows.length - FIRST_ROWS === 1 ? 'l’autre promotion' : `les ${plural(rows.length - FIRST_ROWS, 'autre promotion', 'autres promotions')}`}
        </button>
      )}
    </section>
  );
}
