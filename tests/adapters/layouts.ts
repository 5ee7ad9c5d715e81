/**
 * Layouts of the same content (issue 16): a label/value pair, a list, a badge, a banner, tabs, each in every form
 * a redesign may give it. The layout fuzz test renders a file and an establishment with forms picked at random,
 * and the label tests click the value of each form.
 */

/** Every way a label/value pair is held. */
export const PAIR_FORMS = [
  'th-td',
  'td-td',
  'dl',
  'div-side',
  'div-stacked',
  'span-br',
  'label-output',
  'label-input',
  'aria-labelledby',
  'aria-describedby',
  'aria-row',
  'inline-text',
  'heading',
] as const;
export type PairForm = (typeof PAIR_FORMS)[number];

/** Forms whose value may hold blocks (a list): not an `input`, not a one-line text. */
export const BLOCK_PAIR_FORMS: readonly PairForm[] = ['th-td', 'td-td', 'dl', 'div-side', 'div-stacked', 'aria-labelledby', 'aria-describedby', 'aria-row', 'heading'];

/** Every way a list value is written. */
export const LIST_FORMS = ['ul', 'ol', 'chips', 'comma', 'semicolon', 'slash', 'bullet', 'br', 'divs'] as const;
export type ListForm = (typeof LIST_FORMS)[number];

/** Hints and badges written beside a label. */
export const LABEL_HINTS = ['', ' <span>(obligatoire)</span>', ' <span class="badge">Nouveau</span>', ' *', ' (facultatif)'] as const;

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

let ids = 0;
const nextId = () => `z${(ids++).toString(36)}`;

/** A list of items (already HTML) in one form. */
export function listHtml(items: readonly string[], form: ListForm): string {
  switch (form) {
    case 'ul':
      return `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
    case 'ol':
      return `<ol>${items.map((i) => `<li>${i}</li>`).join('')}</ol>`;
    case 'chips':
      return `<div>${items.map((i) => `<span class="tag">${i}</span>`).join(' ')}</div>`;
    case 'comma':
      return `<span>${items.join(', ')}</span>`;
    case 'semicolon':
      return `<span>${items.join(' ; ')}</span>`;
    case 'slash':
      return `<span>${items.join(' / ')}</span>`;
    case 'bullet':
      return `<span>${items.join(' • ')}</span>`;
    case 'br':
      return `<div>${items.join('<br>')}</div>`;
    case 'divs':
      return `<div>${items.map((i) => `<div>${i}</div>`).join('')}</div>`;
  }
}

/**
 * One label/value pair in one form. `value` is HTML (text already escaped); `text` its plain text, for the forms
 * that can only hold text (an input's value). The pair is wrapped in its own block, as a redesigned card would.
 */
export function pairHtml(label: string, value: string, form: PairForm, text = value): string {
  const id = nextId();
  switch (form) {
    case 'th-td':
      return `<table><tr><th scope="row">${label}</th><td>${value}</td></tr></table>`;
    case 'td-td':
      return `<table><tr><td>${label}</td><td>${value}</td></tr></table>`;
    case 'dl':
      return `<dl><dt>${label}</dt><dd>${value}</dd></dl>`;
    case 'div-side':
      return `<div class="row"><div class="col-4"><span>${label}</span></div><div class="col-8">${value}</div></div>`;
    case 'div-stacked':
      return `<div class="field"><div class="field-label">${label}</div><div class="field-value">${value}</div></div>`;
    case 'span-br':
      return `<div><span>${label}</span><br><span>${value}</span></div>`;
    case 'label-output':
      return `<div><label for="${id}">${label}</label><output id="${id}">${value}</output></div>`;
    case 'label-input':
      return `<div><label for="${id}">${label}</label><input id="${id}" type="text" readonly value="${escapeHtml(text)}"></div>`;
    case 'aria-labelledby':
      return `<div><span id="${id}">${label}</span><div class="v" aria-labelledby="${id}">${value}</div></div>`;
    case 'aria-describedby':
      return `<div><span aria-describedby="${id}">${label}</span> <div id="${id}">${value}</div></div>`;
    case 'aria-row':
      return `<div role="table"><div role="row"><div role="rowheader">${label}</div><div role="cell">${value}</div></div></div>`;
    case 'inline-text':
      return `<p>${label} : ${value}</p>`;
    case 'heading':
      return `<section><h3>${label}</h3>${value}</section>`;
  }
}

/** The element holding the value of a pair rendered by `pairHtml`, as a counsellor would click it. */
export function valueElementOf(container: Element, form: PairForm): Element {
  const pick = (selector: string) => {
    const found = container.querySelector(selector);
    if (!found) throw new Error(`no value element ${selector} in ${form}`);
    return found;
  };
  switch (form) {
    case 'th-td':
    case 'td-td':
      return pick('td:last-child');
    case 'dl':
      return pick('dd');
    case 'div-side':
      return pick('.col-8');
    case 'div-stacked':
      return pick('.field-value');
    case 'span-br':
      return pick(':scope > div > span:last-of-type');
    case 'label-output':
      return pick('output');
    case 'label-input':
      return pick('input');
    case 'aria-labelledby':
      return pick('[aria-labelledby]');
    case 'aria-describedby':
      return pick('[id]');
    case 'aria-row':
      return pick('[role="cell"]');
    case 'inline-text':
      return pick('p');
    case 'heading':
      return container.querySelector('section > :last-child')!;
  }
}

/** Every way the tools show the signed-in counsellor (Jeanne MARTIN, Lyon Part-Dieu, 69031). */
export const BANNERS = [
  '<p>Conseiller : Jeanne MARTIN — Agence Lyon Part-Dieu (69031)</p>',
  '<div>Connecté&nbsp;: <strong>Jeanne MARTIN</strong> | Agence 69031 – Lyon Part-Dieu</div>',
  '<div class="user"><span>Conseillère</span> <strong>Jeanne MARTIN</strong> <span>Agence Lyon Part-Dieu (69031)</span></div>',
  '<dl class="session"><dt>Conseiller</dt><dd>Jeanne MARTIN</dd><dt>Agence</dt><dd>Lyon Part-Dieu (69031)</dd></dl>',
  '<p>Connecté en tant que Jeanne MARTIN · Agence Lyon Part-Dieu (69031)</p>',
  '<button type="button" aria-label="Conseiller : Jeanne MARTIN — Agence Lyon Part-Dieu (69031)"><span aria-hidden="true">JM</span></button>',
] as const;
export const BANNER_AGENT = { name: 'Jeanne MARTIN', agencyCode: '69031', agencyName: 'Lyon Part-Dieu' };

/** Blocks laid out as tabs: every panel in the DOM, all but the first hidden. */
export function tabsHtml(panels: readonly { title: string; body: string }[]): string {
  const tabIds = panels.map(() => nextId());
  const tabs = panels
    .map((p, i) => `<button role="tab" id="${tabIds[i]}" aria-selected="${i === 0}">${escapeHtml(p.title)}</button>`)
    .join('');
  const bodies = panels
    .map((p, i) => `<div role="tabpanel" aria-labelledby="${tabIds[i]}"${i === 0 ? '' : ' hidden'}>${p.body}</div>`)
    .join('');
  return `<div class="tabs"><div role="tablist">${tabs}</div>${bodies}</div>`;
}
