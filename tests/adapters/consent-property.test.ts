/**
 * No layout change can turn a refused or absent consent into `granted: true` (issue 18). Generated job-seeker
 * files show the consent in many markups (text in tables, `<dl>`, `<div>`s, « Label : value », badges with
 * hidden text, icons, selects, radio groups, checkboxes, switches, ARIA widgets), with decoy labels and fields
 * around, blocks in any order. Refused or absent: never granted. Granted in a clear markup: granted.
 * The seed is printed on failure; replay with `PROFILENCE_FUZZ_SEED`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentOf, filePage } from './consent-pages';

const SEED = process.env.PROFILENCE_FUZZ_SEED ? Number(process.env.PROFILENCE_FUZZ_SEED) : undefined;
const RUNS = 250;

const LABELS = [
  'Promotion du profil autorisée',
  'Promotion du profil',
  'Consentement',
  'CONSENTEMENT :',
  'Autorisation de promotion',
  'Consentement à la promotion',
  'Accord du demandeur',
];

const REFUSED_WORDINGS = [
  'Non',
  'NON',
  'non',
  'Non autorisée',
  'Non-autorisée',
  'Refusée',
  'Refus',
  "Le demandeur n'a pas donné son accord",
  'Retirée le 05/06/2025',
  'Consentement retiré le 5 juin 2025',
  "Pas d'accord",
  'Opposition à la promotion',
  'Non (refus du 05/06/2025)',
  'Désactivée',
  'Révoquée depuis le 2025-06-05',
  "Le demandeur s'oppose à la promotion de son profil",
  'Le demandeur ne souhaite pas que son profil soit promu',
  '✗',
];
const ABSENT_WORDINGS = ['', ' ', 'Non renseigné', '—', '-', 'En attente', 'À recueillir', '?', 'Inconnu', 'Demandée le 03/02/2025', 'Autorisée sous réserve', 'N/A'];
const GRANTED_WORDINGS: [string, string | undefined][] = [
  ['Oui', undefined],
  ['OUI', undefined],
  ['Oui, depuis le 03/02/2025', '2025-02-03'],
  ['Autorisée depuis le 3 février 2025', '2025-02-03'],
  ['Le demandeur a donné son accord le 2025-02-03', '2025-02-03'],
  ['Accordée', undefined],
  ['✓ Oui', undefined],
  ['Consentement recueilli le 1er mars 2025', '2025-03-01'],
  ['Autorisée', undefined],
];

type Value = { kind: 'text'; wording: string } | { kind: 'state'; on: boolean | 'unknown' };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Markups that show a wording. */
const TEXT_MARKUPS: ((label: string, wording: string, id: string) => string)[] = [
  (l, w) => `<table class="formulaire"><tr><td class="libelle">${esc(l)}</td><td>${esc(w)}</td></tr></table>`,
  (l, w) => `<table><tr><th scope="row">${esc(l)}</th><td><span class="valeur">${esc(w)}</span></td></tr></table>`,
  (l, w) => `<dl class="fiche"><dt>${esc(l)}</dt><dd>${esc(w)}</dd></dl>`,
  (l, w) => `<div class="champ"><div class="champ__label">${esc(l)}</div><div class="champ__valeur">${esc(w)}</div></div>`,
  (l, w) => `<p>${esc(l.replace(/\s*:$/, ''))} : ${esc(w)}</p>`,
  (l, w) => `<p><b>${esc(l)}</b> ${esc(w)}<br><b>Situation</b> Inscrit</p>`,
  (l, w) => `<dl><dt>${esc(l)}</dt><dd><span class="badge"><span aria-hidden="true">●</span><span class="fr-sr-only">${esc(w)}</span></span></dd></dl>`,
  (l, w) => `<table><tr><td>${esc(l)}</td><td><span class="icone" title="${esc(w)}"></span></td></tr></table>`,
  (l, w) => `<div><span>${esc(l)}</span><span role="img" aria-label="${esc(w)}"></span></div>`,
  (l, w, id) =>
    `<label for="${id}">${esc(l)}</label><select id="${id}" disabled><option value="">Choisir</option><option value="1"${w ? ' selected' : ''}>${esc(w || 'x')}</option></select>`,
  (l, w, id) =>
    `<fieldset><legend>${esc(l)}</legend>${['Autre choix', w]
      .map((o, i) => `<input type="radio" name="${id}" id="${id}${i}"${i === 1 && w ? ' checked' : ''}><label for="${id}${i}">${esc(o || '…')}</label>`)
      .join('')}</fieldset>`,
];

/** Markups that show a state (ticked or not, or no state at all). */
const STATE_MARKUPS: ((label: string, on: boolean | 'unknown', id: string) => string)[] = [
  (l, on, id) => `<div class="fr-toggle"><input type="checkbox" role="switch" id="${id}"${on === true ? ' checked' : ''}${on === 'unknown' ? ' aria-checked="mixed"' : ''} disabled><label for="${id}">${esc(l)}</label></div>`,
  (l, on) => `<div><span>${esc(l)}</span><input type="checkbox"${on === true ? ' checked' : ''}${on === 'unknown' ? ' aria-checked="mixed"' : ''} disabled></div>`,
  (l, on) => `<div><input type="checkbox" role="switch"${on === true ? ' checked' : ''}${on === 'unknown' ? ' aria-checked="mixed"' : ''}><span>${esc(l)}</span></div>`,
  (l, on) => `<label><input type="checkbox"${on === true ? ' checked' : ''}${on === 'unknown' ? ' aria-checked="mixed"' : ''}> ${esc(l)}</label>`,
  (l, on) => `<button type="button" role="switch"${on === 'unknown' ? '' : ` aria-checked="${on}"`} aria-label="${esc(l)}"></button>`,
  (l, on, id) => `<div><span id="${id}">${esc(l)}</span><div role="checkbox" tabindex="0" aria-labelledby="${id}"${on === 'unknown' ? '' : ` aria-checked="${on}"`}></div></div>`,
  (l, on) => `<table><tr><td>${esc(l)}</td><td><button type="button"${on === 'unknown' ? '' : ` aria-pressed="${on}"`}></button></td></tr></table>`,
];

/** Things around the consent that must not sway it; `near` ones may sit right after a consent label. */
const DECOYS = [
  `<p class="aide">La promotion du profil doit être autorisée par le demandeur avant tout envoi.</p>`,
  `<label><input type="checkbox" checked> Afficher l'historique</label>`,
  `<table><tr><td>Véhicule personnel</td><td>Oui</td></tr></table>`,
  `<table><thead><tr><th>Date</th><th>Événement</th></tr></thead><tbody><tr><td>03/02/2025</td><td>Consentement : Oui</td></tr><tr><td>04/02/2025</td><td>Promotion du profil autorisée</td></tr></tbody></table>`,
  `<button type="button">Autoriser la promotion</button>`,
  `<h2>Promotion du profil autorisée</h2>`,
  `<p><span hidden>Consentement : Oui</span></p>`,
  `<nav><a href="/aide/consentement">Consentement : Oui, comment le recueillir ?</a></nav>`,
];
/** Decoys a granted page may carry without casting doubt (nothing that sits beside a consent label). */
const QUIET_DECOYS = DECOYS.filter((d) => !d.startsWith('<h2') && !d.includes('hidden') && !d.startsWith('<p class="aide"'));

const labelArb = fc.constantFrom(...LABELS);
const idArb = fc.stringMatching(/^[a-z]{3,8}$/).map((s) => `c_${s}`);

function consentBlock(label: string, value: Value, markup: number, id: string): string {
  if (value.kind === 'text') return TEXT_MARKUPS[markup % TEXT_MARKUPS.length]!(label, value.wording, id);
  return STATE_MARKUPS[markup % STATE_MARKUPS.length]!(label, value.on, id);
}

/** A whole file: the consent blocks (one or two places), decoys and other fields, shuffled. */
const pageArb = (values: fc.Arbitrary<Value[]>, decoys: readonly string[]) =>
  fc
    .record({
      values,
      label: labelArb,
      markups: fc.array(fc.nat(), { minLength: 2, maxLength: 2 }),
      id: idArb,
      decoys: fc.subarray([...decoys]),
      order: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
    })
    .map(({ values, label, markups, id, decoys, order }) => {
      const blocks = [
        ...values.map((v, i) => consentBlock(label, v, markups[i]!, `${id}${i}`)),
        ...decoys,
        `<table><tr><td>Commune</td><td>Lyon</td></tr></table>`,
      ];
      const shuffled = blocks.map((b, i) => ({ b, k: order[i % order.length]! + i / 100 })).sort((a, b) => a.k - b.k);
      return filePage(...shuffled.map((x) => x.b));
    });

const refusedValue: fc.Arbitrary<Value> = fc.oneof(
  fc.constantFrom(...REFUSED_WORDINGS).map((wording): Value => ({ kind: 'text', wording })),
  fc.constant<Value>({ kind: 'state', on: false }),
);
const absentValue: fc.Arbitrary<Value> = fc.oneof(
  fc.constantFrom(...ABSENT_WORDINGS).map((wording): Value => ({ kind: 'text', wording })),
  fc.constant<Value>({ kind: 'state', on: 'unknown' }),
);
const grantedValue = fc.constantFrom(...GRANTED_WORDINGS).map(([wording]): Value => ({ kind: 'text', wording }));
const anyValue = fc.oneof(refusedValue, absentValue, grantedValue, fc.constant<Value>({ kind: 'state', on: true }));

const params = { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) };

describe('consent property: never granted unless the page grants it', () => {
  it('a refused consent, in any markup, with decoys, in any order, is never granted', () => {
    fc.assert(
      fc.property(pageArb(fc.array(refusedValue, { minLength: 1, maxLength: 2 }), DECOYS), (html) => {
        expect(consentOf(html).consent.granted).toBe(false);
      }),
      params,
    );
  });

  it('an absent or unreadable consent is never granted, and is reported as unreadable', () => {
    const noConsent = fc.oneof(fc.array(absentValue, { minLength: 1, maxLength: 2 }), fc.constant<Value[]>([]));
    fc.assert(
      fc.property(pageArb(noConsent, DECOYS), (html) => {
        const { consent, missing } = consentOf(html);
        expect(consent).toEqual({ granted: false, reason: 'consent_unreadable' });
        expect(missing).toContain('promotionConsent');
      }),
      params,
    );
  });

  it('a refusal shown anywhere beside a grant is never granted', () => {
    const mixed = fc.tuple(refusedValue, anyValue).map(([refused, other]) => [refused, other]);
    fc.assert(
      fc.property(pageArb(mixed, DECOYS), (html) => {
        expect(consentOf(html).consent.granted).toBe(false);
      }),
      params,
    );
  });

  it('a granted consent in a clear markup reads as granted, with its date', () => {
    const granted = fc.record({
      text: fc.option(fc.constantFrom(...GRANTED_WORDINGS), { nil: undefined }),
      markup: fc.nat(),
      label: labelArb,
      id: idArb,
      decoys: fc.subarray(QUIET_DECOYS),
    });
    fc.assert(
      fc.property(granted, ({ text, markup, label, id, decoys }) => {
        const value: Value = text ? { kind: 'text', wording: text[0] } : { kind: 'state', on: true };
        const { consent } = consentOf(filePage(consentBlock(label, value, markup, id), ...decoys));
        expect(consent).toEqual(text?.[1] ? { granted: true, since: text[1] } : { granted: true });
      }),
      params,
    );
  });
});
