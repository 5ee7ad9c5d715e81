/**
 * Inline stylesheets of the three legacy tools, as their pages carry them (the
 * linked theme files do not exist). Copied from the reference pages.
 */

export const DDE_STYLE = `  body { margin: 0; font-family: Verdana, Arial, Helvetica, sans-serif; font-size: 11px; color: #1b1b1b; background: #dfe7ef; }
  #bandeau { background: #1c3f6e; color: #fff; border-bottom: 3px solid #e2001a; }
  #bandeau td { padding: 4px 8px; }
  .bandeau-titre { font-size: 15px; font-weight: bold; letter-spacing: 1px; }
  .bandeau-conseiller { text-align: right; white-space: nowrap; }
  .bandeau-actions a { color: #fff; }
  #menu { background: #f4f6f9; border-right: 1px solid #b5c3d3; }
  #menu ul { list-style: none; margin: 0; padding: 0; }
  #menu li a { display: block; padding: 5px 10px; color: #1c3f6e; text-decoration: none; border-bottom: 1px dotted #c9d3de; }
  #menu li.actif a { background: #1c3f6e; color: #fff; font-weight: bold; }
  .menu-titre { background: #8aa4c2; color: #fff; font-weight: bold; padding: 4px 10px; }
  #contenu { padding: 8px 12px; background: #fff; }
  .panneau { border: 1px solid #9fb3c8; margin-bottom: 10px; }
  .panneau-titre { background: #c9d8e8; font-weight: bold; padding: 3px 6px; color: #123; }
  table.formulaire { border-collapse: collapse; width: 100%; }
  table.formulaire td { padding: 3px 6px; border-bottom: 1px solid #eef1f5; vertical-align: top; }
  td.libelle { width: 210px; color: #4a5a6b; font-weight: bold; background: #f7f9fb; }
  td.valeur { color: #000; }
  table.liste { border-collapse: collapse; width: 100%; }
  table.liste th { background: #e3eaf2; text-align: left; padding: 3px 6px; border: 1px solid #c3cfdc; }
  table.liste td { padding: 3px 6px; border: 1px solid #dde4ec; }
  table.liste tr.impair td { background: #f6f8fb; }
  .consentement-ok { color: #11702b; font-weight: bold; }
  .consentement-ko { color: #b00020; font-weight: bold; }
  .principal { color: #1c3f6e; font-style: italic; }
  .fil-ariane { font-size: 10px; color: #555; margin-bottom: 6px; }
  .ui-messages-info { background: #fdf7d9; border: 1px solid #e5d58a; padding: 4px; margin-bottom: 8px; }
  .ui-messages-error { background: #fde3e3; border: 1px solid #d88; padding: 6px; margin-bottom: 8px; color: #8a0000; }
  .bouton { background: #e4e9ef; border: 1px solid #7d8fa3; padding: 2px 8px; font-size: 11px; cursor: pointer; }
  .non-renseigne { color: #888; font-style: italic; }
  #pied { font-size: 10px; color: #555; text-align: center; padding: 6px; border-top: 1px solid #b5c3d3; }
`;

export const DDE_LOGIN_STYLE = `  body { margin: 0; font-family: Verdana, Arial, Helvetica, sans-serif; font-size: 11px; background: #dfe7ef; color: #1b1b1b; }
  #bandeau { background: #1c3f6e; color: #fff; border-bottom: 3px solid #e2001a; padding: 6px 12px; }
  #bandeau .titre { font-size: 15px; font-weight: bold; letter-spacing: 1px; vertical-align: middle; margin-left: 12px; }
  #cadre { width: 420px; margin: 60px auto 20px auto; background: #fff; border: 1px solid #9fb3c8; box-shadow: 2px 2px 6px rgba(0,0,0,.15); }
  #cadre h1 { margin: 0; font-size: 13px; background: #c9d8e8; color: #123; padding: 6px 10px; }
  #cadre .corps { padding: 12px 16px; }
  #cadre table { border-collapse: collapse; width: 100%; }
  #cadre td { padding: 5px 4px; }
  td.libelle { width: 150px; font-weight: bold; color: #4a5a6b; }
  .bouton { background: #e4e9ef; border: 1px solid #7d8fa3; padding: 3px 12px; font-size: 11px; cursor: pointer; }
  .avertissement { font-size: 10px; color: #555; border-top: 1px dotted #9fb3c8; margin-top: 10px; padding-top: 8px; }
  .ui-messages-warn { background: #fdf7d9; border: 1px solid #e5d58a; padding: 4px; margin-bottom: 8px; }
  #pied { font-size: 10px; color: #555; text-align: center; padding: 6px; }
  ul.liens { list-style: none; padding: 0; margin: 8px 0 0 0; }
  ul.liens li { margin: 3px 0; }
  a { color: #1c3f6e; }
  a:hover, a:focus { color: #e2001a; }
  input[type=text], input[type=password], select { border: 1px solid #7d8fa3; padding: 2px 4px; font-size: 11px; }
  input:focus, select:focus { outline: 2px solid #e2001a; }
  details summary::-webkit-details-marker { color: #1c3f6e; }
`;

export const FE_STYLE = `  /* Bootstrap 4 subset, inlined by the fiche-entreprise theme (the CDN copy is not reachable from agency desktops) */
  *, *::before, *::after { box-sizing: border-box; }
  body { margin: 0; font-family: -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5; color: #212529; }
  a { color: #0b5cad; text-decoration: none; } a:hover { text-decoration: underline; }
  h1, .h4 { font-size: 1.5rem; font-weight: 500; margin: 0 0 .5rem 0; } .h5 { font-size: 1.25rem; } .h6 { font-size: 1rem; font-weight: 600; margin: 0; }
  .navbar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; padding: .5rem 1rem; }
  .navbar-dark.bg-primary { background: #123f7a; } .navbar-dark a, .navbar-dark .navbar-text { color: #fff; }
  .navbar-brand { font-size: 1.2rem; font-weight: 600; margin-right: 1rem; } .navbar-toggler { display: none; }
  .collapse.navbar-collapse { display: flex; flex: 1; align-items: center; } .collapse:not(.show):not(.navbar-collapse) { display: none; }
  .navbar-nav { display: flex; list-style: none; margin: 0 auto 0 0; padding: 0; } .nav-link { display: block; padding: .5rem .75rem; }
  .nav-item.active .nav-link { font-weight: 600; text-decoration: underline; }
  .nav-tabs { display: flex; list-style: none; padding: 0; border-bottom: 1px solid #dee2e6; } .nav-tabs .nav-link.active { border: 1px solid #dee2e6; border-bottom-color: #fff; background: #fff; }
  .container, .container-fluid { width: 100%; padding: 0 15px; margin: 0 auto; } .container { max-width: 1140px; }
  .row { display: flex; flex-wrap: wrap; margin: 0 -15px; } .row > * { padding: 0 15px; }
  .col-sm-5 { flex: 0 0 41.66%; max-width: 41.66%; } .col-sm-7 { flex: 0 0 58.33%; max-width: 58.33%; }
  .col-md-4, .col-xl-4 { flex: 0 0 33.33%; max-width: 33.33%; } .col-md-6, .col-lg-6 { flex: 0 0 50%; max-width: 50%; }
  .col-lg-3 { flex: 0 0 25%; max-width: 25%; } .col-lg-5 { flex: 0 0 41.66%; max-width: 41.66%; } .col-lg-7 { flex: 0 0 58.33%; max-width: 58.33%; }
  .col-lg-8, .col-xl-8 { flex: 0 0 66.66%; max-width: 66.66%; } .col-lg-9 { flex: 0 0 75%; max-width: 75%; }
  .dl.row, dl.row { margin-top: 0; } dd { margin-left: 0; }
  .card { background: #fff; border: 1px solid rgba(0,0,0,.125); border-radius: .25rem; }
  .card-header { padding: .5rem 1rem; border-bottom: 1px solid rgba(0,0,0,.125); } .card-body { padding: 1rem; } .card-footer { padding: .5rem 1rem; border-top: 1px solid rgba(0,0,0,.125); }
  .table { width: 100%; border-collapse: collapse; } .table th, .table td { padding: .3rem .5rem; border-top: 1px solid #dee2e6; text-align: left; }
  .thead-light th { background: #e9ecef; } .table-striped tbody tr:nth-of-type(odd) { background: rgba(0,0,0,.03); }
  .list-group { list-style: none; margin: 0; padding: 0; } .list-group-item { padding: .6rem 1rem; border-top: 1px solid rgba(0,0,0,.125); }
  .badge { display: inline-block; padding: .2em .5em; font-size: 75%; font-weight: 600; border-radius: .25rem; }
  .badge-info { background: #17a2b8; color: #fff; } .badge-light { background: #f1f3f5; color: #555; } .badge-success { background: #28a745; color: #fff; }
  .badge-danger { background: #dc3545; color: #fff; } .badge-warning { background: #ffc107; } .badge-secondary { background: #6c757d; color: #fff; }
  .breadcrumb { display: flex; list-style: none; padding: .5rem 0; margin: 0 0 .5rem 0; } .breadcrumb-item + .breadcrumb-item::before { content: "/"; padding: 0 .5rem; color: #6c757d; }
  .btn { display: inline-block; padding: .25rem .6rem; border: 1px solid transparent; border-radius: .2rem; font-size: .85rem; cursor: pointer; background: none; }
  .btn-primary { background: #0b5cad; color: #fff; } .btn-outline-primary { border-color: #0b5cad; color: #0b5cad; } .btn-outline-light { border-color: #fff; color: #fff; }
  .btn-outline-secondary, .btn-secondary { border-color: #6c757d; color: #6c757d; } .btn-link { color: #0b5cad; }
  .alert { padding: .75rem 1.25rem; border: 1px solid transparent; border-radius: .25rem; margin-bottom: 1rem; }
  .alert-danger { background: #f8d7da; border-color: #f5c6cb; color: #721c24; } .alert-warning { background: #fff3cd; border-color: #ffeeba; color: #856404; }
  .form-control, .custom-select { padding: .3rem .5rem; border: 1px solid #ced4da; border-radius: .25rem; } .form-inline { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem; }
  .input-group { display: flex; } .input-group .form-control { flex: 1; } .form-group { margin-bottom: .75rem; } .form-group .form-control { width: 100%; }
  .pagination { display: flex; list-style: none; padding: 0; } .page-link { display: block; padding: .2rem .6rem; border: 1px solid #dee2e6; }
  .page-item.active .page-link { background: #0b5cad; color: #fff; } .page-item.disabled .page-link { color: #aaa; }
  .modal { display: none; } .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0,0,0,0); white-space: nowrap; }
  .d-flex { display: flex; } .justify-content-between { justify-content: space-between; } .justify-content-center { justify-content: center; } .align-items-center { align-items: center; }
  .w-100 { width: 100%; } .mb-0 { margin-bottom: 0; } .mb-1 { margin-bottom: .25rem; } .mb-2 { margin-bottom: .5rem; } .mb-3 { margin-bottom: 1rem; }
  .mt-3 { margin-top: 1rem; } .mt-4 { margin-top: 1.5rem; } .ml-2 { margin-left: .5rem; } .ml-3 { margin-left: 1rem; } .mr-2 { margin-right: .5rem; } .p-0 { padding: 0; }
  .px-3 { padding-left: 1rem; padding-right: 1rem; } .py-1 { padding-top: .25rem; padding-bottom: .25rem; }
  .small, small { font-size: 80%; } .text-muted { color: #6c757d; } .text-white { color: #fff; } .text-right { text-align: right; } .text-nowrap { white-space: nowrap; }
  .text-monospace { font-family: SFMono-Regular, Menlo, Consolas, monospace; } .bg-white { background: #fff; } .bg-warning { background: #ffc107; } .text-dark { color: #343a40; }
  body { background: #f3f5f8; font-size: 0.9rem; }
  .navbar-brand small { font-size: 0.7rem; opacity: .8; display: block; }
  .card { margin-bottom: 1rem; }
  .card-header { font-weight: 600; background: #eef2f7; }
  dl.fiche dt { font-weight: 600; color: #495867; }
  dl.fiche dd { margin-bottom: .35rem; }
  .badge-contrat { font-size: .75rem; }
  .table-sm td, .table-sm th { vertical-align: middle; }
  .historique td { font-size: .8rem; color: #555; }
  footer.pied { font-size: .75rem; color: #6c757d; border-top: 1px solid #dee2e6; padding: .75rem 0; margin-top: 1.5rem; }
  .text-vide { color: #8a949e; font-style: italic; }
`;

export const MAIL_STYLE = `  html, body { height: 100%; }
  body { margin: 0; font-family: "Segoe UI", Tahoma, Arial, sans-serif; font-size: 13px; color: #262626; background: #fff; }
  #barre-haut { background: #0a4f8a; color: #fff; display: flex; align-items: center; justify-content: space-between; height: 44px; padding: 0 14px; }
  #barre-haut .app { font-size: 17px; font-weight: 600; }
  #barre-haut .recherche input { width: 320px; border: 0; padding: 5px 8px; border-radius: 2px; }
  #barre-haut .utilisateur { font-size: 12px; }
  #cadre { display: flex; min-height: calc(100% - 44px); }
  #volet-dossiers { width: 220px; background: #f4f4f4; border-right: 1px solid #e1e1e1; padding: 10px 0; }
  #volet-dossiers h2 { font-size: 12px; text-transform: uppercase; color: #666; margin: 6px 14px; }
  #volet-dossiers ul { list-style: none; margin: 0; padding: 0; }
  #volet-dossiers li a { display: flex; justify-content: space-between; padding: 6px 14px; color: #262626; text-decoration: none; }
  #volet-dossiers li.courant a { background: #cde6f7; font-weight: 600; }
  #volet-dossiers .compteur { color: #0a4f8a; font-weight: 600; }
  #zone-principale { flex: 1; padding: 14px 22px; }
  .barre-actions { display: flex; gap: 8px; border-bottom: 1px solid #e1e1e1; padding-bottom: 10px; margin-bottom: 10px; }
  .barre-actions button { background: #fff; border: 1px solid #c8c8c8; padding: 5px 14px; cursor: pointer; }
  .barre-actions button.principal { background: #0a6ebd; border-color: #0a6ebd; color: #fff; font-weight: 600; }
  .ligne-champ { display: flex; align-items: center; border-bottom: 1px solid #eaeaea; padding: 4px 0; }
  .ligne-champ label, .ligne-champ .intitule { width: 90px; color: #666; }
  .ligne-champ input[type=text] { flex: 1; border: 0; padding: 5px; font-size: 13px; }
  .corps-message { width: 100%; min-height: 320px; border: 1px solid #eaeaea; margin-top: 10px; padding: 8px; font-family: Calibri, "Segoe UI", Arial, sans-serif; font-size: 14px; box-sizing: border-box; }
  .confirmation { border: 1px solid #b7dbb5; background: #eef8ed; padding: 14px 18px; max-width: 760px; }
  .confirmation h1 { font-size: 18px; margin: 0 0 10px 0; color: #1e6b1a; }
  dl.details-envoi { display: grid; grid-template-columns: 170px 1fr; row-gap: 6px; margin: 0; }
  dl.details-envoi dt { color: #555; }
  dl.details-envoi dd { margin: 0; }
  .pied { font-size: 11px; color: #888; padding: 12px 22px; border-top: 1px solid #eee; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;
