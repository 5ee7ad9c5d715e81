/**
 * Templates of the webmail's received mail: the inbox list (sender, subject with a preview line, date, unread)
 * and the reading page of one message (header, body, the quoted original in a `<blockquote>`), OWA-like.
 */
import { frDateTimeAt } from '../format';
import { html, type SafeHtml } from '../html';
import type { Correspondent, ReceivedMessage } from '../inbox';
import { page, SIGNATURE } from './messagerie';

/** Where a reply's quoted original starts (Outlook, then a forward). */
const QUOTE_START = /^(-----Message d'origine-----|-{5,} Message transféré -{5,})$/m;

const INBOX_STYLE = html`
    <style>
      table.liste-messages { border-collapse: collapse; width: 100%; font-size: 13px; }
      table.liste-messages th { text-align: left; color: #666; font-weight: 400; border-bottom: 1px solid #e1e1e1; padding: 4px 6px; }
      table.liste-messages td { border-bottom: 1px solid #eee; padding: 6px; vertical-align: top; }
      table.liste-messages tr.non-lu td { font-weight: 600; }
      table.liste-messages tr.non-lu td.etat { border-left: 3px solid #0a6ebd; }
      table.liste-messages .apercu { color: #777; font-weight: 400; font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 620px; }
      table.liste-messages a { color: inherit; text-decoration: none; }
      .entete-message { display: grid; grid-template-columns: 70px 1fr; row-gap: 3px; margin: 8px 0 14px 0; color: #444; }
      .entete-message dd { margin: 0; }
      .corps-lecture { font-family: Calibri, "Segoe UI", Arial, sans-serif; font-size: 14px; line-height: 1.4; max-width: 820px; }
      .corps-lecture blockquote { margin: 12px 0 0 0; padding-left: 10px; border-left: 2px solid #c8c8c8; color: #555; }
      .barre-actions a.bouton { background: #fff; border: 1px solid #c8c8c8; padding: 5px 14px; color: #262626; text-decoration: none; }
    </style>`;

const person = (c: Correspondent) => (c.name ? html`${c.name} &lt;${c.address}&gt;` : html`${c.address}`);

/** Text with its line breaks, every line escaped. */
const lines = (text: string): SafeHtml[] =>
  text.split('\n').map((line, i) => (i === 0 ? html`${line}` : html`<br>
${line}`));

/** The first words of the body, as the list's preview line. */
function preview(body: string): string {
  const own = body.split(QUOTE_START)[0] ?? '';
  const text = own.replace(/\s+/g, ' ').trim();
  return text.length > 110 ? `${text.slice(0, 110)}…` : text;
}

export function renderInbox(messages: readonly ReceivedMessage[], unread: number): string {
  const rows = messages.map(
    (m) => html`
        <tr${m.read ? null : html` class="non-lu"`}>
          <td class="etat">${m.read ? null : html`<span class="sr-only">Non lu</span>`}</td>
          <td class="expediteur"><span title="${m.from.address}">${m.from.name ?? m.from.address}</span></td>
          <td class="objet"><a href="/mail/message/${encodeURIComponent(m.id)}">${m.subject || '(sans objet)'}</a>
            <div class="apercu">${preview(m.body)}</div></td>
          <td class="date">${frDateTimeAt(new Date(m.receivedAt)).replace(' à ', ' ')}</td>
        </tr>`,
  );
  const content = html`${INBOX_STYLE}
    <h1 style="font-size:18px;margin:0 0 10px 0">Boîte de réception</h1>
    <div class="barre-actions">
      <button type="button" class="principal" onclick="window.location.href='/mail/nouveau'">Nouveau message</button>
      <button type="button" onclick="window.location.reload()">Actualiser</button>
    </div>
    <table class="liste-messages" id="liste-messages">
      <thead>
        <tr><th><span class="sr-only">État</span></th><th>De</th><th>Objet</th><th>Reçu</th></tr>
      </thead>
      <tbody>${rows.length ? rows : html`
        <tr><td colspan="4">Aucun message dans ce dossier.</td></tr>`}
      </tbody>
    </table>
    <p style="font-size:11px;color:#888">${messages.length} message(s), dont ${unread} non lu(s).</p>`;
  return page('Boîte de réception - Messagerie', 'reception', content, unread);
}

export function renderMessage(m: ReceivedMessage, unread: number): string {
  const [own = '', ...quoted] = m.body.split(QUOTE_START);
  // split with a capture group keeps the marker: [own, marker, rest, marker, rest…]
  const quote = quoted.length ? quoted.join('') : undefined;
  const id = encodeURIComponent(m.id);
  const content = html`${INBOX_STYLE}
    <article aria-labelledby="objet-message">
      <div class="barre-actions">
        <a class="bouton" href="/mail/nouveau?repondre=${id}">Répondre</a>
        <a class="bouton" href="/mail/nouveau?transferer=${id}">Transférer</a>
        <form method="post" action="/mail/message/${id}/supprimer" style="display:inline"><button type="submit">Supprimer</button></form>
        <a class="bouton" href="/mail/dossier/reception">Retour à la boîte de réception</a>
      </div>
      <h1 id="objet-message" style="font-size:18px;margin:4px 0">${m.subject || '(sans objet)'}</h1>
      <dl class="entete-message">
        <dt>De</dt>
        <dd id="expediteur">${person(m.from)}</dd>
        <dt>À</dt>
        <dd>${m.to.join('; ')}</dd>${m.cc.length ? html`
        <dt>Cc</dt>
        <dd>${m.cc.join('; ')}</dd>` : null}
        <dt>Reçu le</dt>
        <dd id="date-reception">${frDateTimeAt(new Date(m.receivedAt))}</dd>
      </dl>
      <div class="corps-lecture" id="corps-lecture">
        <p>${lines(own.trim())}</p>${quote ? html`
        <blockquote>${lines(quote.trim())}</blockquote>` : null}
      </div>
    </article>`;
  return page(`${m.subject || '(sans objet)'} - Messagerie`, 'reception', content, unread);
}

/** Répondre / Transférer: the compose form's fields, the original quoted below the signature. */
export function answerFields(m: ReceivedMessage, how: 'repondre' | 'transferer'): { to?: string; subject: string; body: string } {
  const header = [
    "-----Message d'origine-----",
    `De : ${m.from.name ? `${m.from.name} <${m.from.address}>` : m.from.address}`,
    `Envoyé : ${frDateTimeAt(new Date(m.receivedAt))}`,
    `Objet : ${m.subject}`,
    '',
    m.body,
  ].join('\n');
  const strip = m.subject.replace(/^((RE|TR|Fwd?)\s*:\s*)+/i, '');
  return how === 'repondre'
    ? { to: m.from.address, subject: `RE: ${strip}`, body: `${SIGNATURE}\n\n${header}` }
    : { subject: `TR: ${strip}`, body: `${SIGNATURE}\n\n${header}` };
}
