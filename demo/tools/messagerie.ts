/**
 * Templates of the webmail "Messagerie" (OWA-like): the compose form and the
 * "message sent" confirmation, built like tests/fixtures/legacy/messagerie/*.html,
 * plus the sent-items list of the demo.
 */
import { frDateTimeAt, sizeKo } from '../format';
import { html, trusted, type SafeHtml } from '../html';
import type { SentMessage } from '../mailbox';
import { MAIL_STYLE } from './legacy-styles';

export type Folder = 'reception' | 'envoyes' | null;

/** A page of the webmail around `content`; `unread` is the inbox's counter in the folder pane. */
export function page(title: string, current: Folder, content: SafeHtml, unread = 12): string {
  const counter = unread > 0 ? html` <span class="compteur">${unread}</span>` : html` <span></span>`;
  return html`<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<link rel="icon" href="/owa/resources/img/favicon.ico">
<link rel="stylesheet" href="/owa/resources/styles/owa-classic.css?v=16.2.4">
<style>
${trusted(MAIL_STYLE)}</style>
</head>
<body>
<header id="barre-haut">
  <span class="app">Messagerie</span>
  <form class="recherche" role="search" action="/mail/recherche" method="get">
    <label class="sr-only" for="recherche-mail">Rechercher dans la messagerie</label>
    <input type="search" id="recherche-mail" name="q" placeholder="Rechercher dans le courrier et les contacts">
  </form>
  <span class="utilisateur">jeanne.martin@example.fr &middot; <a href="/parametres" style="color:#fff">Paramètres</a> &middot; <a href="/deconnexion" style="color:#fff">Déconnexion</a></span>
</header>
<nav id="lanceur" aria-label="Applications" style="background:#e9eef4;font-size:12px;padding:3px 14px">
  <a href="/mail/dossier/reception">Courrier</a> &middot;
  <a href="/calendrier">Calendrier</a> &middot;
  <a href="/contacts">Contacts</a> &middot;
  <a href="/taches">Tâches</a> &middot;
  <a href="http://dossiers.localhost/">Dossier demandeur</a> &middot;
  <a href="http://entreprises.localhost/">Fiche Entreprise</a>
</nav>
<div id="cadre">
  <nav id="volet-dossiers" aria-label="Dossiers">
    <h2>Favoris</h2>
    <ul>
      <li${current === 'reception' ? trusted(' class="courant"') : ''}><a href="/mail/dossier/reception">Boîte de réception${counter}</a></li>
      <li${current === 'envoyes' ? trusted(' class="courant"') : ''}><a href="/mail/dossier/envoyes">Éléments envoyés <span></span></a></li>
      <li><a href="/mail/dossier/brouillons">Brouillons <span class="compteur">1</span></a></li>
    </ul>
    <h2>Dossiers</h2>
    <ul>
      <li><a href="/mail/dossier/reception">Boîte de réception${counter}</a></li>
      <li><a href="/mail/dossier/entreprises">Entreprises <span></span></a></li>
      <li><a href="/mail/dossier/mrs">MRS &ndash; recrutements <span class="compteur">3</span></a></li>
      <li><a href="/mail/dossier/supprimes">Éléments supprimés <span></span></a></li>
      <li><a href="/mail/dossier/indesirables">Courrier indésirable <span></span></a></li>
      <li><a href="/mail/dossier/archives">Archives <span></span></a></li>
    </ul>
    <h2>Groupes</h2>
    <ul>
      <li><a href="/mail/bal/agence-69031">BAL Agence Lyon Part-Dieu <span class="compteur">47</span></a></li>
      <li><a href="/mail/bal/equipe-entreprises">Équipe entreprises <span></span></a></li>
    </ul>
    <h2>Contacts fréquents</h2>
    <ul style="font-size:12px">
      <li><a href="/contacts/1187">Karim BENALI <span></span></a></li>
      <li><a href="/contacts/1203">Hélène ROUSSET <span></span></a></li>
      <li><a href="/contacts/2291">rh@example.com <span></span></a></li>
      <li><a href="/contacts/2310">accueil@example.com <span></span></a></li>
    </ul>
    <h2>Agenda du jour</h2>
    <ul style="font-size:12px">
      <li><a href="/calendrier/evenement/88120">09:30 Entretien MRS <span></span></a></li>
      <li><a href="/calendrier/evenement/88131">15:00 Réunion d'équipe <span></span></a></li>
    </ul>
  </nav>
  <main id="zone-principale">
${content}
  </main>
</div>
<div id="notifications" aria-live="polite" style="position:fixed;right:16px;bottom:16px;max-width:280px"></div>
<div class="pied">Messagerie &ndash; France Travail &ndash; Les messages sont conservés 24 mois. Ne transmettez jamais de données de santé par courriel.</div>
<script>
  (function () {
    // Avertit avant de quitter par la navigation un message commencé ; l'envoi, le brouillon et « Ignorer » ne demandent rien.
    var modifie = false;
    document.addEventListener('input', function () { modifie = true; });
    document.addEventListener('submit', function () { modifie = false; });
    var ignorer = document.getElementById('btn-ignorer');
    if (ignorer) ignorer.addEventListener('click', function () { modifie = false; }, true);
    window.addEventListener('beforeunload', function (e) {
      if (modifie && document.getElementById('formulaire-message')) { e.preventDefault(); e.returnValue = ''; }
    });
  })();
</script>
</body>
</html>
`.value;
}

/** The textarea's initial value (the counsellor's signature under a blank line). */
export const SIGNATURE = '\n--\nJeanne MARTIN\nConseillère entreprise\nFrance Travail – Agence Lyon Part-Dieu';

export interface ComposeView {
  to?: string;
  cc?: string;
  subject?: string;
  body?: string;
  /** Shown above the form, e.g. when a field is missing. */
  error?: string;
  notice?: string;
}

export function renderCompose(view: ComposeView = {}): string {
  const banner = view.error
    ? html`
    <div role="alert" id="erreur-envoi" style="border:1px solid #e0b4b4;background:#fff6f6;color:#9f3a38;padding:8px 12px;margin-bottom:10px">${view.error}</div>`
    : view.notice
      ? html`
    <div role="status" id="info-message" style="border:1px solid #b7dbb5;background:#eef8ed;padding:8px 12px;margin-bottom:10px">${view.notice}</div>`
      : null;
  const body = view.body ?? SIGNATURE;
  const content = html`    <h1 class="sr-only">Nouveau message</h1>${banner}
    <form id="formulaire-message" method="post" action="/mail/envoyer" enctype="multipart/form-data">
      <div class="barre-actions">
        <button type="submit" id="btn-envoyer" class="principal">Envoyer</button>
        <button type="button" id="btn-ignorer" onclick="window.location.href='/mail/dossier/reception'">Ignorer</button>
        <button type="submit" id="btn-brouillon" name="action" value="brouillon" formnovalidate>Enregistrer le brouillon</button>
        <button type="button" id="btn-options">Options&hellip;</button>
      </div>
      <div class="ligne-champ">
        <label for="champ-a">À</label>
        <input type="text" id="champ-a" name="to" autocomplete="off" aria-describedby="aide-destinataires"${view.to ? html` value="${view.to}"` : null}>
      </div>
      <div class="ligne-champ">
        <label for="champ-cc">Cc</label>
        <input type="text" id="champ-cc" name="cc" autocomplete="off"${view.cc ? html` value="${view.cc}"` : null}>
      </div>
      <div class="ligne-champ">
        <label for="champ-objet">Objet</label>
        <input type="text" id="champ-objet" name="subject" maxlength="255"${view.subject ? html` value="${view.subject}"` : null}>
      </div>
      <div class="ligne-champ">
        <label for="champ-pj">Pièces jointes</label>
        <input type="file" id="champ-pj" name="attachments" multiple>
      </div>
      <p id="aide-destinataires" style="font-size:11px;color:#888;margin:4px 0">Séparez les adresses par une virgule. Taille maximale des pièces jointes&nbsp;: 20 Mo.</p>
      <label class="sr-only" for="champ-corps">Corps du message</label>
      <textarea id="champ-corps" name="body" class="corps-message" rows="18" cols="100">
${body}</textarea>
      <div style="margin-top:8px;font-size:12px;color:#666">
        <input type="checkbox" id="champ-accuse" name="accuse" value="1">
        <label for="champ-accuse">Demander un accusé de lecture</label>
        &nbsp;&nbsp;
        <label for="champ-importance">Importance</label>
        <select id="champ-importance" name="importance">
          <option value="basse">Basse</option>
          <option value="normale" selected>Normale</option>
          <option value="haute">Haute</option>
        </select>
      </div>
      <input type="hidden" name="jeton" value="c9f2d1b08e7a4c55b3a61f0de2847b19">
      <input type="hidden" name="brouillonId" value="">
    </form>
    <section style="margin-top:18px;border-top:1px solid #eee;padding-top:10px;font-size:12px;color:#666" aria-label="Conseils">
      <h2 style="font-size:13px;margin:0 0 6px 0">Bonnes pratiques</h2>
      <ul style="margin:0;padding-left:18px">
        <li>Vérifiez le destinataire avant tout envoi de données personnelles.</li>
        <li>Un CV transmis à un employeur doit avoir été autorisé par le demandeur.</li>
        <li>Utilisez la boîte aux lettres de l'agence pour les échanges collectifs.</li>
      </ul>
    </section>`;
  return page('Nouveau message - Messagerie', null, content);
}

function attachmentsText(m: SentMessage): string {
  if (m.attachments.length === 0) return 'Aucune';
  return m.attachments.map((a) => `${a.fileName} (${sizeKo(a.size)})`).join(', ');
}

export function renderSent(m: SentMessage): string {
  const content = html`    <div class="confirmation" role="status" id="confirmation-envoi">
      <h1>Votre message a été envoyé</h1>
      <dl class="details-envoi">
        <dt>Identifiant du message</dt>
        <dd id="identifiant-message">${m.id}</dd>
        <dt>À</dt>
        <dd id="destinataires">${m.to.join(', ')}</dd>${m.cc.length ? html`
        <dt>Cc</dt>
        <dd id="copie">${m.cc.join(', ')}</dd>` : null}
        <dt>Objet</dt>
        <dd id="objet">${m.subject}</dd>
        <dt>Envoyé le</dt>
        <dd id="date-envoi">${frDateTimeAt(new Date(m.sentAt))}</dd>
        <dt>Pièces jointes</dt>
        <dd>${attachmentsText(m)}</dd>
      </dl>
    </div>
    <form method="post" action="/mail/suivi" style="margin-top:14px;max-width:760px;border:1px solid #e1e1e1;padding:10px 14px">
      <fieldset style="border:0;margin:0;padding:0">
        <legend style="font-weight:600;margin-bottom:6px">Suivi du message</legend>
        <div>
          <input type="checkbox" id="suivi-relance" name="relance" value="1">
          <label for="suivi-relance">Me rappeler de relancer sans réponse dans</label>
          <select id="suivi-delai" name="delai" aria-label="Délai de relance">
            <option value="7">7 jours</option>
            <option value="10" selected>10 jours</option>
            <option value="15">15 jours</option>
          </select>
        </div>
        <div style="margin-top:4px">
          <input type="checkbox" id="suivi-classer" name="classer" value="entreprises">
          <label for="suivi-classer">Classer une copie dans le dossier «&nbsp;Entreprises&nbsp;»</label>
        </div>
        <div style="margin-top:8px"><button type="submit">Valider</button></div>
      </fieldset>
    </form>
    <div class="barre-actions" style="margin-top:14px;border:0">
      <button type="button" onclick="window.location.href='/mail/dossier/envoyes'">Voir les éléments envoyés</button>
      <button type="button" onclick="window.location.href='/mail/nouveau'">Nouveau message</button>
      <button type="button" onclick="window.location.href='/mail/dossier/reception'">Retour à la boîte de réception</button>
    </div>
    <section aria-label="Derniers messages envoyés" style="margin-top:16px">
      <h2 style="font-size:14px;margin:0 0 6px 0">Derniers messages envoyés</h2>
      <table style="border-collapse:collapse;width:100%;font-size:12px">
        <thead>
          <tr style="text-align:left;color:#666"><th>Destinataire</th><th>Objet</th><th>Date</th></tr>
        </thead>
        <tbody>
          <tr><td>bal.agence-69031@example.fr</td><td>Planning des permanences MRS &ndash; décembre</td><td>19/11/2026 17:48</td></tr>
          <tr><td>accueil@example.com</td><td>Invitation job dating logistique du 04/12/2026</td><td>19/11/2026 11:02</td></tr>
          <tr><td>rh@example.com</td><td>Relance &ndash; proposition de profils préparateurs de commandes</td><td>18/11/2026 09:15</td></tr>
        </tbody>
      </table>
    </section>`;
  return page('Message envoyé - Messagerie', 'envoyes', content);
}

export function renderOutbox(messages: readonly SentMessage[]): string {
  const rows = [...messages].reverse().map(
    (m) => html`
          <tr><td>${frDateTimeAt(new Date(m.sentAt))}</td><td>${m.to.join(', ')}</td><td><a href="/mail/envoye/${m.id}">${m.subject || '(sans objet)'}</a></td><td>${attachmentsText(m)}</td></tr>`,
  );
  const content = html`    <h1 style="font-size:18px;margin:0 0 10px 0">Éléments envoyés</h1>
    <p style="font-size:12px;color:#666">Messages envoyés depuis le démarrage de la démonstration (conservés en mémoire). API&nbsp;: <a href="/api/sent">/api/sent</a>.</p>
    <table id="elements-envoyes" style="border-collapse:collapse;width:100%;font-size:12px">
      <thead>
        <tr style="text-align:left;color:#666"><th>Date</th><th>À</th><th>Objet</th><th>Pièces jointes</th></tr>
      </thead>
      <tbody>${rows.length ? rows : html`
          <tr><td colspan="4">Aucun message envoyé.</td></tr>`}
      </tbody>
    </table>
    <p><a href="/mail/nouveau">Nouveau message</a></p>`;
  return page('Éléments envoyés - Messagerie', 'envoyes', content);
}

export function renderMailNotFound(title: string, message: string): string {
  const content = html`    <div role="alert" style="border:1px solid #e0b4b4;background:#fff6f6;padding:14px 18px;max-width:760px">
      <h1 style="font-size:18px;margin:0 0 10px 0;color:#9f3a38">${title}</h1>
      <p style="margin:0">${message}</p>
    </div>
    <p><a href="/mail/nouveau">Nouveau message</a> &middot; <a href="/mail/boite-envoi">Éléments envoyés</a></p>`;
  return page(`${title} - Messagerie`, null, content);
}

export function renderMailHome(sentCount: number): string {
  const content = html`    <h1 style="font-size:18px;margin:0 0 10px 0">Messagerie &ndash; démonstration Profilence</h1>
    <p>Simulation de la messagerie des conseillers&nbsp;: les messages ne partent pas, ils sont gardés en mémoire.</p>
    <ul>
      <li><a href="/mail/dossier/reception">Boîte de réception</a></li>
      <li><a href="/mail/nouveau">Nouveau message</a></li>
      <li><a href="/mail/boite-envoi">Éléments envoyés</a> (${sentCount})</li>
      <li><a href="/api/sent">API de contrôle&nbsp;: messages envoyés (JSON)</a> &middot; <a href="/api/inbox">messages reçus (JSON)</a></li>
      <li><a href="http://dossiers.localhost/">Dossier demandeur</a> &middot; <a href="http://entreprises.localhost/">Fiche Entreprise</a></li>
    </ul>`;
  return page('Accueil - Messagerie', null, content);
}
