/**
 * The same content in shuffled layouts (issue 16): a job seeker's file and an establishment rendered with every
 * field in a form picked at random (table row, two cells, `<dl>`, `<div>` pairs side by side or stacked,
 * `<label>` + `<output>`/read-only `<input>`, ARIA references, "Label : value" text, heading and section), lists
 * in any form (`<ul>`, chips, one line with `,` `;` `/` `•`, line breaks), hints beside labels, badges beside
 * values, blocks in any order, some in hidden tab panels, the banner in any layout. Whatever the layout, the
 * reading is the same. Seeded runs (tests/support/property.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/adapters';
import { propertyRuns, propertySeed, replayHint } from '../support/property';
import {
  BANNERS,
  BANNER_AGENT,
  BLOCK_PAIR_FORMS,
  LABEL_HINTS,
  LIST_FORMS,
  PAIR_FORMS,
  escapeHtml,
  listHtml,
  pairHtml,
  tabsHtml,
  type ListForm,
  type PairForm,
} from './layouts';
import { parseHtml } from './parse-html';

const RUNS = propertyRuns(40);
const SEED = propertySeed();
console.info(replayHint('mêmes contenus, mises en page mélangées', SEED, RUNS));

/** Picks from the arrays fast-check draws, so a failure shrinks and replays. */
export class Choices {
  private i = 0;
  constructor(private readonly picks: readonly number[]) {}
  pick<T>(xs: readonly T[]): T {
    const n = this.picks.length === 0 ? 0 : this.picks[this.i++ % this.picks.length]!;
    return xs[n % xs.length]!;
  }
}

interface Block {
  html: string;
  /** Consent is never put in a hidden panel: hidden text may cast doubt on consent, never establish it. */
  visibleOnly?: boolean;
}

function scalar(c: Choices, label: string, text: string, forms: readonly PairForm[] = PAIR_FORMS): Block {
  const form = c.pick(forms);
  return { html: pairHtml(`${escapeHtml(label)}${c.pick(LABEL_HINTS)}`, `<span>${escapeHtml(text)}</span>`, form, text) };
}

function list(c: Choices, label: string, items: readonly string[], forms: readonly ListForm[] = LIST_FORMS): Block {
  const form = c.pick(BLOCK_PAIR_FORMS);
  return { html: pairHtml(`${escapeHtml(label)}${c.pick(LABEL_HINTS)}`, listHtml(items, c.pick(forms)), form) };
}

function page(c: Choices, blocks: Block[], title: string): string {
  const order = blocks.map((b, i) => ({ b, key: c.pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) * 100 + i })).sort((x, y) => x.key - y.key).map((x) => x.b);
  const visible = order.filter((b) => b.visibleOnly).map((b) => b.html);
  const rest = order.filter((b) => !b.visibleOnly).map((b) => b.html);
  let body: string;
  if (c.pick([true, false])) {
    // Tabs: the visible-only blocks in the first panel, the rest spread over three panels.
    const panels = [0, 1, 2].map((n) => ({ title: ['Synthèse', 'Détails', 'Historique'][n]!, body: n === 0 ? visible.join('') : '' }));
    rest.forEach((html, i) => (panels[i % 3]!.body += html));
    body = tabsHtml(panels);
  } else {
    body = order.map((b) => b.html).join('');
  }
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head><body><header>${c.pick(BANNERS)}</header><main><h1>${title}</h1>${body}</main></body></html>`;
}

const PHONES = ['06 12 34 56 78', '06.12.34.56.78', '06-12-34-56-78', '+33 6 12 34 56 78', '0612345678', '06\u202f12\u202f34\u202f56\u202f78', '06\u00a012\u00a034\u00a056\u00a078'];
const JOBS = ['M1607 – Secrétariat', 'M1602 – Opérations administratives'];
const MAIN_MARKS = [' (métier principal)', ' <span class="badge">Principal</span>', ' <strong>Métier principal</strong>'];

export function profilePage(c: Choices): string {
  const main = c.pick(MAIN_MARKS);
  const blocks: Block[] = [
    scalar(c, c.pick(['Identifiant', 'Identifiant France Travail', 'N° identifiant']), '1234567A'),
    scalar(c, 'Civilité', c.pick(['Madame', 'Mme'])),
    scalar(c, 'Nom', 'DUPONT'),
    scalar(c, 'Prénom', 'Marie'),
    scalar(c, c.pick(['Courriel', 'Adresse e-mail']), 'marie.dupont@example.fr'),
    scalar(c, c.pick(['Téléphone portable', 'Téléphone', 'Mobile']), c.pick(PHONES)),
    c.pick([true, false])
      ? { html: scalar(c, 'Code postal', '69003').html + scalar(c, 'Commune', 'Lyon').html }
      : { html: pairHtml('Adresse', '<span>8 rue Paul Bert<br>69003 Lyon</span>', c.pick(BLOCK_PAIR_FORMS)) },
    { ...scalar(c, 'Promotion du profil', 'Autorisée depuis le 12/03/2025', ['th-td', 'td-td', 'dl', 'div-side', 'div-stacked', 'inline-text']), visibleOnly: true },
    list(c, 'Métiers recherchés', [`${JOBS[0]}${main}`, JOBS[1]!], ['ul', 'ol', 'chips', 'semicolon', 'bullet', 'br', 'divs']),
    scalar(c, 'Types de contrat', c.pick(['CDI, CDD', 'CDI / CDD', 'CDI ; CDD'])),
    scalar(c, 'Disponibilité', 'Immédiate'),
    list(c, 'Savoir-faire', ['Rédiger des courriers administratifs', 'Gérer un agenda', 'Accueillir et orienter les visiteurs']),
    list(c, 'Savoir-être', ['Rigueur', "Sens de l'organisation"]),
    scalar(c, 'Niveau de qualification', '6 - Employé qualifié'),
    scalar(c, 'Expérience', '4 ans'),
    scalar(c, 'Permis de conduire', 'B'),
    scalar(c, 'Rayon de mobilité', '30 km'),
    scalar(c, 'Véhicule personnel', 'Oui'),
    { html: pairHtml('CV', '<a href="documents/cv">Télécharger CV_Marie_DUPONT.pdf</a>', c.pick(BLOCK_PAIR_FORMS)) },
  ];
  return page(c, blocks, 'Madame Marie DUPONT');
}

export const PROFILE = {
  ftId: '1234567A',
  civility: 'Mme',
  lastName: 'DUPONT',
  firstName: 'Marie',
  email: 'marie.dupont@example.fr',
  phones: ['0612345678'],
  address: { postcode: '69003', city: 'Lyon' },
  promotionConsent: { granted: true, since: '2025-03-12' },
  targetJobs: [
    { rome: 'M1607', label: 'Secrétariat', main: true },
    { rome: 'M1602', label: 'Opérations administratives', main: false },
  ],
  skills: ['Rédiger des courriers administratifs', 'Gérer un agenda', 'Accueillir et orienter les visiteurs'],
  softSkills: ['Rigueur', "Sens de l'organisation"],
  qualification: { code: 6, label: 'Employé qualifié' },
  experienceYears: 4,
  drivingLicences: ['B'],
  mobility: { radiusKm: 30, vehicle: true },
  availability: { immediate: true },
  contractTypes: ['CDI', 'CDD'],
  cv: { url: 'http://dde.intra.example/v4/dossier/documents/cv', fileName: 'CV_Marie_DUPONT.pdf' },
};

export function establishmentPage(c: Choices): string {
  const siret = c.pick(['73282932000074', '732 829 320 00074', '732\u00a0829\u00a0320\u00a000074', '732.829.320.00074', '732-829-320-00074']);
  const contacts =
    '<table><thead><tr><th>Nom et prénom</th><th>Fonction</th><th>Courriel</th><th>Téléphone</th></tr></thead><tbody>' +
    '<tr><td>Claire ROUSSEL</td><td>Responsable des ressources humaines</td><td>claire.roussel@example.com</td><td>06 78 45 12 30</td></tr>' +
    '</tbody></table>';
  const needs = listHtml(['<strong>M1805 – Études et développement informatique</strong><br>CDI · 2 postes · Repéré le 14/10/2026'], c.pick(['ul', 'ol'] as const));
  const blocks: Block[] = [
    scalar(c, c.pick(['SIRET', 'N° SIRET']), siret),
    scalar(c, c.pick(['Raison sociale', 'Dénomination']), 'LOGICIELS DU RHÔNE'),
    scalar(c, c.pick(['Code NAF', 'NAF / APE']), '62.01Z - Programmation informatique'),
    { html: pairHtml('Adresse', '<span>12 rue de la Villette<br>69003 Lyon</span>', c.pick(BLOCK_PAIR_FORMS)) },
    scalar(c, 'Effectif', '20 à 49 salariés'),
    { html: `<section><h2>Interlocuteurs</h2>${contacts}</section>` },
    { html: `<section><h2>Besoins de recrutement</h2>${needs}</section>` },
  ];
  return page(c, blocks, 'LOGICIELS DU RHÔNE');
}

export const ESTABLISHMENT = {
  siret: '73282932000074',
  name: 'LOGICIELS DU RHÔNE',
  naf: { code: '6201Z', label: 'Programmation informatique' },
  address: { street: '12 rue de la Villette', postcode: '69003', city: 'Lyon' },
  headcount: '20 à 49 salariés',
  contacts: [{ lastName: 'ROUSSEL', firstName: 'Claire', role: 'Responsable des ressources humaines', email: 'claire.roussel@example.com', phone: '0678451230' }],
  needs: [{ rome: 'M1805', label: 'Études et développement informatique', positions: 2, contractType: 'CDI', notedAt: '2026-10-14' }],
};

const picks = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 60 });

describe('the same content in shuffled layouts', () => {
  it('a job seeker file reads the same whatever its layout', () => {
    const url = 'http://dde.intra.example/v4/dossier/1234567A';
    fc.assert(
      fc.property(picks, (p) => {
        const result = readPage(parseHtml(profilePage(new Choices(p)), url), url);
        expect(result).toMatchObject({ recognized: true, page: 'profile', agent: BANNER_AGENT, missing: [] });
        expect((result as { data: unknown }).data).toEqual(PROFILE);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('an establishment reads the same whatever its layout', () => {
    const url = 'http://crm.intra.example/v4/etablissement/73282932000074';
    fc.assert(
      fc.property(picks, (p) => {
        const result = readPage(parseHtml(establishmentPage(new Choices(p)), url), url);
        expect(result).toMatchObject({ recognized: true, page: 'establishment', agent: BANNER_AGENT, missing: [] });
        expect((result as { data: unknown }).data).toEqual(ESTABLISHMENT);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
