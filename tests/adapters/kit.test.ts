import { Window } from 'happy-dom';
import { describe, expect, it, vi } from 'vitest';
import { parseAgent, readAgent } from '@/lib/adapters/kit/banner';
import { fieldsOf } from '@/lib/adapters/kit/fields';
import { observe } from '@/lib/adapters/kit/observe';
import { readTable } from '@/lib/adapters/kit/table';
import { labelKey, linesOf, saysNothing, textOf } from '@/lib/adapters/kit/text';
import { findEmails, findPhones, parseCivility, parseYesNo, splitFullName } from '@/lib/adapters/kit/values';
import { parseHtml } from './parse-html';

const page = (body: string) => parseHtml(`<!DOCTYPE html><html lang="fr"><body>${body}</body></html>`, 'http://outil.example/page');
const valueOf = (body: string, labels: string[]) => fieldsOf(page(body).body).find(labels)?.text;

describe('labelKey', () => {
  it('ignores case, accents, colons, asterisks, spacing and non-breaking spaces', () => {
    for (const variant of ['NOM :', 'Nom', 'nom:', ' nom\u00a0: ', 'Nom *']) expect(labelKey(variant)).toBe('nom');
    expect(labelKey('PRÉNOM :')).toBe(labelKey('Prenom'));
    expect(labelKey('Métier(s) recherché(s)')).toBe(labelKey('Métiers recherchés'));
    expect(labelKey('Savoir-être')).toBe(labelKey('savoir être'));
    expect(labelKey('Date d’inscription')).toBe(labelKey("Date d'inscription"));
  });
  it('keeps different labels apart', () => {
    expect(labelKey('Nom')).not.toBe(labelKey('Prénom'));
    expect(labelKey('Téléphone fixe')).not.toBe(labelKey('Téléphone'));
  });
});

describe('label lookup', () => {
  const markups: Record<string, string> = {
    'table cells': '<table><tr><td>Prénom</td><td>Marie</td></tr><tr><td>Nom</td><td>DUPONT</td></tr></table>',
    'row header cells': '<table><tr><th scope="row">NOM :</th><td>DUPONT</td></tr></table>',
    'dl': '<dl><dt>Prénom</dt><dd>Marie</dd><dt>Nom&nbsp;:</dt><dd> DUPONT </dd></dl>',
    'div and span pairs': '<div class="f"><span class="l">nom:</span><span class="v">DUPONT</span></div>',
    'nested wrappers': '<div class="row"><div class="lbl"><strong>Nom</strong></div><div class="val"><span>DUPONT</span></div></div>',
    'bold label then text': '<p><b>Prénom :</b> Marie<br><b>Nom :</b> DUPONT<br></p>',
    '"Label : value" text': '<ul><li>Prénom : Marie</li><li>NOM : DUPONT</li></ul>',
    'bold label, colon outside': '<p><b>Prénom</b> : Marie<br><b>Nom</b>&nbsp;: DUPONT</p>',
    '"Label :" text, then the value in an element': '<p>Prénom : <em>Marie</em></p><p>Nom&nbsp;: <span>DUPONT</span></p>',
    'label for a read-only input': '<label for="j_idt47:nom">Nom</label> <input id="j_idt47:nom" readonly value="DUPONT">',
  };
  it.each(Object.entries(markups))('finds the value in %s', (_, body) => {
    expect(valueOf(body, ['Nom de famille', 'Nom'])).toBe('DUPONT');
  });

  it('keeps every line of a "Label : value" text that goes on after a line break', () => {
    const field = fieldsOf(page('<p>Adresse : 8 rue Paul Bert<br>69003&nbsp;Lyon</p>').body).find(['Adresse']);
    expect(field?.lines).toEqual(['8 rue Paul Bert', '69003 Lyon']);
  });

  it('does not take a block title followed by a whole table as a value', () => {
    const body =
      '<div>Promotion du profil</div><table><tr><td>Promotion du profil</td><td>Non autorisée</td></tr></table>';
    expect(valueOf(body, ['Promotion du profil'])).toBe('Non autorisée');
  });

  it('does not take a value that happens to read like a label', () => {
    const body =
      '<table><tr><td>Mode de contact</td><td><span>Téléphone</span></td></tr><tr><td>Téléphone</td><td>06 12 34 56 78</td></tr></table>';
    expect(valueOf(body, ['Téléphone'])).toBe('06 12 34 56 78');
  });

  it('does not read a column header as a label', () => {
    expect(valueOf('<table><tr><th>Nom</th><th>Prénom</th></tr><tr><td>DUPONT</td><td>Marie</td></tr></table>', ['Nom'])).toBeUndefined();
  });

  it('prefers synonyms in the order given and lets the caller refuse a value', () => {
    const fields = fieldsOf(page('<dl><dt>Identifiant</dt><dd>abc</dd><dt>N° identifiant</dt><dd>1234567A</dd></dl>').body);
    expect(fields.find(['Identifiant', 'N° identifiant'])?.text).toBe('abc');
    expect(fields.find(['Identifiant', 'N° identifiant'], (f) => /^\d{7}[A-Z]$/.test(f.text))?.text).toBe('1234567A');
  });

  it('finds every matching label in page order', () => {
    const fields = fieldsOf(
      page('<dl><dt>Tél. portable</dt><dd>06 11 11 11 11</dd><dt>Courriel</dt><dd>a@b.fr</dd><dt>Téléphone fixe</dt><dd>04 22 22 22 22</dd></dl>').body,
    );
    expect(fields.findAll((k) => k.startsWith('tel')).map((f) => f.text)).toEqual(['06 11 11 11 11', '04 22 22 22 22']);
  });

  it('finds empty form controls by their label', () => {
    const document = page('<form><label for="a">À</label><input id="a" name="x"><label for="o">Objet</label><input id="o"></form>');
    const fields = fieldsOf(document.body);
    expect(fields.control(['À'])).toBe(document.getElementById('a'));
    expect(fields.find(['À'])).toBeUndefined(); // an empty value is no value
  });

  it('keeps markup-looking text as text', () => {
    expect(valueOf('<dl><dt>Nom</dt><dd>&lt;b&gt;DUPONT&lt;/b&gt; <i>x</i></dd></dl>', ['Nom'])).toBe('<b>DUPONT</b> x');
  });
});

describe('table by header', () => {
  const columns = { lastName: ['Nom'], firstName: ['Prénom'], email: ['Courriel', 'E-mail'] };
  const rowsOf = (body: string, required: ('lastName' | 'firstName' | 'email')[] = ['lastName'], reject?: string[]) =>
    readTable(page(body).body, { columns, required, reject })?.map((r) => ({
      lastName: textOf(r.lastName),
      firstName: textOf(r.firstName),
      email: textOf(r.email),
    }));
  const expected = [
    { lastName: 'ROUSSEL', firstName: 'Claire', email: 'c@x.fr' },
    { lastName: 'GARNIER', firstName: 'Olivier', email: '' },
  ];

  it('maps columns by header text, whatever their order', () => {
    const body = `<table><thead><tr><th>E-mail</th><th>PRÉNOM</th><th>Nom :</th></tr></thead>
      <tbody><tr><td>c@x.fr</td><td>Claire</td><td>ROUSSEL</td></tr><tr><td></td><td>Olivier</td><td>GARNIER</td></tr></tbody></table>`;
    expect(rowsOf(body)).toEqual(expected);
  });
  it('works without thead, with a header row of th or of plain cells', () => {
    const th = `<table><tr><th>Nom</th><th>Prénom</th><th>Courriel</th></tr>
      <tr><td>ROUSSEL</td><td>Claire</td><td>c@x.fr</td></tr><tr><td>GARNIER</td><td>Olivier</td><td></td></tr></table>`;
    const td = th.replace(/<th>/g, '<td>').replace(/<\/th>/g, '</td>');
    expect(rowsOf(th)).toEqual(expected);
    expect(rowsOf(td)).toEqual(expected);
  });
  it('works on ARIA grids', () => {
    const body = `<div role="grid"><div role="row"><span role="columnheader">Prénom</span><span role="columnheader">Nom</span></div>
      <div role="row"><span role="gridcell">Claire</span><span role="gridcell">ROUSSEL</span></div></div>`;
    expect(rowsOf(body)).toEqual([{ lastName: 'ROUSSEL', firstName: 'Claire', email: '' }]);
  });
  it('skips tables without the required columns, rejected tables, layout tables and full-width rows', () => {
    const body = `<table><tr><td><div>Nom Prénom Courriel, a whole block of the page laid out in a table cell for old browsers</div></td><td>menu</td></tr></table>
      <table><tr><th>Date</th><th>Nom</th></tr><tr><td>01/01/2026</td><td>HISTORIQUE</td></tr></table>
      <table><tr><th>Nom</th><th>Prénom</th></tr><tr><td>ROUSSEL</td><td>Claire</td></tr><tr><td colspan="2">Aucun autre résultat</td></tr></table>`;
    expect(rowsOf(body, ['lastName'], ['Date'])).toEqual([{ lastName: 'ROUSSEL', firstName: 'Claire', email: '' }]);
    expect(rowsOf(body, ['email'])).toBeUndefined();
  });
});

describe('banner', () => {
  it('reads both banner forms of the tools', () => {
    const agent = { name: 'Jeanne MARTIN', agencyCode: '69031', agencyName: 'Lyon Part-Dieu' };
    expect(parseAgent('Conseiller : Jeanne MARTIN — Agence Lyon Part-Dieu (69031)')).toEqual(agent);
    expect(parseAgent('Connecté : Jeanne MARTIN | Agence 69031 – Lyon Part-Dieu')).toEqual(agent);
    expect(parseAgent('Conseillère\u00a0: Nadia OUALI - Agence Villeurbanne')).toEqual({ name: 'Nadia OUALI', agencyName: 'Villeurbanne' });
    expect(parseAgent('Connectée : Nadia OUALI')).toEqual({ name: 'Nadia OUALI' });
  });
  it('ignores text that only looks like it', () => {
    expect(parseAgent('Conseiller référent')).toBeUndefined();
    expect(parseAgent('Jeanne MARTIN')).toBeUndefined();
  });
  it('finds the banner in a page, whatever its markup', () => {
    const document = page('<header><div><span>Connecté&nbsp;: <strong>Jeanne MARTIN</strong> | Agence 69031 &ndash; Lyon Part-Dieu</span></div></header>');
    expect(readAgent(document)).toEqual({ name: 'Jeanne MARTIN', agencyCode: '69031', agencyName: 'Lyon Part-Dieu' });
    expect(readAgent(page('<p>Bienvenue</p>'))).toBeUndefined();
  });
});

describe('text and values', () => {
  it('splits lines where a browser breaks them', () => {
    expect(linesOf(page('<address>12 rue de la Villette<br>69003&nbsp;Lyon</address>').body)).toEqual(['12 rue de la Villette', '69003 Lyon']);
  });
  it('recognises explicit "nothing" values', () => {
    for (const t of ['Non renseigné', 'NON RENSEIGNEE', 'Aucun', 'Aucune', 'Aucun CV déposé', '—', '-', '']) expect(saysNothing(t)).toBe(true);
    for (const t of ['B', 'Oui', 'Non', 'Lyon']) expect(saysNothing(t)).toBe(false);
  });
  it('reads phones, e-mails, civilities, yes/no and full names', () => {
    expect(findPhones('06 12 34 56 78 / +33 (0)4 72 00 00 00, 0033 7.45.12.89.30')).toEqual(['0612345678', '0472000000', '0745128930']);
    expect(findPhones('12 34 56')).toEqual([]);
    expect(findEmails('Claire ROUSSEL <Claire.Roussel@Example.com>; rh@example.com.')).toEqual(['claire.roussel@example.com', 'rh@example.com']);
    expect([parseCivility('Madame'), parseCivility('MME'), parseCivility('Monsieur'), parseCivility('M.'), parseCivility('Docteur')]).toEqual(['Mme', 'Mme', 'M.', 'M.', undefined]);
    expect([parseYesNo('Oui'), parseYesNo('non'), parseYesNo('Peut-être')]).toEqual([true, false, undefined]);
    expect(splitFullName('DUPONT Marie')).toEqual({ lastName: 'DUPONT', firstName: 'Marie' });
    expect(splitFullName('Thi Lan NGUYEN')).toEqual({ lastName: 'NGUYEN', firstName: 'Thi Lan' });
  });
});

describe('observe', () => {
  const setup = () => {
    const window = new Window({ url: 'http://outil.example/' });
    window.document.body.innerHTML = '<main><p>Chargement…</p></main>';
    return window.document as unknown as Document;
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('calls back once per burst of changes, only when the selector matches', async () => {
    const document = setup();
    const calls: number[] = [];
    const stop = observe('dl.fiche dd', (found) => calls.push(found.length), { root: document.body, debounceMs: 20 });
    await sleep(40);
    expect(calls).toEqual([]); // nothing matches yet
    const main = document.querySelector('main')!;
    main.innerHTML = '<dl class="fiche"><dt>Nom</dt><dd>DUPONT</dd></dl>';
    main.querySelector('dl')!.insertAdjacentHTML('beforeend', '<dt>Prénom</dt><dd>Marie</dd>');
    // Waits for the callback rather than a fixed delay (a loaded machine delays timers), then checks it came once.
    await vi.waitFor(() => expect(calls).toEqual([2]), { timeout: 3000 });
    await sleep(60);
    expect(calls).toEqual([2]);
    stop();
    main.querySelector('dd')!.textContent = 'MARTIN';
    await sleep(60);
    expect(calls).toEqual([2]); // stopped
  });
});
