/**
 * Templates of the legacy tool "Dossier Demandeur d'Emploi" (JSF/PrimeFaces, 2010s
 * look): the portfolio, the job seeker's file, the login page and an error page,
 * built like tests/fixtures/legacy/dossier-demandeur/*.html.
 */
import { frDate } from '../format';
import { html, trusted, type SafeHtml } from '../html';
import { CONTRACT_LABELS, QUALIFICATION_LABELS } from '../seed/labels';
import type { SeedJobSeeker, SeedPhone } from '../seed/types';
import { DDE_LOGIN_STYLE, DDE_STYLE } from './legacy-styles';

export const FT_LOGO = trusted(
  '<img src="data:image/svg+xml;charset=utf-8,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%20width=%22118%22%20height=%2236%22%3E%3Crect%20width=%22118%22%20height=%2236%22%20fill=%22%23ffffff%22/%3E%3Crect%20y=%2232%22%20width=%22118%22%20height=%224%22%20fill=%22%23e2001a%22/%3E%3Ctext%20x=%226%22%20y=%2223%22%20font-family=%22Arial%22%20font-size=%2215%22%20font-weight=%22bold%22%20fill=%22%231c3f6e%22%3EFrance%20Travail%3C/text%3E%3C/svg%3E" alt="France Travail" width="118" height="36">',
);

const CIVILITY_WORD = { 'M.': 'Monsieur', Mme: 'Madame' } as const;

const PHONE_LABELS: Record<SeedPhone['kind'], string> = {
  mobile: 'Téléphone portable',
  fixed: 'Téléphone fixe',
  other: 'Autre téléphone',
};

const notFilled = (text = 'Non renseigné') => html`<span class="non-renseigne">${text}</span>`;

type MenuItem = 'accueil' | 'portefeuille' | 'dossier';

function page(title: string, active: MenuItem, content: SafeHtml): string {
  const item = (key: MenuItem | null, href: string, label: string) =>
    html`<li${key === active ? trusted(' class="actif"') : ''}><a href="${href}">${label}</a></li>`;
  return html`<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=1024">
<title>${title}</title>
<link rel="icon" href="/dde/resources/img/favicon.ico">
<link rel="stylesheet" href="/dde/javax.faces.resource/theme.css.xhtml?ln=primefaces-bluesky">
<link rel="stylesheet" href="/dde/javax.faces.resource/dde-commun.css.xhtml?ln=css&amp;v=4.12.3">
<script src="/dde/javax.faces.resource/jsf.js.xhtml?ln=javax.faces&amp;stage=Production"></script>
<script src="/dde/javax.faces.resource/jquery/jquery.js.xhtml?ln=primefaces&amp;v=6.2"></script>
<style>
${trusted(DDE_STYLE)}</style>
</head>
<body class="dde">
<div id="page">
<table id="bandeau" style="width:100%;border-collapse:collapse">
  <tr>
    <td style="width:130px">${FT_LOGO}</td>
    <td class="bandeau-titre">DOSSIER DEMANDEUR D'EMPLOI</td>
    <td class="bandeau-conseiller"><span id="j_idt9:conseiller">Conseiller&nbsp;: <b>Jeanne MARTIN</b> &mdash; Agence Lyon Part-Dieu (69031)</span></td>
    <td class="bandeau-actions" style="width:150px;text-align:right"><a href="/aide" id="j_idt9:aide">Aide</a> | <a href="/deconnexion" id="j_idt9:deconnexion">Déconnexion</a></td>
  </tr>
</table>
<table id="structure" style="width:100%;border-collapse:collapse">
  <tr>
    <td id="menu" style="width:190px;vertical-align:top">
      <div class="menu-titre">Navigation</div>
      <ul>
        ${item('accueil', '/accueil', 'Accueil')}
        ${item('portefeuille', '/portefeuille', 'Mon portefeuille')}
        ${item(null, '/recherche-demandeur', 'Rechercher un demandeur')}
        ${item('dossier', '/dossier', 'Dossier en cours')}
        <li><a href="/agenda">Mon agenda</a></li>
        <li><a href="/entretiens">Entretiens à saisir</a></li>
        <li><a href="/prestations">Prestations</a></li>
        <li><a href="/offres">Offres d'emploi</a></li>
        <li><a href="/mises-en-relation">Mises en relation</a></li>
        <li><a href="/statistiques">Statistiques agence</a></li>
      </ul>
      <div class="menu-titre">Raccourcis</div>
      <ul>
        <li><a href="http://entreprises.localhost/">Fiche Entreprise</a></li>
        <li><a href="http://messagerie.localhost/">Messagerie</a></li>
        <li><a href="/aide/guide-utilisateur">Guide utilisateur</a></li>
      </ul>
      <div class="menu-titre">Accès rapide</div>
      <div style="padding:6px 10px">
        <label for="j_idt9:accesRapide" style="display:block;margin-bottom:2px">Identifiant demandeur</label>
        <input type="text" id="j_idt9:accesRapide" name="j_idt9:accesRapide" size="12" maxlength="11" form="formAccesRapide">
        <button type="submit" class="bouton" form="formAccesRapide">OK</button>
      </div>
      <div class="menu-titre">Mes alertes</div>
      <ul>
        <li><a href="/alertes?type=entretien">Entretiens à planifier (2)</a></li>
        <li><a href="/alertes?type=document">Documents à valider (1)</a></li>
        <li><a href="/alertes?type=echeance">Échéances PPAE (0)</a></li>
      </ul>
    </td>
    <td id="contenu" style="vertical-align:top">
${content}
    </td>
  </tr>
</table>
<form id="formAccesRapide" method="get" action="/dossier/acces-rapide"></form>
<div id="pied">France Travail &ndash; Dossier Demandeur d'Emploi &ndash; version 4.12.3 (build 2026.10.2) &ndash; serveur dde-ly-app04 &ndash; <a href="/mentions-legales">Mentions légales</a> &ndash; <a href="/aide/accessibilite">Accessibilité&nbsp;: non conforme</a></div>
</div>
<script>
  // Maintien de session : ping toutes les 5 minutes
  (function () {
    var delai = 5 * 60 * 1000;
    window.setInterval(function () {
      if (window.jQuery) { jQuery.get('/dde/keepalive.xhtml'); }
    }, delai);
  })();
</script>
</body>
</html>
`.value;
}

// ── Portfolio ───────────────────────────────────────────────────────────────

export function renderPortfolio(seekers: readonly SeedJobSeeker[]): string {
  const count = seekers.length;
  const withoutCv = seekers.filter((s) => !s.cv).length;
  const rows = seekers.map((s, i) => {
    const main = s.targetJobs.find((j) => j.main);
    return html`
          <tr${i % 2 === 0 ? trusted(' class="impair"') : ''} data-ri="${i}">
            <td>${s.ftId}</td>
            <td>${s.lastName}</td>
            <td>${s.firstName}</td>
            <td>${main ? `${main.rome} - ${main.label}` : html`<span class="non-renseigne">&mdash;</span>`}</td>
            <td>${s.promotionConsent.granted ? html`<span class="consentement-ok">Oui</span>` : html`<span class="consentement-ko">Non</span>`}</td>
            <td>${s.category}</td>
            <td><a href="/dossier/${s.ftId}" id="j_idt40:portefeuille:${i}:lienDossier">Voir le dossier</a></td>
          </tr>`;
  });
  const content = html`<form id="j_idt36" name="j_idt36" method="post" action="/portefeuille" enctype="application/x-www-form-urlencoded">
<input type="hidden" name="j_idt36" value="j_idt36">
    <div class="fil-ariane"><a href="/accueil">Accueil</a> &gt; Mon portefeuille</div>
    <h1 style="font-size:14px;margin:4px 0 8px 0;color:#1c3f6e">Mon portefeuille de demandeurs</h1>
    <div class="ui-messages-info" id="j_idt38:messages">${count} demandeurs suivis. Les demandeurs dont la promotion du profil n'est pas autorisée ne peuvent pas être proposés à un employeur.</div>
    <div class="panneau" id="j_idt38:panelFiltres">
      <div class="panneau-titre">Filtres</div>
      <table class="formulaire">
        <tr>
          <td class="libelle"><label for="j_idt38:filtreCategorie">Catégorie</label></td>
          <td class="valeur">
            <select id="j_idt38:filtreCategorie" name="j_idt38:filtreCategorie">
              <option value="" selected>Toutes</option>
              <option value="A">A</option>
              <option value="B">B</option>
              <option value="C">C</option>
            </select>
          </td>
          <td class="libelle"><label for="j_idt38:filtrePromotion">Promotion du profil</label></td>
          <td class="valeur">
            <select id="j_idt38:filtrePromotion" name="j_idt38:filtrePromotion">
              <option value="" selected>Tous</option>
              <option value="O">Autorisée</option>
              <option value="N">Non autorisée</option>
            </select>
          </td>
        </tr>
        <tr>
          <td class="libelle"><label for="j_idt38:filtreNom">Nom</label></td>
          <td class="valeur"><input type="text" id="j_idt38:filtreNom" name="j_idt38:filtreNom" value="" size="20"></td>
          <td class="libelle"><label for="j_idt38:filtreRome">Code ROME</label></td>
          <td class="valeur"><input type="text" id="j_idt38:filtreRome" name="j_idt38:filtreRome" value="" size="6" maxlength="5"></td>
        </tr>
      </table>
      <div style="padding:4px 6px"><input type="submit" name="j_idt38:filtrer" value="Filtrer" class="bouton"> <input type="submit" name="j_idt38:reinitialiser" value="Réinitialiser" class="bouton"></div>
    </div>
    <div class="panneau" id="j_idt40:panelPortefeuille">
      <div class="panneau-titre">Demandeurs (${count})</div>
      <table class="liste" id="j_idt40:portefeuille" role="grid">
        <thead>
          <tr>
            <th id="j_idt40:portefeuille:colId">Identifiant</th>
            <th id="j_idt40:portefeuille:colNom">Nom</th>
            <th id="j_idt40:portefeuille:colPrenom">Prénom</th>
            <th id="j_idt40:portefeuille:colMetier">Métier principal</th>
            <th id="j_idt40:portefeuille:colPromotion">Promotion du profil autorisée</th>
            <th id="j_idt40:portefeuille:colCategorie">Cat.</th>
            <th id="j_idt40:portefeuille:colAction">Action</th>
          </tr>
        </thead>
        <tbody id="j_idt40:portefeuille_data">${rows}
        </tbody>
      </table>
      <div style="padding:4px 6px;font-size:10px;color:#555">Page 1 sur 1 &ndash; ${count} résultats &ndash; <a href="/portefeuille/export?format=csv">Exporter (CSV)</a></div>
    </div>
    <div class="panneau" id="j_idt44:panelAlertes">
      <div class="panneau-titre">Alertes</div>
      <ul style="margin:4px 0;padding-left:22px">
        <li>2 entretiens à planifier avant le 30/11/2026.</li>
        <li>${withoutCv} ${withoutCv > 1 ? 'dossiers' : 'dossier'} sans CV déposé.</li>
        <li>Rappel&nbsp;: vérifier la promotion du profil avant toute mise en relation.</li>
      </ul>
    </div>
<input type="hidden" name="javax.faces.ViewState" id="j_id1:javax.faces.ViewState:0" value="7013348821095561202:-3327719940615598120">
</form>`;
  return page('Mon portefeuille - Dossier Demandeur', 'portefeuille', content);
}

// ── Job seeker's file ───────────────────────────────────────────────────────

function formRow(label: string, value: SafeHtml): SafeHtml {
  return html`
          <tr>
            <td class="libelle">${label}</td>
            <td class="valeur">${value}</td>
          </tr>`;
}

function listRow(label: string, id: string, listClass: string, items: readonly (string | SafeHtml)[]): SafeHtml {
  if (items.length === 0) return formRow(label, html`<span id="${id}">${notFilled()}</span>`);
  return html`
          <tr>
            <td class="libelle">${label}</td>
            <td class="valeur">
              <ul id="${id}" class="${listClass}" style="margin:0;padding-left:16px">${items.map((item) => html`
                <li>${item}</li>`)}
              </ul>
            </td>
          </tr>`;
}

export function cvPath(seeker: SeedJobSeeker): string {
  return `/dossier/${seeker.ftId}/cv`;
}

export function renderProfile(s: SeedJobSeeker): string {
  const p = `j_idt${s.jsf.panel}`;
  const f = `j_idt${s.jsf.form}`;
  const span = (id: string, value: string | SafeHtml) => html`<span id="${p}:${id}">${value}</span>`;
  const phoneRows: { label: string; value: string | SafeHtml }[] = s.phones.map((ph) => ({ label: PHONE_LABELS[ph.kind], value: ph.number }));
  if (phoneRows.length === 0) phoneRows.push({ label: PHONE_LABELS.mobile, value: notFilled() });
  if (phoneRows.length === 1) phoneRows.push({ label: PHONE_LABELS.fixed, value: notFilled() });
  const consent =
    s.consentDisplay === 'switch'
      ? html`<span class="interrupteur"><input type="checkbox" role="switch" id="${p}:promotionAutorisee" disabled${s.promotionConsent.granted ? trusted(' checked') : ''}> <label for="${p}:promotionAutorisee">Promotion du profil autorisée</label></span>`
      : s.consentDisplay === 'pending'
        ? html`<span class="consentement-attente">En attente de signature</span>`
        : s.promotionConsent.granted
          ? html`<span class="consentement-ok">Autorisée depuis le ${frDate(s.promotionConsent.since)}</span>`
          : html`<span class="consentement-ko">Non autorisée</span>`;
  const jobs = s.targetJobs.map((j) =>
    j.main ? html`${j.rome} - ${j.label} <span class="principal">(métier principal)</span>` : html`${j.rome} - ${j.label}`,
  );
  const contracts = s.contractTypes.map((c) => CONTRACT_LABELS[c]).join(', ');
  const availability = s.availability.immediate ? 'Immédiate' : `À partir du ${frDate(s.availability.from)}`;
  const experience = `${s.experienceYears} ${s.experienceYears > 1 ? 'ans' : 'an'}`;
  const civility = CIVILITY_WORD[s.civility];

  const content = html`<form id="${f}" name="${f}" method="post" action="/dossier/${s.ftId}" enctype="application/x-www-form-urlencoded">
<input type="hidden" name="${f}" value="${f}">
    <div class="fil-ariane"><a href="/accueil">Accueil</a> &gt; <a href="/portefeuille">Mon portefeuille</a> &gt; Dossier de ${s.firstName} ${s.lastName}</div>
    <h1 style="font-size:14px;margin:4px 0 8px 0;color:#1c3f6e">Dossier demandeur &ndash; ${civility} ${s.firstName} ${s.lastName}</h1>
    <div class="ui-messages-info" id="${p}:messages">${s.notice}</div>
    <div class="onglets" style="margin-bottom:8px">
      <a href="#" class="bouton" id="${p}:ongletSynthese">Synthèse</a>
      <a href="#" class="bouton" id="${p}:ongletParcours">Parcours</a>
      <a href="#" class="bouton" id="${p}:ongletDocuments">Documents</a>
      <a href="#" class="bouton" id="${p}:ongletHistorique">Historique</a>
    </div>
    <div class="panneau" id="${p}:panelIdentite">
      <div class="panneau-titre">Identité</div>
      <table class="formulaire">${[
        formRow('Identifiant', span('identifiant', s.ftId)),
        formRow('Civilité', span('civilite', civility)),
        formRow('Nom', span('nom', s.lastName)),
        formRow('Prénom', span('prenom', s.firstName)),
        formRow("Date d'inscription", span('dateInscription', frDate(s.registeredOn))),
        formRow('Catégorie', span('categorie', s.category)),
        formRow("Modalité d'accompagnement", span('modalite', s.support)),
        formRow('Conseiller référent', span('referent', 'Jeanne MARTIN')),
      ]}
      </table>
    </div>
    <div class="panneau" id="${p}:panelCoordonnees">
      <div class="panneau-titre">Coordonnées</div>
      <table class="formulaire">${[
        formRow('Adresse', span('adresse', s.street)),
        formRow('Code postal', span('codePostal', s.postcode)),
        formRow('Commune', span('commune', s.city)),
        formRow('Courriel', span('courriel', s.email ?? notFilled())),
        ...phoneRows.map((row, i) => formRow(row.label, span(`telephone${i + 1}`, row.value))),
        formRow('Mode de contact préféré', span('contactPrefere', s.preferredContact)),
      ]}
      </table>
    </div>
    <div class="panneau" id="${p}:panelPromotion">
      <div class="panneau-titre">Promotion du profil</div>
      <table class="formulaire">${[
        formRow('Promotion du profil', span('promotionProfil', consent)),
        formRow('Information', span('promotionInfo', 'Le demandeur peut autoriser ou retirer à tout moment la transmission de son profil à des employeurs depuis son espace personnel.')),
      ]}
      </table>
    </div>
    <div class="panneau" id="${p}:panelProjet">
      <div class="panneau-titre">Projet professionnel</div>
      <table class="formulaire">${[
        listRow('Métiers recherchés', `${p}:metiers`, 'liste-metiers', jobs),
        formRow('Types de contrat souhaités', span('typesContrat', contracts || notFilled())),
        formRow('Durée de travail', span('dureeTravail', s.workingTime)),
        formRow('Disponibilité', span('disponibilite', availability)),
        formRow('Salaire souhaité', span('salaire', s.salary)),
      ]}
      </table>
    </div>
    <div class="panneau" id="${p}:panelCompetences">
      <div class="panneau-titre">Compétences et qualification</div>
      <table class="formulaire">${[
        listRow('Savoir-faire', `${p}:savoirFaire`, 'liste-puces', s.skills),
        listRow('Savoir-être', `${p}:savoirEtre`, 'liste-puces', s.softSkills),
        formRow('Niveau de qualification', span('qualification', `${s.qualification} - ${QUALIFICATION_LABELS[s.qualification]}`)),
        formRow('Expérience dans le métier principal', span('experience', experience)),
        formRow('Niveau de formation', span('formation', s.education)),
        formRow('Langues', span('langues', s.languages)),
        formRow('Permis de conduire', span('permis', s.drivingLicences.length ? s.drivingLicences.join(', ') : 'Aucun')),
        s.certifications ? formRow('Habilitations', span('habilitations', s.certifications)) : null,
      ]}
      </table>
    </div>${
      s.mobility
        ? html`
    <div class="panneau" id="${p}:panelMobilite">
      <div class="panneau-titre">Mobilité</div>
      <table class="formulaire">${[
        formRow('Rayon de mobilité', span('rayonMobilite', `${s.mobility.radiusKm} km`)),
        formRow('Véhicule personnel', span('vehicule', s.mobility.vehicle ? 'Oui' : 'Non')),
        formRow('Transports en commun', span('transports', s.mobility.publicTransport)),
      ]}
      </table>
    </div>`
        : null
    }
    <div class="panneau" id="${p}:panelDocuments">
      <div class="panneau-titre">Documents</div>
      <table class="formulaire">${[
        formRow(
          'Curriculum vitae',
          s.cv
            ? html`<a href="${cvPath(s)}" id="${p}:lienCv" target="_blank">${s.cv.fileName}</a> (PDF, ${s.cv.sizeKo} Ko, déposé le ${frDate(s.cv.uploadedOn)})`
            : span('cv', notFilled('Aucun CV déposé')),
        ),
        formRow('Lettre de motivation', span('lettre', notFilled('Aucune'))),
      ]}
      </table>
    </div>
    <div class="panneau" id="${p}:panelEvenements">
      <div class="panneau-titre">Derniers événements</div>
      <table class="liste" id="${p}:evenements">
        <thead><tr><th>Date</th><th>Type</th><th>Objet</th><th>Auteur</th></tr></thead>
        <tbody>${s.events.map(
          (e, i) => html`
          <tr${i % 2 === 0 ? trusted(' class="impair"') : ''}><td>${frDate(e.date)}</td><td>${e.type}</td><td>${e.subject}</td><td>${e.author}</td></tr>`,
        )}
        </tbody>
      </table>
    </div>
    <div class="actions" style="margin-top:6px">
      <input type="submit" name="${p}:modifier" value="Modifier" class="bouton">
      <input type="submit" name="${p}:imprimer" value="Imprimer la synthèse" class="bouton">
      <input type="button" value="Retour au portefeuille" class="bouton" onclick="window.location.href='/portefeuille'">
    </div>
<input type="hidden" name="javax.faces.ViewState" id="j_id1:javax.faces.ViewState:0" value="${s.jsf.viewState}">
</form>`;
  return page(`Dossier demandeur - ${s.lastName} ${s.firstName} (${s.ftId})`, 'dossier', content);
}

// ── Error and index pages (same layout, not a known page for the readers) ──

export function renderDdeError(title: string, message: string): string {
  const content = html`    <div class="fil-ariane"><a href="/accueil">Accueil</a> &gt; ${title}</div>
    <h1 style="font-size:14px;margin:4px 0 8px 0;color:#1c3f6e">${title}</h1>
    <div class="ui-messages-error" id="j_idt12:messages">${message}</div>
    <p><a href="/portefeuille">Retour au portefeuille</a></p>`;
  return page(`${title} - Dossier Demandeur`, 'dossier', content);
}

export function renderDdeHome(seekers: readonly SeedJobSeeker[]): string {
  const samples = seekers.slice(0, 8);
  const content = html`    <div class="fil-ariane">Accueil</div>
    <h1 style="font-size:14px;margin:4px 0 8px 0;color:#1c3f6e">Accueil &ndash; démonstration Profilence</h1>
    <div class="ui-messages-info">Simulation de l'outil « Dossier Demandeur d'Emploi » : données fictives.</div>
    <div class="panneau">
      <div class="panneau-titre">Pages de cet outil</div>
      <ul>
        <li><a href="/portefeuille">Mon portefeuille</a> (${seekers.length} demandeurs)</li>${samples.map(
          (s) => html`
        <li><a href="/dossier/${s.ftId}">Dossier ${s.ftId} &ndash; ${s.firstName} ${s.lastName}</a>${s.cv ? html` &middot; <a href="${cvPath(s)}">CV</a>` : null}</li>`,
        )}
        <li><a href="/connexion">Page de connexion</a></li>
      </ul>
    </div>
    <div class="panneau">
      <div class="panneau-titre">Autres outils</div>
      <ul>
        <li><a href="http://entreprises.localhost/">Fiche Entreprise</a></li>
        <li><a href="http://messagerie.localhost/">Messagerie</a></li>
      </ul>
    </div>`;
  return page('Accueil - Dossier Demandeur', 'accueil', content);
}

// ── Login page ──────────────────────────────────────────────────────────────

export function renderLogin(): string {
  return html`<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>Connexion - Dossier Demandeur d'Emploi</title>
<link rel="icon" href="/dde/resources/img/favicon.ico">
<link rel="stylesheet" href="/dde/javax.faces.resource/theme.css.xhtml?ln=primefaces-bluesky">
<style>
${trusted(DDE_LOGIN_STYLE)}</style>
</head>
<body class="dde connexion">
<div id="bandeau">
  ${FT_LOGO}
  <span class="titre">DOSSIER DEMANDEUR D'EMPLOI</span>
</div>
<div id="cadre">
  <h1>Connexion à l'application</h1>
  <div class="corps">
    <div class="ui-messages-warn" id="loginForm:messages">Veuillez vous identifier pour accéder aux dossiers des demandeurs d'emploi.</div>
    <form id="loginForm" name="loginForm" method="post" action="/j_security_check" enctype="application/x-www-form-urlencoded" autocomplete="off">
      <input type="hidden" name="loginForm" value="loginForm">
      <table>
        <tr>
          <td class="libelle"><label for="loginForm:identifiant">Identifiant agent (IDRH)</label></td>
          <td><input type="text" id="loginForm:identifiant" name="j_username" size="20" maxlength="12" required></td>
        </tr>
        <tr>
          <td class="libelle"><label for="loginForm:motDePasse">Mot de passe</label></td>
          <td><input type="password" id="loginForm:motDePasse" name="j_password" size="20" required></td>
        </tr>
        <tr>
          <td class="libelle"><label for="loginForm:site">Site de rattachement</label></td>
          <td>
            <select id="loginForm:site" name="loginForm:site">
              <option value="" selected>-- Choisir --</option>
              <option value="69031">69031 - Lyon Part-Dieu</option>
              <option value="69032">69032 - Lyon Gerland</option>
              <option value="69266">69266 - Villeurbanne</option>
              <option value="69259">69259 - Vénissieux</option>
            </select>
          </td>
        </tr>
        <tr>
          <td></td>
          <td><input type="checkbox" id="loginForm:memoriser" name="loginForm:memoriser"> <label for="loginForm:memoriser">Mémoriser mon identifiant</label></td>
        </tr>
        <tr>
          <td></td>
          <td><input type="submit" name="loginForm:connexion" value="Se connecter" class="bouton"></td>
        </tr>
      </table>
      <input type="hidden" name="javax.faces.ViewState" id="j_id1:javax.faces.ViewState:0" value="-118833201774520003:6694410237012255913">
    </form>
    <ul class="liens">
      <li><a href="/mot-de-passe-oublie">Mot de passe oublié&nbsp;?</a></li>
      <li><a href="/aide/connexion">Aide à la connexion</a></li>
      <li><a href="/aide/carte-agent">Se connecter avec la carte agent</a></li>
    </ul>
    <div class="avertissement">
      <p>Accès réservé aux agents de France Travail habilités. Toute connexion est tracée.
      L'utilisation de cette application est soumise à la charte d'utilisation des systèmes d'information.</p>
      <p>Les informations consultées sont couvertes par le secret professionnel et ne doivent être utilisées
      que dans le cadre de l'accompagnement des demandeurs d'emploi.</p>
      <p>En cas de difficulté, contactez l'assistance informatique régionale (poste 4455) ou ouvrez
      un ticket depuis le portail d'assistance.</p>
    </div>
  </div>
</div>
<div id="actualites" style="width:420px;margin:0 auto 20px auto;background:#fff;border:1px solid #9fb3c8">
  <h2 style="margin:0;font-size:12px;background:#c9d8e8;color:#123;padding:5px 10px">Informations de service</h2>
  <ul style="margin:0;padding:8px 10px 8px 26px;line-height:1.5">
    <li><strong>22/11/2026</strong> &ndash; Intervention de maintenance de 18h à 22h&nbsp;: l'application sera indisponible.</li>
    <li><strong>14/11/2026</strong> &ndash; Version 4.12.3&nbsp;: nouvel affichage des métiers recherchés (code ROME et libellé).</li>
    <li><strong>03/11/2026</strong> &ndash; Rappel&nbsp;: la promotion du profil nécessite l'autorisation préalable du demandeur.</li>
    <li><strong>21/10/2026</strong> &ndash; Les CV déposés depuis l'espace personnel sont désormais visibles dans l'onglet Documents.</li>
  </ul>
</div>
<div id="charte" style="width:420px;margin:0 auto 20px auto;background:#fff;border:1px solid #9fb3c8">
  <details style="padding:6px 10px">
    <summary style="cursor:pointer;font-weight:bold;color:#1c3f6e">Charte d'utilisation des systèmes d'information (extrait)</summary>
    <ol style="line-height:1.5;padding-left:18px">
      <li>L'accès à l'application est personnel&nbsp;: ne communiquez jamais votre mot de passe.</li>
      <li>Verrouillez votre poste de travail lorsque vous vous absentez (touches Windows + L).</li>
      <li>Ne consultez que les dossiers nécessaires à l'accompagnement des demandeurs dont vous avez la charge.</li>
      <li>N'exportez pas de données personnelles vers une messagerie ou un support non autorisé.</li>
      <li>Ne saisissez aucune donnée de santé ni aucun numéro de sécurité sociale dans les zones de commentaire.</li>
      <li>Toute transmission d'un profil à un employeur suppose l'autorisation préalable du demandeur.</li>
      <li>Les consultations sont journalisées et peuvent faire l'objet de contrôles.</li>
      <li>Signalez sans délai tout incident de sécurité à votre correspondant informatique.</li>
    </ol>
    <p style="font-size:10px;color:#555">Version du 01/09/2026 &ndash; texte intégral disponible sur l'intranet.</p>
  </details>
</div>
<div id="contacts-utiles" style="width:420px;margin:0 auto 20px auto;background:#fff;border:1px solid #9fb3c8">
  <h2 style="margin:0;font-size:12px;background:#c9d8e8;color:#123;padding:5px 10px">Contacts utiles</h2>
  <table style="border-collapse:collapse;width:100%">
    <thead>
      <tr><th style="text-align:left;padding:3px 8px">Service</th><th style="text-align:left;padding:3px 8px">Comment le joindre</th><th style="text-align:left;padding:3px 8px">Horaires</th></tr>
    </thead>
    <tbody>
      <tr><td style="padding:3px 8px">Assistance informatique régionale</td><td style="padding:3px 8px">Poste interne 4455</td><td style="padding:3px 8px">8h &ndash; 18h</td></tr>
      <tr><td style="padding:3px 8px">Réinitialisation du mot de passe</td><td style="padding:3px 8px">Portail libre-service</td><td style="padding:3px 8px">24h/24</td></tr>
      <tr><td style="padding:3px 8px">Référent applicatif de l'agence</td><td style="padding:3px 8px">Boîte aux lettres de l'agence</td><td style="padding:3px 8px">Jours ouvrés</td></tr>
    </tbody>
  </table>
</div>
<div id="applications" style="width:420px;margin:0 auto 20px auto;font-size:10px;color:#555">
  <p style="margin:0 0 4px 0">Autres applications&nbsp;:</p>
  <ul class="liens" style="margin:0">
    <li><a href="http://entreprises.localhost/">Fiche Entreprise</a></li>
    <li><a href="http://messagerie.localhost/">Messagerie</a></li>
    <li><a href="/intranet">Intranet régional</a></li>
  </ul>
</div>
<div id="pied">
  France Travail &ndash; Dossier Demandeur d'Emploi &ndash; version 4.12.3 (build 2026.10.2)
  &ndash; <a href="/mentions-legales">Mentions légales</a>
  &ndash; <a href="/aide/accessibilite">Accessibilité&nbsp;: non conforme</a>
</div>
<noscript>
  <p style="text-align:center;color:#b00020">JavaScript doit être activé pour utiliser l'application.</p>
</noscript>
<script>
  (function () {
    var champ = document.getElementById('loginForm:identifiant');
    if (champ) { champ.focus(); }
    // Verrouillage majuscules
    document.addEventListener('keydown', function (e) {
      if (e.getModifierState && e.getModifierState('CapsLock')) {
        window.status = 'Verr. Maj. activ\\u00e9';
      }
    });
  })();
</script>
</body>
</html>
`.value;
}
