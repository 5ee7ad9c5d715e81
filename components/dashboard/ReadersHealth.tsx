/**
 * « Santé des lecteurs », for managers and the national team: over the last 30 days, each field's miss rate (in
 * total and per day), the fields whose rate jumped above 5 % (the rule of lib/domain/miss-rate.ts, applied by the
 * server), the pages no reader recognised, the page layouts (label-set variants) seen, and the labels counsellors
 * taught the readers. Asked of the background (`readers.health.get`), which alone talks to the server.
 */
import { useEffect, useState } from 'preact/hooks';
import { AliasSummary } from '@/components/aliases/AliasSummary';
import { fieldLabel } from '@/components/context/MissingFields';
import { MISS_RATE_THRESHOLD } from '@/lib/domain/miss-rate';
import { HEALTH_DEFAULT_DAYS, type HealthPage, type HealthTool, type ReadersHealthReport } from '@/lib/domain/reader-health';
import type { ReadersHealthOutcome, ReadersHealthRequest } from '@/lib/messaging/reader-health-commands';
import { frenchDate, parisDay } from '@/lib/stats/days';
import { DataTable } from './DataTable';
import { count, percent } from './format';

export type AskReadersHealth = (request: ReadersHealthRequest) => Promise<ReadersHealthOutcome>;

const TOOL_LABELS: Record<HealthTool, string> = {
  'dossier-demandeur': 'Dossier demandeur',
  'fiche-entreprise': 'Fiche entreprise',
  messagerie: 'Messagerie',
  unknown: 'Outil non identifié',
};
const PAGE_LABELS: Record<HealthPage, string> = {
  portfolio: 'Portefeuille',
  profile: 'Dossier',
  search: 'Recherche',
  establishment: 'Établissement',
  compose: 'Nouveau message',
  sent: 'Message envoyé',
  inbox: 'Boîte de réception',
  message: 'Message reçu',
  unrecognised: 'Page non reconnue',
};
const pageName = (r: { tool: HealthTool; page: HealthPage }) => `${TOOL_LABELS[r.tool]} — ${PAGE_LABELS[r.page]}`;
const THRESHOLD = percent(MISS_RATE_THRESHOLD);

const daysBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

export function ReadersHealth(props: { scope: string; ask: AskReadersHealth }) {
  const [outcome, setOutcome] = useState<ReadersHealthOutcome>();
  useEffect(() => {
    let current = true;
    setOutcome(undefined);
    const to = parisDay(new Date());
    void props.ask({ scope: props.scope, from: daysBefore(to, HEALTH_DEFAULT_DAYS - 1), to }).then((answer) => {
      if (current) setOutcome(answer);
    });
    return () => {
      current = false;
    };
  }, [props.scope]);

  return (
    <section class="pf-section" aria-labelledby="readers-health-title" data-testid="readers-health">
      <h2 id="readers-health-title" class="fr-h4">
        Santé des lecteurs
      </h2>
      <div aria-live="polite">
        {!outcome && <p class="pf-muted">Chargement de la santé des lecteurs…</p>}
        {outcome && !outcome.ok && (
          <div class="fr-alert fr-alert--info fr-alert--sm" data-testid="readers-health-notice">
            <p>Santé des lecteurs indisponible : {outcome.message}</p>
          </div>
        )}
      </div>
      {outcome?.ok && <HealthReport report={outcome.report} />}
      <TaughtLabels />
    </section>
  );
}

function installsSentence(installs: number): string {
  if (installs === 0) return "aucun poste n'a encore envoyé ses comptes";
  return installs === 1 ? '1 poste a envoyé ses comptes' : `${count(installs)} postes ont envoyé leurs comptes`;
}

function HealthReport({ report }: { report: ReadersHealthReport }) {
  const jumps = report.fields.filter((f) => f.jump);
  const perDay = report.fields.flatMap((f) => f.days.map((d) => ({ ...f, ...d, key: `${f.tool}/${f.page}/${f.field}/${d.day}` })));
  return (
    <>
      <p class="pf-muted" data-testid="readers-health-source">
        Du {frenchDate(report.from)} au {frenchDate(report.to)} : {installsSentence(report.installs)} (lectures de pages, champs non trouvés,
        mises en page ; aucune donnée personnelle).
      </p>

      {jumps.length > 0 && (
        <div class="fr-alert fr-alert--warning fr-alert--sm pf-health-flags" data-testid="readers-health-flags">
          <h3 class="fr-alert__title">Taux de manque en hausse au-dessus de {THRESHOLD}</h3>
          <ul>
            {jumps.map((f) => (
              <li key={`${f.tool}/${f.page}/${f.field}`}>
                {pageName(f)} : « {fieldLabel(f.field)} » non trouvé dans {percent(f.jump!.missRate)} des lectures le {frenchDate(f.jump!.day)}
                {f.jump!.previousMissRate === null ? ' (page non lue les 7 jours précédents)' : ` (${percent(f.jump!.previousMissRate)} les 7 jours précédents)`}
              </li>
            ))}
          </ul>
        </div>
      )}

      <h3 class="fr-h6">Taux de manque par champ</h3>
      {report.fields.length === 0 ? (
        <p class="pf-muted">Aucun champ manqué sur la période.</p>
      ) : (
        <DataTable
          caption="Taux de manque par champ sur la période"
          testId="health-fields"
          head={['Champ', 'Page', 'Lectures', 'Manques', 'Taux de manque', 'Hausse']}
          textColumns={2}
        >
          {report.fields.map((f) => (
            <tr key={`${f.tool}/${f.page}/${f.field}`}>
              <th scope="row">{fieldLabel(f.field)}</th>
              <td>{pageName(f)}</td>
              <td class="pf-num">{count(f.readings)}</td>
              <td class="pf-num">{count(f.misses)}</td>
              <td class="pf-num">{percent(f.missRate)}</td>
              <td class="pf-num">{f.jump ? `au-dessus de ${THRESHOLD} le ${frenchDate(f.jump.day)}` : 'non'}</td>
            </tr>
          ))}
        </DataTable>
      )}

      {perDay.length > 0 && (
        <>
          <h3 class="fr-h6">Taux de manque par jour</h3>
          <DataTable
            caption="Taux de manque de chaque champ, jour par jour"
            testId="health-days"
            head={['Champ', 'Page', 'Jour', 'Lectures', 'Manques', 'Taux de manque']}
            textColumns={3}
          >
            {perDay.map((d) => (
              <tr key={d.key}>
                <th scope="row">{fieldLabel(d.field)}</th>
                <td>{pageName(d)}</td>
                <td>{frenchDate(d.day)}</td>
                <td class="pf-num">{count(d.readings)}</td>
                <td class="pf-num">{count(d.misses)}</td>
                <td class="pf-num">{percent(d.missRate)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}

      <h3 class="fr-h6">Pages lues</h3>
      {report.pages.length === 0 ? (
        <p class="pf-muted">Aucune page lue sur la période.</p>
      ) : (
        <DataTable caption="Pages lues par outil et type de page, pages non reconnues comprises" testId="health-pages" head={['Outil', 'Type de page', 'Lectures']} textColumns={2}>
          {report.pages.map((p) => (
            <tr key={`${p.tool}/${p.page}`}>
              <th scope="row">{TOOL_LABELS[p.tool]}</th>
              <td>{PAGE_LABELS[p.page]}</td>
              <td class="pf-num">{count(p.readings)}</td>
            </tr>
          ))}
        </DataTable>
      )}

      <h3 class="fr-h6">Mises en page lues</h3>
      <p class="pf-muted">Chaque mise en page est l'empreinte de ses libellés : une refonte de l'outil en fait apparaître une nouvelle.</p>
      {report.variants.length === 0 ? (
        <p class="pf-muted">Aucune mise en page relevée sur la période.</p>
      ) : (
        <DataTable
          caption="Mises en page lues (empreintes des libellés)"
          testId="health-variants"
          head={['Empreinte', 'Page', 'Lectures', 'Première lecture', 'Nouvelle sur la période']}
          textColumns={2}
        >
          {report.variants.map((v) => (
            <tr key={`${v.tool}/${v.page}/${v.hash}`}>
              <th scope="row">
                <code>{v.hash}</code>
              </th>
              <td>{pageName(v)}</td>
              <td class="pf-num">{count(v.readings)}</td>
              <td class="pf-num">{frenchDate(v.firstSeen)}</td>
              <td class="pf-num">{v.firstSeen >= report.from ? 'oui' : 'non'}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

/** The labels counsellors of this agency taught the readers (components/aliases/AliasSummary.tsx). */
function TaughtLabels() {
  return (
    <div data-testid="health-taught-labels">
      <h3 class="fr-h6">Libellés appris par les conseillers</h3>
      <AliasSummary />
    </div>
  );
}
