/**
 * Consent on the job-seeker file, one markup at a time, both ways: the value decides, never the label; anything
 * short of certainty is `granted: false, reason: 'consent_unreadable'` and listed in `missing`.
 */
import { describe, expect, it } from 'vitest';
import { classifyConsentWording } from '@/lib/adapters/kit/consent';
import { findDate } from '@/lib/adapters/kit/values';
import { consentOf, filePage } from './consent-pages';

const GRANTED = { granted: true, since: '2025-02-03' };
const GRANTED_UNDATED = { granted: true };
const REFUSED = { granted: false };
const UNREADABLE = { granted: false, reason: 'consent_unreadable' };

const LABEL = 'Promotion du profil autorisée';

/** [markup, page that grants, what it reads as, page that refuses]. */
const BOTH_WAYS: [string, string, object, string][] = [
  [
    'label/value table cells, « Oui, depuis le 03/02/2025 » / « Non »',
    `<table><tr><td>Consentement</td><td>Oui, depuis le 03/02/2025</td></tr></table>`,
    GRANTED,
    `<table><tr><td>Consentement</td><td>Non</td></tr></table>`,
  ],
  [
    '<dl> with « Autorisée depuis le 3 février 2025 » / « Refusée »',
    `<dl><dt>Promotion du profil</dt><dd>Autorisée depuis le 3 février 2025</dd></dl>`,
    GRANTED,
    `<dl><dt>Promotion du profil</dt><dd>Refusée</dd></dl>`,
  ],
  [
    '<div> pair with an ISO date / « Non autorisée »',
    `<div class="champ"><span class="lib">Autorisation de promotion</span><span class="val">Accordée le 2025-02-03</span></div>`,
    GRANTED,
    `<div class="champ"><span class="lib">Autorisation de promotion</span><span class="val">Non autorisée</span></div>`,
  ],
  [
    '« Label : value » in one element, « depuis le 1er mars 2025 »',
    `<p>Consentement : Oui, depuis le 1er mars 2025</p>`,
    { granted: true, since: '2025-03-01' },
    `<p>Consentement : Non</p>`,
  ],
  [
    'sentence beside the label',
    `<div><h3>Consentement du demandeur</h3><p>Le demandeur a donné son accord le 03/02/2025.</p></div>`,
    GRANTED,
    `<div><h3>Consentement du demandeur</h3><p>Le demandeur n'a pas donné son accord.</p></div>`,
  ],
  [
    'checkbox with <label for>, disabled',
    `<div><input type="checkbox" id="c1" checked disabled><label for="c1">${LABEL}</label></div>`,
    GRANTED_UNDATED,
    `<div><input type="checkbox" id="c1" disabled><label for="c1">${LABEL}</label></div>`,
  ],
  [
    'switch (`role="switch"`) after its label, no `for`',
    `<div><span>${LABEL}</span><input type="checkbox" role="switch" checked disabled></div>`,
    GRANTED_UNDATED,
    `<div><span>${LABEL}</span><input type="checkbox" role="switch" disabled></div>`,
  ],
  [
    'switch before its label, not disabled',
    `<div><input type="checkbox" role="switch" checked><span>${LABEL}</span></div>`,
    GRANTED_UNDATED,
    `<div><input type="checkbox" role="switch"><span>${LABEL}</span></div>`,
  ],
  [
    'checkbox wrapped in its label',
    `<label><input type="checkbox" checked> ${LABEL}</label>`,
    GRANTED_UNDATED,
    `<label><input type="checkbox"> ${LABEL}</label>`,
  ],
  [
    '<button role="switch" aria-checked> named by aria-label',
    `<button type="button" role="switch" aria-checked="true" aria-label="Promotion du profil"></button>`,
    GRANTED_UNDATED,
    `<button type="button" role="switch" aria-checked="false" aria-label="Promotion du profil"></button>`,
  ],
  [
    'custom `role="checkbox"` named by aria-labelledby',
    `<div><span id="lbl">Consentement à la promotion</span><div role="checkbox" aria-checked="true" aria-labelledby="lbl" tabindex="0"></div></div>`,
    GRANTED_UNDATED,
    `<div><span id="lbl">Consentement à la promotion</span><div role="checkbox" aria-checked="false" aria-labelledby="lbl" tabindex="0"></div></div>`,
  ],
  [
    'pair of toggle buttons with aria-pressed',
    `<table><tr><th>Promotion du profil</th><td><button type="button" aria-pressed="true">Oui</button><button type="button" aria-pressed="false">Non</button></td></tr></table>`,
    GRANTED_UNDATED,
    `<table><tr><th>Promotion du profil</th><td><button type="button" aria-pressed="false">Oui</button><button type="button" aria-pressed="true">Non</button></td></tr></table>`,
  ],
  [
    'one toggle button with aria-pressed, named by the field',
    `<div><span>Consentement</span><button type="button" aria-pressed="true"></button></div>`,
    GRANTED_UNDATED,
    `<div><span>Consentement</span><button type="button" aria-pressed="false"></button></div>`,
  ],
  [
    'select',
    `<label for="s">Consentement</label><select id="s" disabled><option>Oui</option><option>Non</option></select>`,
    GRANTED_UNDATED,
    `<label for="s">Consentement</label><select id="s" disabled><option>Oui</option><option selected>Non</option></select>`,
  ],
  [
    'radio group in a fieldset',
    `<fieldset><legend>Promotion du profil</legend><input type="radio" name="p" id="o" checked><label for="o">Oui</label><input type="radio" name="p" id="n"><label for="n">Non</label></fieldset>`,
    GRANTED_UNDATED,
    `<fieldset><legend>Promotion du profil</legend><input type="radio" name="p" id="o"><label for="o">Oui</label><input type="radio" name="p" id="n" checked><label for="n">Non</label></fieldset>`,
  ],
  [
    'ARIA radio group',
    `<div><span id="g">Consentement</span><div role="radiogroup" aria-labelledby="g"><span role="radio" aria-checked="true">Oui</span><span role="radio" aria-checked="false">Non</span></div></div>`,
    GRANTED_UNDATED,
    `<div><span id="g">Consentement</span><div role="radiogroup" aria-labelledby="g"><span role="radio" aria-checked="false">Oui</span><span role="radio" aria-checked="true">Non</span></div></div>`,
  ],
  [
    'badge with an icon and visually hidden text',
    `<dl><dt>Consentement</dt><dd><span class="badge ok"><span aria-hidden="true">✓</span><span class="sr-only">Oui</span></span></dd></dl>`,
    GRANTED_UNDATED,
    `<dl><dt>Consentement</dt><dd><span class="badge ko"><span aria-hidden="true">✗</span><span class="sr-only">Non</span></span></dd></dl>`,
  ],
  [
    'icon named only by its title / aria-label',
    `<table><tr><td>Promotion du profil</td><td><i class="icon icon-ok" title="Autorisée depuis le 03/02/2025"></i></td></tr></table>`,
    GRANTED,
    `<table><tr><td>Promotion du profil</td><td><i class="icon icon-ko" aria-label="Refusée"></i></td></tr></table>`,
  ],
  [
    'image with alt text',
    `<div><strong>Consentement</strong><img src="/ok.png" alt="Oui"></div>`,
    GRANTED_UNDATED,
    `<div><strong>Consentement</strong><img src="/ko.png" alt="Non"></div>`,
  ],
];

describe('consent: each markup, both ways', () => {
  it.each(BOTH_WAYS)('%s', (_, granted, expected, refused) => {
    const yes = consentOf(filePage(granted));
    expect(yes.consent).toEqual(expected);
    expect(yes.missing).not.toContain('promotionConsent');
    const no = consentOf(filePage(refused));
    expect(no.consent).toEqual(REFUSED);
    expect(no.missing).not.toContain('promotionConsent');
  });
});

describe('consent: text beside a control', () => {
  it('a hint that says nothing of consent does not sway the switch', () => {
    const hint = (checked: string) =>
      filePage(`<div class="fr-toggle"><input type="checkbox" role="switch" id="t"${checked} disabled><label for="t">${LABEL}</label><p class="fr-hint-text">Modifiable par le demandeur depuis son espace personnel.</p></div>`);
    expect(consentOf(hint(' checked')).consent).toEqual(GRANTED_UNDATED);
    expect(consentOf(hint('')).consent).toEqual(REFUSED);
  });

  it('a waiting wording beside a ticked switch casts doubt', () => {
    const html = filePage(`<div><input type="checkbox" role="switch" id="t" checked disabled><label for="t">${LABEL}</label> <span>En attente de signature</span></div>`);
    expect(consentOf(html).consent).toEqual(UNREADABLE);
  });
});

describe('consent: the bug of issue 18', () => {
  it('an unticked disabled switch beside « Promotion du profil autorisée » is a refusal', () => {
    const html = filePage(`<div class="toggle"><input type="checkbox" role="switch" id="t" disabled><label for="t">Promotion du profil autorisée</label></div>`);
    expect(consentOf(html).consent).toEqual(REFUSED);
  });
});

describe('consent: fail closed', () => {
  const unreadable: [string, string][] = [
    ['no consent field at all', ''],
    ['an empty value', `<table><tr><td>Consentement</td><td></td></tr></table>`],
    ['« Non renseigné »', `<table><tr><td>Consentement</td><td>Non renseigné</td></tr></table>`],
    ['an unknown wording', `<dl><dt>Consentement</dt><dd>En attente de signature</dd></dl>`],
    ['a condition', `<dl><dt>Consentement</dt><dd>Autorisée jusqu'au 31/12/2024</dd></dl>`],
    ['a double negation', `<dl><dt>Consentement</dt><dd>Le demandeur ne s'oppose pas à la promotion</dd></dl>`],
    ['a positive wording beside an unticked box', `<table><tr><td>Consentement</td><td><input type="checkbox" disabled> Autorisée depuis le 03/02/2025</td></tr></table>`],
    ['a « Oui » badge and a refusal sentence', `<dl><dt>Consentement</dt><dd><span class="badge">Oui</span></dd></dl><p>Consentement : le demandeur a retiré son accord le 05/06/2025</p>`],
    ['a ticked switch and a « Non » shown elsewhere', `<div><input type="checkbox" role="switch" checked><span>Promotion du profil</span></div><table><tr><td>Consentement</td><td>Non</td></tr></table>`],
    ['visible « Autorisée » and hidden « Non »', `<dl><dt>Consentement</dt><dd>Autorisée <span hidden>Non</span></dd></dl>`],
    ['a switch without state', `<button type="button" role="switch" aria-label="Promotion du profil"></button>`],
    ['a mixed checkbox', `<div role="checkbox" aria-checked="mixed" aria-label="Consentement"></div>`],
    ['a radio group with nothing chosen', `<fieldset><legend>Consentement</legend><input type="radio" name="p" id="o"><label for="o">Oui</label><input type="radio" name="p" id="n"><label for="n">Non</label></fieldset>`],
    ['a select on « Choisir »', `<label for="s">Consentement</label><select id="s"><option>Choisir…</option><option>Oui</option><option>Non</option></select>`],
    ['only the label, written as a heading', `<h2>Promotion du profil autorisée</h2>`],
  ];
  it.each(unreadable)('%s: not granted, reason consent_unreadable, listed as missing', (_, block) => {
    const { consent, missing } = consentOf(filePage(block));
    expect(consent).toEqual(UNREADABLE);
    expect(missing).toContain('promotionConsent');
  });

  it('ignores a history of events: a past « Oui » in a table is not the current consent', () => {
    const history = `<table><thead><tr><th>Date</th><th>Événement</th></tr></thead><tbody><tr><td>03/02/2025</td><td>Consentement : Oui</td></tr></tbody></table>`;
    expect(consentOf(filePage(history)).consent).toEqual(UNREADABLE);
    expect(consentOf(filePage(`<table><tr><td>Consentement</td><td>Non</td></tr></table>`, history)).consent).toEqual(REFUSED);
  });

  it('keeps what the page showed as evidence', () => {
    const { result } = consentOf(filePage(`<table><tr><td>Consentement</td><td>Oui, depuis le 03/02/2025</td></tr></table>`));
    expect(result).toMatchObject({ consentEvidence: { wording: 'Oui, depuis le 03/02/2025', date: '2025-02-03' } });
    const toggle = consentOf(filePage(`<div><span>${LABEL}</span><input type="checkbox" role="switch" disabled></div>`)).result;
    expect(toggle).toMatchObject({ consentEvidence: { wording: `${LABEL} : non coché` } });
  });
});

describe('consent wordings', () => {
  it.each([
    ['Oui', 'yes'],
    ['OUI', 'yes'],
    ['Autorisée depuis le 12/03/2025', 'yes'],
    ['Le demandeur a donné son accord', 'yes'],
    ['Consentement recueilli', 'yes'],
    ['✓', 'yes'],
    ['Non', 'no'],
    ['NON (depuis le 05/06/2025)', 'no'],
    ['Non autorisée', 'no'],
    ['Non-autorisée', 'no'],
    ['Refusée', 'no'],
    ['Retirée le 05/06/2025', 'no'],
    ["Le demandeur n'a pas donné son accord", 'no'],
    ['Le demandeur ne souhaite pas que son profil soit promu', 'no'],
    ['Consentement non recueilli', 'no'],
    ["Pas d'accord", 'no'],
    ['✗', 'no'],
    ['✖', 'no'],
    ['Le demandeur refuse que son profil soit transmis', 'no'],
    ["Le demandeur n'a jamais autorisé la promotion", 'no'],
    ['Autorisée : non', 'unknown'],
    ['Autorisée le 03/02/2025, retirée le 05/06/2025', 'unknown'],
    ['Non révoquée', 'unknown'],
    ["Ne s'oppose pas", 'unknown'],
    ['Oui / Non', 'unknown'],
    ['En attente', 'unknown'],
    ['À recueillir', 'unknown'],
    ['Non renseigné', 'unknown'],
    ['?', 'unknown'],
    ['Promotion', 'unknown'],
  ])('%s → %s', (wording, verdict) => {
    expect(classifyConsentWording(wording)).toBe(verdict);
  });

  it.each([
    ['03/02/2025', '2025-02-03'],
    ['3/2/2025', '2025-02-03'],
    ['03-02-2025', '2025-02-03'],
    ['03.02.2025', '2025-02-03'],
    ['03/02/25', '2025-02-03'],
    ['2025-02-03', '2025-02-03'],
    ['3 février 2025', '2025-02-03'],
    ['lundi 3 FÉVRIER 2025', '2025-02-03'],
    ['3 févr. 2025', '2025-02-03'],
    ['depuis le 1er mars 2025', '2025-03-01'],
    ['31/02/2025', undefined],
    ['le 12 truc 2025', undefined],
  ])('date « %s » → %s', (text, iso) => {
    expect(findDate(text)).toBe(iso);
  });
});
