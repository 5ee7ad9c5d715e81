/**
 * « Tableau de bord »: the period's figures (key figures, monthly trends, funnel, outcomes, declines by reason,
 * comparison with the 2025 experiments, breakdowns), the counsellor's own from this install, the agency's or
 * the national ones from the server when it answers; CSV export of the period's promotions.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { uiDb } from '@/components/promotion/db';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import type { StoredPromotion } from '@/lib/store';
import type { StatsPerimeter } from '@/lib/stats/schema';
import { sendMessage } from '@/lib/messaging/protocol';
import { readIdentity, readStatus, type SyncStatus } from '@/lib/sync/status';
import type { SyncIdentity } from '@/lib/sync/transport';
import { Breakdown } from './Breakdown';
import { Declines } from './Declines';
import { download, exportFile } from './export';
import { availablePerimeters, loadFigures, PERIMETER_LABELS, type AskStats, type DashboardFigures } from './figures-source';
import { Funnel } from './Funnel';
import { KeyFigures } from './KeyFigures';
import { ownPromotionTest } from './local';
import { PERIOD_CHOICES, periodLabel, periodOf, type PeriodChoice } from './periods';
import { ReadersHealth, type AskReadersHealth } from './ReadersHealth';
import { ReferenceComparison } from './ReferenceComparison';
import { TrendChart } from './TrendChart';

interface StoreView {
  promotions: StoredPromotion[];
  identity?: SyncIdentity;
  status?: SyncStatus;
}

/** The server's figures come through the background, which alone talks to the central endpoint. */
const askStats: AskStats = (request) => sendMessage('stats.get', request);
const askReadersHealth: AskReadersHealth = (request) => sendMessage('readers.health.get', request);

function Select<T extends string>(props: { id: string; label: string; value: T; options: Record<T, string>; onChange: (v: T) => void }) {
  return (
    <div class="fr-select-group">
      <label class="fr-label" for={props.id}>
        {props.label}
      </label>
      <select class="fr-select" id={props.id} value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value as T)}>
        {(Object.keys(props.options) as T[]).map((key) => (
          <option key={key} value={key}>
            {props.options[key]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DashboardApp() {
  const promotions = useLiveQuery<StoredPromotion[] | undefined>(() => uiDb().promotions.toArray(), [], undefined);
  const account = useLiveQuery<Pick<StoreView, 'identity' | 'status'> | undefined>(
    async () => ({ identity: await readIdentity(uiDb()), status: await readStatus(uiDb()) }),
    [],
    undefined,
  );
  const store: StoreView | undefined = promotions && account ? { promotions, ...account } : undefined;
  const [choice, setChoice] = useState<PeriodChoice>('12m');
  const [wanted, setWanted] = useState<StatsPerimeter>('own');
  const [figures, setFigures] = useState<DashboardFigures>();
  const period = useMemo(() => periodOf(choice), [choice]);
  const perimeters = availablePerimeters(account?.identity);
  const identityKey = account?.identity ? JSON.stringify(account.identity) : '';
  // The sync status changes at every sync: figures are computed again when the promotions or the account change.
  const lastSyncedAt = account?.status?.lastSyncedAt;

  useEffect(() => {
    if (!promotions || !account) return;
    let current = true;
    void loadFigures({ wanted, period, identity: account.identity, promotions, lastSyncedAt }, askStats).then((result) => {
      if (current) setFigures(result);
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [promotions, identityKey, wanted, period, account !== undefined]);

  const isOwn = ownPromotionTest(store?.identity);
  const mine = store?.promotions.filter(isOwn) ?? [];
  const agency = store?.identity ? store.promotions.filter((p) => p.agencyCode === store.identity!.agencyCode) : [];
  const canExportAgency = perimeters.includes('agency');
  const who = store?.identity ? `${store.identity.name} — agence ${store.identity.agencyCode}` : 'Ce poste (pas encore synchronisé)';

  return (
    <main class="pf-dashboard" id="contenu">
      <div class="pf-dashboard__head">
        <div>
          <h1 class="fr-h2">Tableau de bord</h1>
          <p class="pf-muted" data-testid="dashboard-who">
            {who}
          </p>
        </div>
        <div class="pf-controls">
          {perimeters.length > 1 && (
            <Select id="perimeter" label="Chiffres" value={wanted} options={Object.fromEntries(perimeters.map((p) => [p, PERIMETER_LABELS[p]])) as Record<StatsPerimeter, string>} onChange={setWanted} />
          )}
          <Select id="period" label="Période" value={choice} options={PERIOD_CHOICES} onChange={setChoice} />
        </div>
      </div>

      <div aria-live="polite">
        {!figures && <p class="pf-muted">Calcul des chiffres…</p>}
        {figures?.notice && (
          <div class="fr-alert fr-alert--info fr-alert--sm" data-testid="dashboard-notice">
            <p>{figures.notice}</p>
          </div>
        )}
        {figures && (
          <p class="pf-muted" data-testid="dashboard-source">
            {PERIMETER_LABELS[figures.perimeter]}, promotions envoyées {periodLabel(period)} —{' '}
            {figures.source === 'server' ? 'chiffres du serveur central' : 'calculés sur ce poste'}.
          </p>
        )}
      </div>

      {figures && (
        <>
          <KeyFigures figures={figures.byMonth.total} />
          <TrendChart report={figures.byMonth} />
          <div class="pf-columns">
            <Funnel figures={figures.byMonth.total} />
            <Declines figures={figures.byMonth.total} />
          </div>
          <ReferenceComparison figures={figures.byMonth.total} perimeter={figures.perimeter} />
          <Breakdown report={figures.byRome} title="Par domaine professionnel" caption="Promotions de la période par domaine ROME du métier proposé" first="Domaine ROME" testId="rome-table" />
          {figures.byCounsellor && (
            <Breakdown report={figures.byCounsellor} title="Par conseiller" caption="Promotions de la période par conseiller" first="Conseiller" testId="counsellor-table" />
          )}
        </>
      )}

      {/* For the people who maintain the readers: managers (their agency) and the national team (any, or all). */}
      {account?.identity && account.identity.roles.some((r) => r === 'manager' || r === 'national') && (
        <ReadersHealth scope={wanted === 'national' ? 'national' : `agency:${account.identity.agencyCode}`} ask={askReadersHealth} />
      )}

      <section class="pf-section" aria-labelledby="export-title">
        <h2 id="export-title" class="fr-h4">
          Exporter
        </h2>
        <p class="pf-muted">
          Fichier CSV pour Excel ou LibreOffice : les promotions envoyées sur la période (et les brouillons créés sur la période), une ligne
          par promotion.
        </p>
        <div class="pf-exports">
          <button type="button" class="fr-btn fr-btn--secondary" data-testid="export-own" disabled={mine.length === 0} onClick={() => download(exportFile(mine, period, 'mes-promotions'))}>
            Mes promotions (CSV)
          </button>
          {canExportAgency && (
            <button type="button" class="fr-btn fr-btn--secondary" data-testid="export-agency" disabled={agency.length === 0} onClick={() => download(exportFile(agency, period, 'promotions-agence'))}>
              Promotions de l'agence (CSV)
            </button>
          )}
        </div>
      </section>
    </main>
  );
}
