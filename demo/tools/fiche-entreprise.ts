/**
 * Templates of the legacy tool "Fiche Entreprise" (Bootstrap 4 look): search
 * results, an establishment's file and the technical error page, built like
 * tests/fixtures/legacy/fiche-entreprise/*.html.
 */
import { compactParisDate, frDate, frDateTimeSeconds } from '../format';
import { html, trusted, type SafeHtml } from '../html';
import { CONTRACT_LABELS } from '../seed/labels';
import { nafDisplay } from '../seed/rome';
import type { SeedEstablishment } from '../seed/types';
import { FE_STYLE } from './legacy-styles';

type NavItem = 'accueil' | 'recherche' | null;

function page(title: string, active: NavItem, content: SafeHtml): string {
  const item = (key: NavItem, href: string, label: string) =>
    html`<li class="nav-item${key && key === active ? ' active' : ''}"><a class="nav-link" href="${href}">${label}</a></li>`;
  return html`<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="/static/img/favicon.png">
<link rel="stylesheet" href="/static/vendor/bootstrap-4.6.2/css/bootstrap.min.css">
<link rel="stylesheet" href="/static/css/fiche-entreprise.css?v=3.8.1">
<style>
${trusted(FE_STYLE)}</style>
</head>
<body>
<a class="sr-only sr-only-focusable" href="#contenu">Aller au contenu</a>
<div class="bg-warning text-dark small px-3 py-1" role="note" id="bandeau-service">
  Information de service&nbsp;: mise à jour du répertoire SIRENE le 28/11/2026 entre 19h et 21h, la recherche sera indisponible.
</div>
<nav class="navbar navbar-expand-lg navbar-dark bg-primary" aria-label="Navigation principale">
  <a class="navbar-brand" href="/">Fiche Entreprise <small>Relation entreprises &ndash; France Travail</small></a>
  <button class="navbar-toggler" type="button" data-toggle="collapse" data-target="#navPrincipale" aria-controls="navPrincipale" aria-expanded="false" aria-label="Afficher le menu">
    <span class="navbar-toggler-icon"></span>
  </button>
  <div class="collapse navbar-collapse" id="navPrincipale">
    <ul class="navbar-nav mr-auto">
      ${item('accueil', '/', 'Accueil')}
      ${item('recherche', '/recherche', 'Rechercher')}
      <li class="nav-item"><a class="nav-link" href="/mes-entreprises">Mes entreprises</a></li>
      <li class="nav-item"><a class="nav-link" href="/besoins">Besoins repérés</a></li>
      <li class="nav-item"><a class="nav-link" href="/actions">Plan d'actions</a></li>
      <li class="nav-item"><a class="nav-link" href="/tableau-de-bord">Tableau de bord</a></li>
    </ul>
    <span class="navbar-text text-white small" id="utilisateur-connecte">Connecté&nbsp;: <strong>Jeanne MARTIN</strong> | Agence 69031 &ndash; Lyon Part-Dieu</span>
    <a class="btn btn-sm btn-outline-light ml-3" href="/deconnexion">Se déconnecter</a>
  </div>
</nav>
<main class="container-fluid mt-3" id="contenu">
${content}
</main>
<div class="modal fade" id="modale-aide" tabindex="-1" role="dialog" aria-labelledby="modale-aide-titre" aria-hidden="true">
  <div class="modal-dialog" role="document">
    <div class="modal-content">
      <div class="modal-header">
        <h2 class="modal-title h5" id="modale-aide-titre">Aide contextuelle</h2>
        <button type="button" class="close" data-dismiss="modal" aria-label="Fermer"><span aria-hidden="true">&times;</span></button>
      </div>
      <div class="modal-body">
        <p>Les informations d'identification proviennent du répertoire SIRENE. Les interlocuteurs et les besoins sont saisis par les conseillers.</p>
      </div>
      <div class="modal-footer"><button type="button" class="btn btn-secondary" data-dismiss="modal">Fermer</button></div>
    </div>
  </div>
</div>
<footer class="pied container-fluid">
  <div class="row">
    <div class="col-md-4">Fiche Entreprise v3.8.1 &ndash; France Travail &ndash; Direction régionale Auvergne-Rhône-Alpes</div>
    <div class="col-md-4">
      <a href="/aide">Aide</a> &middot; <a href="#modale-aide" data-toggle="modal">Aide contextuelle</a> &middot; <a href="/nouveautes">Nouveautés de la version</a>
    </div>
    <div class="col-md-4 text-md-right">
      <a href="/donnees-personnelles">Données personnelles</a> &middot; <a href="/accessibilite">Accessibilité&nbsp;: partiellement conforme</a>
    </div>
  </div>
</footer>
<script src="/static/vendor/jquery-3.7.1.min.js"></script>
<script src="/static/vendor/bootstrap-4.6.2/js/bootstrap.bundle.min.js"></script>
<script>
  $(function () {
    $('[data-toggle="tooltip"]').tooltip();
  });
</script>
</body>
</html>
`.value;
}

const empty = (text = 'Non renseigné') => html`<span class="text-vide">${text}</span>`;

/** `20 à 49 salariés` → `20 à 49`, as the result table shows it. */
function headcountShort(band: string): string {
  return band.replace(/\s+salariés?$/, '');
}

// ── Search ──────────────────────────────────────────────────────────────────

const DEPARTMENTS: [string, string][] = [
  ['01', '01 - Ain'],
  ['38', '38 - Isère'],
  ['42', '42 - Loire'],
  ['69', '69 - Rhône'],
];

export interface SearchView {
  query: string;
  department: string;
  results: readonly SeedEstablishment[];
}

export function renderSearch({ query, department, results }: SearchView): string {
  const n = results.length;
  const found = n === 0 ? 'Aucun établissement trouvé' : n === 1 ? '1 établissement trouvé' : `${n} établissements trouvés`;
  const summary = query ? html`${found} pour «&nbsp;${query}&nbsp;»` : html`${found}`;
  const content = html`<nav aria-label="Fil d'Ariane">
  <ol class="breadcrumb">
    <li class="breadcrumb-item"><a href="/">Accueil</a></li>
    <li class="breadcrumb-item active" aria-current="page">Recherche</li>
  </ol>
</nav>
<h1 class="h4 mb-3">Rechercher un établissement</h1>
<form class="form-inline mb-3" method="get" action="/recherche" role="search">
  <label class="sr-only" for="q">Raison sociale, enseigne, SIRET ou commune</label>
  <input type="search" class="form-control mr-2" id="q" name="q" value="${query}" placeholder="Raison sociale, enseigne, SIRET ou commune" size="40">
  <label class="sr-only" for="departement">Département</label>
  <select class="custom-select mr-2" id="departement" name="dep">
    <option value=""${department === '' ? trusted(' selected') : ''}>Tous départements</option>${DEPARTMENTS.map(
      ([code, label]) => html`
    <option value="${code}"${code === department ? trusted(' selected') : ''}>${label}</option>`,
    )}
  </select>
  <div class="custom-control custom-checkbox mr-2">
    <input type="checkbox" class="custom-control-input" id="actifs" name="actifs" value="1" checked>
    <label class="custom-control-label" for="actifs">Établissements actifs uniquement</label>
  </div>
  <button type="submit" class="btn btn-primary">Rechercher</button>
</form>
<div class="card">
  <div class="card-header d-flex justify-content-between">
    <span>Résultats</span>
    <span class="text-muted small">${summary}</span>
  </div>
  <div class="card-body p-0">
    <table class="table table-hover table-sm mb-0" id="resultats">
      <thead class="thead-light">
        <tr>
          <th scope="col">Raison sociale</th>
          <th scope="col">Enseigne</th>
          <th scope="col">SIRET</th>
          <th scope="col">Code postal</th>
          <th scope="col">Commune</th>
          <th scope="col">NAF</th>
          <th scope="col">Effectif</th>
          <th scope="col"><span class="sr-only">Actions</span></th>
        </tr>
      </thead>
      <tbody>${results.map(
        (e) => html`
        <tr>
          <td><a href="/etablissement/${e.siret}">${e.name}</a></td>
          <td>${e.tradeName}</td>
          <td class="text-monospace">${e.siret}</td>
          <td>${e.address.postcode}</td>
          <td>${e.address.city}</td>
          <td>${nafDisplay(e.naf.code)}</td>
          <td>${headcountShort(e.headcount)}</td>
          <td class="text-right"><a class="btn btn-sm btn-outline-primary" href="/etablissement/${e.siret}">Ouvrir la fiche</a></td>
        </tr>`,
      )}
      </tbody>
    </table>
  </div>
  <div class="card-footer small text-muted">
    Données issues du répertoire SIRENE, mises à jour le 15/11/2026. Un établissement fermé n'apparaît plus dans les résultats.
  </div>
</div>
<div class="card">
  <div class="card-header">Vous ne trouvez pas l'établissement&nbsp;?</div>
  <div class="card-body">
    <ul class="mb-0">
      <li>Vérifiez l'orthographe de la raison sociale ou recherchez par SIRET (14 chiffres).</li>
      <li>Les établissements créés depuis moins de 8 jours peuvent ne pas encore figurer dans la base.</li>
      <li><a href="/etablissement/nouveau">Créer une fiche provisoire</a></li>
    </ul>
  </div>
</div>`;
  return page(query ? `Recherche « ${query} » - Fiche Entreprise` : 'Recherche - Fiche Entreprise', 'recherche', content);
}

// ── Establishment ───────────────────────────────────────────────────────────

function searchTermFor(e: SeedEstablishment): string {
  return e.address.city.toLowerCase();
}

export function renderEstablishment(e: SeedEstablishment): string {
  const base = `/etablissement/${e.siret}`;
  const contactRows = e.contacts.map(
    (c) => html`
            <tr>
              <td>${c.civility ?? ''}</td>
              <td>${c.lastName}</td>
              <td>${c.firstName ?? ''}</td>
              <td>${c.role ?? empty()}</td>
              <td>${c.email ? html`<a href="mailto:${c.email}">${c.email}</a>` : empty()}</td>
              <td class="text-nowrap">${c.phone ?? empty()}</td>
              <td class="text-right"><a href="#" class="btn btn-link btn-sm" data-toggle="tooltip" title="Modifier l'interlocuteur">Modifier</a></td>
            </tr>`,
  );
  const needs =
    e.needs.length === 0
      ? html`
      <div class="card-body">
        <p class="text-vide mb-0" id="aucun-besoin">Aucun besoin de recrutement repéré pour cet établissement.</p>
      </div>`
      : html`
      <ul class="list-group list-group-flush" id="liste-besoins">${e.needs.map((n) => {
        const heading = n.rome
          ? html`<span class="code-rome">${n.rome}</span> &ndash; ${n.label}`
          : html`${n.label} <span class="badge badge-light">ROME non renseigné</span>`;
        const positions = n.positions ? html`${n.positions} ${n.positions > 1 ? 'postes' : 'poste'} &middot; ` : null;
        return html`
        <li class="list-group-item besoin">
          <div class="d-flex w-100 justify-content-between">
            <h2 class="h6 mb-1">${heading}</h2>${n.contractType ? html`
            <span class="badge badge-info badge-contrat">${CONTRACT_LABELS[n.contractType]}</span>` : null}
          </div>
          <p class="mb-1">${positions}Repéré le ${frDate(n.notedAt)} par ${n.notedBy} (${n.notedByAgency})</p>${n.comment ? html`
          <small class="text-muted">Commentaire&nbsp;: ${n.comment}</small>` : null}
        </li>`;
      })}
      </ul>`;

  const content = html`<nav aria-label="Fil d'Ariane">
  <ol class="breadcrumb">
    <li class="breadcrumb-item"><a href="/">Accueil</a></li>
    <li class="breadcrumb-item"><a href="/recherche?q=${encodeURIComponent(searchTermFor(e))}">Recherche</a></li>
    <li class="breadcrumb-item active" aria-current="page">${e.name}</li>
  </ol>
</nav>
<div class="d-flex justify-content-between align-items-center mb-3">
  <h1 class="h4 mb-0">${e.name} <small class="text-muted">&ndash; ${e.subtitle}</small></h1>
  <div>
    <a class="btn btn-sm btn-outline-primary" href="${base}/modifier">Modifier</a>
    <a class="btn btn-sm btn-primary" href="${base}/contact/nouveau">Saisir un contact</a>
  </div>
</div>
<div class="row">
  <div class="col-lg-5">
    <div class="card" id="carte-identite">
      <div class="card-header">Identité de l'établissement</div>
      <div class="card-body">
        <dl class="row fiche mb-0">
          <dt class="col-sm-5">Raison sociale</dt>
          <dd class="col-sm-7">${e.name}</dd>
          <dt class="col-sm-5">Enseigne</dt>
          <dd class="col-sm-7">${e.tradeName}</dd>
          <dt class="col-sm-5">SIRET</dt>
          <dd class="col-sm-7 text-monospace">${e.siretDisplay ?? e.siret}</dd>
          <dt class="col-sm-5">Forme juridique</dt>
          <dd class="col-sm-7">${e.legalForm}</dd>
          <dt class="col-sm-5">Code NAF</dt>
          <dd class="col-sm-7">${nafDisplay(e.naf.code)} - ${e.naf.label}</dd>
          <dt class="col-sm-5">Adresse</dt>
          <dd class="col-sm-7"><address class="mb-0">${e.address.street}<br>${e.address.postcode} ${e.address.city}</address></dd>
          <dt class="col-sm-5">Effectif</dt>
          <dd class="col-sm-7">${e.headcount}</dd>
          <dt class="col-sm-5">Date de création</dt>
          <dd class="col-sm-7">${frDate(e.createdOn)}</dd>
          <dt class="col-sm-5">Convention collective</dt>
          <dd class="col-sm-7">${e.collectiveAgreement}</dd>
          <dt class="col-sm-5">Conseiller entreprise</dt>
          <dd class="col-sm-7">${e.counsellor}</dd>
        </dl>
      </div>
    </div>
    <div class="card" id="carte-offres">
      <div class="card-header">Offres et mesures</div>
      <div class="card-body">
        <p class="mb-1">${e.offers}</p>
        <p class="mb-0 small text-muted">Mesures mobilisables&nbsp;: POEI, AFPR, PMSMP (immersion professionnelle), aides à l'embauche en alternance.</p>
      </div>
    </div>
  </div>
  <div class="col-lg-7">
    <div class="card" id="carte-interlocuteurs">
      <div class="card-header d-flex justify-content-between">
        <span>Interlocuteurs</span>
        <a href="${base}/interlocuteur/nouveau" class="small">+ Ajouter un interlocuteur</a>
      </div>
      <div class="card-body p-0">
        <table class="table table-sm table-striped mb-0" id="interlocuteurs">
          <thead class="thead-light">
            <tr>
              <th scope="col">Civilité</th>
              <th scope="col">Nom</th>
              <th scope="col">Prénom</th>
              <th scope="col">Fonction</th>
              <th scope="col">Courriel</th>
              <th scope="col">Téléphone</th>
              <th scope="col"><span class="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>${contactRows}
          </tbody>
        </table>
      </div>
    </div>
    <div class="card" id="carte-besoins">
      <div class="card-header d-flex justify-content-between">
        <span>Besoins de recrutement repérés</span>
        <a href="${base}/besoin/nouveau" class="small">+ Signaler un besoin</a>
      </div>${needs}
    </div>
    <div class="card historique" id="carte-historique">
      <div class="card-header">Historique des contacts</div>
      <div class="card-body p-0">
        <table class="table table-sm mb-0">
          <thead>
            <tr><th scope="col">Date</th><th scope="col">Type</th><th scope="col">Interlocuteur</th><th scope="col">Conseiller</th><th scope="col">Objet</th></tr>
          </thead>
          <tbody>${e.history.map(
            (h) => html`
            <tr><td>${frDate(h.date)}</td><td>${h.type}</td><td>${h.contact}</td><td>${h.counsellor}</td><td>${h.subject}</td></tr>`,
          )}
          </tbody>
        </table>
      </div>
    </div>
  </div>
</div>`;
  return page(`${e.name} - ${e.siret} - Fiche Entreprise`, null, content);
}

// ── Errors ──────────────────────────────────────────────────────────────────

let incidentCounter = 456;

/** The technical error page the tool shows when an establishment cannot be loaded (HTTP 500). */
export function renderTechnicalError(at: Date, recent: readonly SeedEstablishment[]): string {
  incidentCounter = (incidentCounter % 9999) + 1;
  const reference = `INC-${compactParisDate(at)}-${String(incidentCounter).padStart(4, '0')}-FE`;
  const content = html`<div class="row justify-content-center">
  <div class="col-lg-8">
    <div class="alert alert-danger mt-4" role="alert">
      <h1 class="h4 alert-heading">Une erreur technique est survenue</h1>
      <p>Le serveur n'a pas pu traiter votre demande (erreur 500). Vos données n'ont pas été modifiées.</p>
      <hr>
      <p class="mb-0">Référence de l'incident&nbsp;: <strong>${reference}</strong> &ndash; ${frDateTimeSeconds(at)}</p>
    </div>
    <div class="card">
      <div class="card-header">Que faire&nbsp;?</div>
      <div class="card-body">
        <ol class="mb-0">
          <li>Réessayez dans quelques minutes en rechargeant la page.</li>
          <li>Si l'erreur persiste, revenez à la <a href="/recherche">recherche d'établissement</a>.</li>
          <li>Signalez l'incident à l'assistance en indiquant la référence ci-dessus.</li>
        </ol>
      </div>
    </div>
    <div class="card">
      <div class="card-header">
        <a data-toggle="collapse" href="#details-techniques" role="button" aria-expanded="false" aria-controls="details-techniques">Détails techniques</a>
      </div>
      <div class="collapse" id="details-techniques">
        <div class="card-body">
<pre class="small mb-0">fr.ft.fe.service.EtablissementIntrouvableException: aucun etablissement actif pour l'identifiant demande
	at fr.ft.fe.service.EtablissementService.charger(EtablissementService.java:214)
	at fr.ft.fe.web.EtablissementController.afficher(EtablissementController.java:88)
	at org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1067)
	... 42 more</pre>
        </div>
      </div>
    </div>
    <div class="card">
      <div class="card-header">Dernières fiches consultées</div>
      <ul class="list-group list-group-flush">${recent.map(
        (e) => html`
        <li class="list-group-item"><a href="/etablissement/${e.siret}">${e.name}</a> <span class="text-muted small">&ndash; ${e.address.city}</span></li>`,
      )}
      </ul>
    </div>
    <p class="text-muted small">Serveur&nbsp;: fe-ly-app02 &ndash; Instance&nbsp;: fiche-entreprise-3.8.1 &ndash; Session&nbsp;: active</p>
    <p><a class="btn btn-primary" href="/">Retour à l'accueil</a> <a class="btn btn-outline-secondary" href="javascript:history.back()">Page précédente</a></p>
  </div>
</div>`;
  return page('Erreur technique - Fiche Entreprise', null, content);
}

export function renderFeNotFound(path: string): string {
  const content = html`<div class="row justify-content-center">
  <div class="col-lg-8">
    <div class="alert alert-warning mt-4" role="alert">
      <h1 class="h4 alert-heading">Page introuvable</h1>
      <p class="mb-0">La page demandée (<span class="text-monospace">${path}</span>) n'existe pas ou a été déplacée (erreur 404).</p>
    </div>
    <p><a class="btn btn-primary" href="/">Retour à l'accueil</a> <a class="btn btn-outline-secondary" href="/recherche">Rechercher un établissement</a></p>
  </div>
</div>`;
  return page('Page introuvable - Fiche Entreprise', null, content);
}

export function renderFeHome(all: readonly SeedEstablishment[]): string {
  const content = html`<h1 class="h4 mb-3">Accueil &ndash; démonstration Profilence</h1>
<div class="alert alert-warning">Simulation de l'outil « Fiche Entreprise » : données fictives (sauf La Poste).</div>
<div class="card">
  <div class="card-header">Établissements (${all.length})</div>
  <ul class="list-group list-group-flush">${all.map(
    (e) => html`
    <li class="list-group-item"><a href="/etablissement/${e.siret}">${e.name}</a> <span class="text-muted small">&ndash; ${e.siret} &ndash; ${e.address.city} &ndash; ${e.contacts.filter((c) => c.email).length} interlocuteur(s) avec courriel, ${e.needs.length} besoin(s)</span></li>`,
  )}
  </ul>
</div>
<div class="card">
  <div class="card-header">Autres pages</div>
  <ul class="list-group list-group-flush">
    <li class="list-group-item"><a href="/recherche?q=lyon">Recherche « lyon »</a></li>
    <li class="list-group-item"><a href="/etablissement/12345678912345">Fiche en erreur (SIRET inconnu)</a></li>
    <li class="list-group-item"><a href="http://dossiers.localhost/">Dossier demandeur</a> &middot; <a href="http://messagerie.localhost/">Messagerie</a></li>
  </ul>
</div>`;
  return page('Accueil - Fiche Entreprise', 'accueil', content);
}
