/**
 * Consent read beyond doubt. Consent is the one field where a wrong reading breaches the person's choice, so it
 * has its own rule, stricter than every other field:
 * - it comes from the value shown, never from the label: « Promotion du profil autorisée » beside an unticked
 *   switch is a refusal, whatever the label says;
 * - every signal the page gives is read (the state of each checkbox, switch, pressed button, radio, option or
 *   select; the text, hidden text and accessible names of badges and icons; sentences), and all must agree;
 * - the result is `granted` only when at least one signal says yes and none says anything else; `refused` only
 *   when every signal clearly says no; anything else (nothing found, an unknown wording, a pending or
 *   conditional one, a double negation, signals that disagree) is `unreadable`, which counts as not granted.
 */
import { fold, isBlock, labelKey, linesOf, normalizeText } from './text';
import { byIds, fieldsOf, isDataGrid, withoutHint, type Fields } from './fields';
import { findDate } from './values';

export type ConsentVerdict = 'yes' | 'no' | 'unknown';

export interface ConsentReading {
  status: 'granted' | 'refused' | 'unreadable';
  /** The date of consent shown with a granted consent. */
  since?: string;
  /** What the page showed, as read (e.g. « Oui, depuis le 03/02/2025 », « Promotion du profil autorisée : case non cochée »). */
  wording?: string;
  /** The first date shown with it, whatever the status. */
  date?: string;
}

interface Signal {
  verdict: ConsentVerdict;
  wording: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Wordings

/** Waiting or unknown: « En attente », « À recueillir », « Non renseigné », « Autorisée jusqu'au … ». */
const PENDING =
  /\b(en attente|attente|en cours|a (recueillir|demander|confirmer|verifier|completer|signer|renouveler|valider)|renseignee?s?|communiquee?s?|precisee?s?|inconnue?s?|indeterminee?s?|demandee?s?|sollicitee?s?|proposee?s?|envoyee?s?|applicable|sans objet|jusqu|sous reserve|partiel\w*|suspendue?s?|provisoire\w*|nc|nr)\b|\bn\/a\b|\?/;
/** Rules and conditions, as help texts word them: « doit être autorisée », « si le demandeur accepte ». */
const CONDITIONAL = /\b(doit|doivent|devra|devront|peut|peuvent|pourra|pourront|faut|si|lorsqu|lorsque|quand|avant|afin|pour que)\b/;
/** Words that say no by themselves. */
const NEGATIVE = /\b(refus\w*|retir\w*|revoqu\w*|revocation|oppos\w*|desactiv\w*|expir\w*|inactiv\w*|interdit\w*|declin\w*|false|faux|fausse|off)\b|[✗✘✖❌❎⛔🚫✕☒]/gu;
/** Words that say yes when nothing negates them. `donne` only counts beside accord/consentement/autorisation. */
const POSITIVE =
  /\b(oui|yes|true|vrai|autorisee?s?|autorise|accordee?s?|accorde|acceptee?s?|accepte|consentie?s?|consent|recueillie?s?|obtenue?s?|activee?s?|active|actif|validee?s?|valide|signee?s?|favorable|souhaite|veut|desire|d accord|donnee?s?)\b|[✓✔✅☑]/gu;
const NEGATOR = /^(non|ne|n|pas|jamais|aucune?|sans|ni|nullement|no)$/;
/** « Non » on its own (or before a date): « Non », « NON (depuis le 05/06/2025) », « Non, refusée ». Not a negator. */
const BARE_NO = /(^|[\s,;:(\[])(non|no)(?=$|\s*[,;.:!()\[\]\-–—]|\s+(depuis|le|au|du|a compter|a partir)\b)/g;
const NOT_PROMOTED = /\bne pas (promouvoir|diffuser|transmettre|communiquer|proposer)\b/;

/**
 * What one wording says about consent. Negation is read: « Non autorisée », « n'a pas donné son accord » say no;
 * a double negation (« ne s'oppose pas », « non révoquée ») and a wording that says both are `unknown`.
 */
export function classifyConsentWording(text: string): ConsentVerdict {
  const k = normalizeText(fold(text).replace(/[’'`´]/g, ' ').replace(/\b(non|pas)[-‐‑](?=\p{L})/gu, '$1 '));
  if (k === '' || /^[-–—.\s]*$/.test(k)) return 'unknown';
  if (PENDING.test(k) || CONDITIONAL.test(k)) return 'unknown';
  // Words only, one space apart: a match's word index is the number of spaces before it.
  const w = normalizeText(k.replace(BARE_NO, '$1 nonbare ').replace(/([✓✔✅☑✗✘✖❌❎⛔🚫✕☒])/gu, ' $1 ').replace(/[^\p{L}\p{N}✓✔✅☑✗✘✖❌❎⛔🚫✕☒]+/gu, ' '));
  const words = w.split(' ');
  const indexAt = (offset: number) => (w.slice(0, offset).match(/ /g) ?? []).length;
  const negatorWithin = (from: number, to: number) => words.slice(Math.max(0, from), Math.max(0, to)).some((x) => NEGATOR.test(x));

  let yes = 0;
  let no = 0;
  for (const m of w.matchAll(NEGATIVE)) {
    const i = indexAt(m.index);
    // « non révoquée », « pas d'opposition », « ne s'oppose pas »: a double negation is not read.
    if (negatorWithin(i - 2, i) || /^(pas|jamais)$/.test(words[i + 1] ?? '')) return 'unknown';
    no++;
  }
  const aboutConsent = /\b(accord|consentement|autorisation)\b/.test(w);
  for (const m of w.matchAll(POSITIVE)) {
    if (/^donnee?s?$/.test(m[0]) && !aboutConsent) continue;
    const i = indexAt(m.index);
    if (negatorWithin(i - 3, i)) no++;
    else yes++;
  }
  no += words.filter((x) => x === 'nonbare').length + (NOT_PROMOTED.test(w) ? 1 : 0);
  if (yes > 0 && no > 0) return 'unknown';
  return yes > 0 ? 'yes' : no > 0 ? 'no' : 'unknown';
}

/** The wording says something about consent (yes, no, or waiting), as opposed to commentary or a rule. */
function speaksOfConsent(text: string): boolean {
  const k = normalizeText(fold(text).replace(/[’'`´]/g, ' '));
  if (PENDING.test(k)) return true;
  if (CONDITIONAL.test(k)) return false;
  return classifyConsentWording(text) !== 'unknown' || new RegExp(NEGATIVE.source, 'u').test(k) || new RegExp(POSITIVE.source, 'u').test(k);
}

// ---------------------------------------------------------------------------------------------------------------
// Controls

const TOGGLE = 'input[type="checkbox" i], [role="switch"], [role="checkbox"], [role="menuitemcheckbox"], [aria-pressed]';
const OPTION = 'input[type="radio" i], [role="radio"], [role="menuitemradio"], [role="option"]';
const CHOICE = `${TOGGLE}, ${OPTION}, select`;

const isToggle = (el: Element) => el.matches(TOGGLE) && !el.matches(OPTION);

/** true/false when the control says so without doubt; undefined when it does not (absent, « mixed », disagreeing). */
function stateOf(el: Element): boolean | undefined {
  const aria = (name: string) => {
    const v = el.getAttribute(name)?.trim().toLowerCase();
    return v === 'true' ? true : v === 'false' ? false : v === undefined || v === null ? undefined : null;
  };
  const states: (boolean | null | undefined)[] = [];
  if (el.tagName === 'INPUT') {
    const input = el as HTMLInputElement;
    if (input.indeterminate) return undefined;
    states.push(input.checked);
  }
  if (el.hasAttribute('aria-checked')) states.push(aria('aria-checked'));
  if (el.hasAttribute('aria-pressed')) states.push(aria('aria-pressed'));
  if (el.getAttribute('role') === 'option' && el.hasAttribute('aria-selected')) states.push(aria('aria-selected'));
  const known = states.filter((s): s is boolean | null => s !== undefined);
  if (known.length === 0 || known.includes(null)) return undefined;
  return known.every((s) => s === known[0]) ? (known[0] as boolean) : undefined;
}

/** The texts that name a control: its labels, accessible name, title and own text. */
function ownTexts(el: Element): string[] {
  const texts: string[] = [];
  const doc = el.ownerDocument;
  const id = el.getAttribute('id');
  if (id) for (const label of Array.from(doc.querySelectorAll('label[for]'))) if (label.getAttribute('for') === id) texts.push(label.textContent ?? '');
  const wrapping = el.closest('label');
  if (wrapping) texts.push(wrapping.textContent ?? '');
  for (const named of byIds(el, 'aria-labelledby')) texts.push(named.textContent ?? '');
  texts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '');
  if (el.tagName !== 'INPUT' && el.tagName !== 'SELECT') texts.push(el.textContent ?? '');
  return [...new Set(texts.map(normalizeText).filter(Boolean))];
}

type Meaning = 'field' | ConsentVerdict;

/** What a control's own texts make of its state: the field's name (`field`), a yes or no option, or unknown. */
function meaningOf(texts: string[], isConsentLabel: (text: string) => boolean): Meaning {
  if (texts.length === 0) return 'field';
  const meanings = new Set(texts.map((t): Meaning => (isConsentLabel(t) ? 'field' : classifyConsentWording(t))));
  if (meanings.size === 1) return [...meanings][0]!;
  // The field's name and an option wording together (« Promotion du profil autorisée » + « Oui »): the option decides.
  meanings.delete('field');
  return meanings.size === 1 ? [...meanings][0]! : 'unknown';
}

function controlSignals(controls: Element[], label: string, isConsentLabel: (t: string) => boolean): Signal[] {
  const signals: Signal[] = [];
  const toggles = controls.filter(isToggle);
  const options = controls.filter((c) => c.matches(OPTION));
  for (const select of controls.filter((c) => c.tagName === 'SELECT') as HTMLSelectElement[]) {
    const chosen = Array.from(select.options).filter((o) => o.selected).map((o) => normalizeText(o.textContent ?? ''));
    if (chosen.length !== 1) signals.push({ verdict: 'unknown', wording: `${label} : ${chosen.join(', ') || 'aucune valeur choisie'}` });
    else signals.push({ verdict: isConsentLabel(chosen[0]!) ? 'unknown' : classifyConsentWording(chosen[0]!), wording: `${label} : ${chosen[0]}` });
  }
  if (toggles.length === 1 && options.length === 0) {
    const toggle = toggles[0]!;
    const state = stateOf(toggle);
    const meaning = meaningOf(ownTexts(toggle), isConsentLabel);
    const shown = state === undefined ? 'état indéterminé' : state ? 'coché' : 'non coché';
    const wording = `${label} : ${shown}`;
    if (state === undefined || meaning === 'unknown') signals.push({ verdict: 'unknown', wording });
    else if (meaning === 'field') signals.push({ verdict: state ? 'yes' : 'no', wording });
    // A positive or negative option wording only counts ticked: unticked, it says nothing certain.
    else signals.push({ verdict: state ? meaning : 'unknown', wording });
    return signals;
  }
  const group = [...toggles, ...options];
  if (group.length === 0) return signals;
  const chosen = group.filter((c) => stateOf(c) !== false);
  if (chosen.length === 0) signals.push({ verdict: 'unknown', wording: `${label} : aucune option choisie` });
  for (const option of chosen) {
    const texts = ownTexts(option);
    const meaning = stateOf(option) === undefined ? 'unknown' : meaningOf(texts, isConsentLabel);
    signals.push({ verdict: meaning === 'field' ? 'unknown' : meaning, wording: `${label} : ${texts.join(' ') || 'option choisie'}` });
  }
  return signals;
}

// ---------------------------------------------------------------------------------------------------------------
// Regions: where the value of a consent label is shown

const MAX_REGION_TEXT = 300;
const LABEL_TAGS = new Set(['LABEL', 'DT', 'TH', 'LEGEND']);
const tooBig = (el: Element) => /^(TABLE|DL|FORM|UL|OL|SECTION|ARTICLE|MAIN)$/.test(el.tagName) || el.querySelector('table, dl, form') !== null;

/** The element that plays the label's part (its cell, `<dt>`, wrapper with the same text). */
function labelBox(label: Element): Element {
  let box = label;
  const text = normalizeText(label.textContent ?? '');
  // Only through wrappers of the label alone: a value without text (a switch, an icon) must not be climbed over.
  while (box.parentElement && box.parentElement.tagName !== 'BODY' && !LABEL_TAGS.has(box.tagName) && box.tagName !== 'TD') {
    const parent = box.parentElement;
    if (parent.children.length !== 1 || normalizeText(parent.textContent ?? '') !== text) break;
    box = parent;
  }
  return box;
}

/** Inside a cell of a data grid (a history of events, a list): a past value, never the current consent. */
const inDataGrid = (el: Element) => {
  const cell = el.closest('td');
  return cell !== null && isDataGrid(cell.closest('table'));
};

/** Bare text right after the label, up to a line break or a block: `<b>Consentement :</b> Oui<br>`. */
function trailingText(box: Element): string {
  let text = '';
  for (let node = box.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === 1) {
      const el = node as Element;
      if (el.tagName === 'BR' || isBlock(el)) break;
      if (normalizeText(text) === '') return ''; // an element comes first: it is the value, read as a region
      if (!isHidden(el)) text += el.textContent ?? '';
    } else if (node.nodeType === 3) {
      text += (node as Text).data;
    }
  }
  return normalizeText(text).replace(/^[:：]\s*/, '');
}
const hasTrailingText = (box: Element) => trailingText(box) !== '';

/** Where the value of this label is shown: the control it names or holds, its `<dd>`, next cell or next element. */
function regionsOf(label: Element): Element[] {
  const regions: Element[] = [];
  const control = label.closest(CHOICE);
  if (control) return [control];
  if (label.tagName === 'LABEL') {
    const forId = label.getAttribute('for');
    const target = (forId ? label.ownerDocument.getElementById(forId) : null) ?? label.querySelector(CHOICE);
    // The wrapper of a control and its label too: text written beside them may contradict the state.
    const wrapper = label.parentElement;
    if (target) return wrapper && wrapper.tagName !== 'BODY' && wrapper.contains(target) ? [target, wrapper] : [target];
  }
  if (label.tagName === 'LEGEND' && label.parentElement) return [label.parentElement];
  const box = labelBox(label);
  const id = box.getAttribute('id') ?? label.getAttribute('id');
  if (id) {
    for (const named of Array.from(label.ownerDocument.querySelectorAll('[aria-labelledby]'))) {
      if (named.getAttribute('aria-labelledby')!.split(/\s+/).includes(id)) regions.push(named);
    }
  }
  if (box.tagName === 'DT') {
    const dd = box.nextElementSibling;
    if (dd?.tagName === 'DD') regions.push(dd);
  } else if (box.tagName === 'TD' || box.tagName === 'TH') {
    if (!(box.tagName === 'TD' && isDataGrid(box.closest('table')))) {
      const cell = box.nextElementSibling;
      if (cell?.tagName === 'TD') regions.push(cell);
    }
  } else if (!hasTrailingText(box)) {
    let next = box.nextElementSibling;
    while (next?.tagName === 'BR') next = next.nextElementSibling;
    if (next && !LABEL_TAGS.has(next.tagName)) regions.push(next);
  }
  // A switch written before its label: `<input type="checkbox" role="switch"><span>Promotion…</span>`.
  const previous = box.previousElementSibling;
  if (previous && (previous.matches(CHOICE) || (previous.querySelector(CHOICE) && normalizeText(previous.textContent ?? '') === ''))) {
    regions.push(previous);
  }
  return regions;
}

/** Accessible names and tooltips of badges and icons: `<span title="Refusée">`, `<img alt="Oui">`, `aria-label`. */
function attributeTexts(region: Element): string[] {
  const texts: string[] = [];
  for (const el of [region, ...Array.from(region.querySelectorAll('[aria-label], [title], img[alt], svg title'))]) {
    if (el.matches(CHOICE) || (el !== region && el.closest(HIDDEN) && isHidden(el.closest(HIDDEN)!))) continue;
    for (const name of ['aria-label', 'title', 'alt']) {
      const value = normalizeText(el.getAttribute(name) ?? '');
      if (value) texts.push(value);
    }
    if (el.tagName.toLowerCase() === 'title') texts.push(normalizeText(el.textContent ?? ''));
  }
  return texts;
}

/** The region's text once its controls and their own labels are set aside, plus text inputs' values. */
/** Hidden from everyone (`hidden`, `display: none`): such text may cast doubt, never establish consent. */
const isHidden = (el: Element) =>
  el.hasAttribute('hidden') || /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(el.getAttribute('style') ?? '');
const HIDDEN = '[hidden], [style*="none" i], [style*="hidden" i]';

/** The element or one of its ancestors is hidden from everyone. */
function inHidden(el: Element): boolean {
  for (let e: Element | null = el; e && e.tagName !== 'BODY'; e = e.parentElement) if (isHidden(e)) return true;
  return false;
}

/** Signals read inside hidden content only cast doubt. */
const doubtOnly = (signals: Signal[]): Signal[] =>
  signals.map((s) => (s.verdict === 'unknown' ? s : { verdict: 'unknown', wording: `texte masqué : ${s.wording}` }));

function hiddenTexts(region: Element): string[] {
  const hidden = [region, ...Array.from(region.querySelectorAll(HIDDEN))].filter(isHidden);
  return hidden.flatMap((el) => [normalizeText(el.textContent ?? ''), ...attributeTexts(el)]).filter(Boolean);
}

function leftoverText(region: Element, controls: Element[]): string {
  const skip = new Set<Element>();
  for (const c of controls) {
    skip.add(c);
    const wrapping = c.closest('label');
    if (wrapping && region.contains(wrapping)) skip.add(wrapping);
    for (const named of byIds(c, 'aria-labelledby')) skip.add(named);
    const id = c.getAttribute('id');
    if (id) for (const l of Array.from(region.querySelectorAll('label[for]'))) if (l.getAttribute('for') === id) skip.add(l);
  }
  let text = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += (child as Text).data;
      else if (child.nodeType === 1 && !skip.has(child as Element)) {
        const el = child as Element;
        if (/^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/.test(el.tagName) || isHidden(el)) continue;
        if (el.tagName === 'INPUT' && !el.matches(CHOICE) && (el as HTMLInputElement).type !== 'hidden') text += ` ${(el as HTMLInputElement).value} `;
        else if (isBlock(el)) ((text += ' '), walk(el), (text += ' '));
        else walk(el);
      }
    }
  };
  walk(region);
  return normalizeText(text);
}

function regionSignals(region: Element, label: string, isConsentLabel: (t: string) => boolean): Signal[] {
  if (tooBig(region) || normalizeText(region.textContent ?? '').length > MAX_REGION_TEXT) return [];
  const controls = region.matches(CHOICE) ? [region] : Array.from(region.querySelectorAll(CHOICE));
  // Options of a `<select>` are read through the select, `role="option"` inside a native select never occurs.
  const own = controls.filter((c) => !c.closest('select') || c.tagName === 'SELECT');
  const signals = controlSignals(own, label, isConsentLabel);
  const text = region.matches(CHOICE) || isHidden(region) ? '' : /^(INPUT|TEXTAREA|OUTPUT)$/.test(region.tagName) ? normalizeText((region as HTMLInputElement).value ?? '') : leftoverText(region, own);
  if (text && !isConsentLabel(text)) {
    const verdict = classifyConsentWording(text);
    // Beside a control, text that speaks neither of yes, no nor waiting is commentary (« Modifiable par le demandeur… »).
    if (own.length === 0 || speaksOfConsent(text)) signals.push({ verdict, wording: text });
  }
  for (const t of attributeTexts(region)) if (!isConsentLabel(t)) signals.push({ verdict: classifyConsentWording(t), wording: t });
  for (const t of hiddenTexts(region)) {
    if (classifyConsentWording(t) !== 'unknown') signals.push({ verdict: 'unknown', wording: `texte masqué : ${t}` });
  }
  return signals;
}

// ---------------------------------------------------------------------------------------------------------------
// Verdict

function decide(signals: Signal[]): ConsentReading {
  const seen = new Set<string>();
  const unique = signals.filter((s) => {
    const key = `${s.verdict}|${s.wording}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const wording = unique.map((s) => s.wording).join(' ; ') || undefined;
  const date = unique.map((s) => findDate(s.wording)).find(Boolean);
  const base = { ...(wording ? { wording: wording.slice(0, 300) } : {}), ...(date ? { date } : {}) };
  if (unique.length === 0) return { status: 'unreadable' };
  if (unique.every((s) => s.verdict === 'yes')) return { status: 'granted', ...(date ? { since: date } : {}), ...base };
  if (unique.every((s) => s.verdict === 'no')) return { status: 'refused', ...base };
  return { status: 'unreadable', ...base };
}

/** Consent as one element shows it (a portfolio cell, say), its label known from elsewhere (a column header). */
export function readConsentIn(element: Element, label: string, labels: readonly string[]): ConsentReading {
  const keys = new Set(labels.map(labelKey));
  const isConsentLabel = (t: string) => keys.has(labelKey(t));
  return decide(regionSignals(element, label, isConsentLabel));
}

/**
 * Consent as a page shows it under any of `labels` (preferred first): every place the page shows it is read,
 * and all must agree.
 */
export function readConsent(root: ParentNode, labels: readonly string[], fields: Fields = fieldsOf(root)): ConsentReading {
  const keys = new Set(labels.map(labelKey));
  const isConsentLabel = (t: string) => keys.has(labelKey(t));
  const signals: Signal[] = [];
  const visited = new Set<Element>();
  const add = (region: Element, label: string, hidden = false) => {
    if (visited.has(region)) return;
    visited.add(region);
    const found = regionSignals(region, label, isConsentLabel);
    signals.push(...(hidden || inHidden(region) ? doubtOnly(found) : found));
  };

  const pushText = (text: string, hidden: boolean) => {
    if (isConsentLabel(text)) return;
    const found = [{ verdict: classifyConsentWording(text), wording: text }];
    signals.push(...(hidden ? doubtOnly(found) : found));
  };
  for (const label of fields.labelElements(labels)) {
    if (inDataGrid(label)) continue;
    const text = normalizeText(label.textContent ?? '');
    for (const region of regionsOf(label)) add(region, text, inHidden(label));
    // `<b>Consentement :</b> Oui<br>`: bare text after the label.
    const trailing = trailingText(labelBox(label));
    if (trailing) pushText(trailing, inHidden(label));
  }
  // Controls named only for assistive technologies: `<button role="switch" aria-label="Promotion du profil">`.
  for (const control of Array.from(root.querySelectorAll(CHOICE))) {
    if (visited.has(control) || control.closest('select') && control.tagName !== 'SELECT') continue;
    const names = [control.getAttribute('aria-label') ?? '', ...byIds(control, 'aria-labelledby').map((e) => e.textContent ?? '')];
    const name = names.map(normalizeText).find(isConsentLabel);
    if (name) add(control, name);
  }
  // "Consentement : Oui" written in one element, the label perhaps with a hint (« Consentement <span>(obligatoire)</span> : »).
  for (const el of fields.inlinePairHolders()) {
    const line = linesOf(el)[0] ?? '';
    const match = /^([^:]{1,60}?)\s*:\s*(.*)$/.exec(line);
    if (!match || !isConsentLabel(withoutHint(match[1]!)) || inDataGrid(el) || visited.has(el)) continue;
    visited.add(el);
    if (el.querySelector(CHOICE)) add(el, match[1]!, inHidden(el));
    else if (match[2]) pushText(match[2], inHidden(el) || Array.from(el.querySelectorAll(HIDDEN)).some(isHidden));
  }
  return decide(signals);
}
