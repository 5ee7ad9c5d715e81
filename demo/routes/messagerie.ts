/** Routes of messagerie.localhost — the webmail, plus the inspection API used by tests. */
import { BodyTooLargeError, cleanPath, decodeSegment, type DemoRequest, htmlReply, isRead, jsonReply, methodNotAllowed, noContent, redirect, type Reply } from '../http';
import type { Inbox } from '../inbox';
import { splitAddresses, type Mailbox, type OutgoingMessage } from '../mailbox';
import { renderCompose, renderMailHome, renderMailNotFound, renderOutbox, renderSent } from '../tools/messagerie';
import { answerFields, renderInbox, renderMessage } from '../tools/messagerie-inbox';
import { addToInbox } from './inbox-api';

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

async function readForm(req: DemoRequest): Promise<FormData> {
  const contentType = req.headers['content-type'] ?? '';
  const body = await req.body();
  // undici's Request parses both multipart/form-data and urlencoded bodies.
  return new Request('http://messagerie.localhost/mail/envoyer', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) }).formData();
}

async function send(req: DemoRequest, mailbox: Mailbox): Promise<Reply> {
  let form: FormData;
  try {
    form = await readForm(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return htmlReply(renderCompose({ error: 'Le message dépasse la taille maximale autorisée (20 Mo de pièces jointes).' }), 413);
    }
    return htmlReply(renderCompose({ error: "Le message n'a pas pu être lu. Recommencez l'envoi." }), 400);
  }
  const fields = { to: text(form, 'to'), cc: text(form, 'cc'), subject: text(form, 'subject'), body: text(form, 'body') };

  if (text(form, 'action') === 'brouillon') {
    return htmlReply(renderCompose({ ...fields, notice: 'Brouillon enregistré (démonstration : il n’est pas conservé).' }));
  }
  const to = splitAddresses(fields.to);
  const cc = splitAddresses(fields.cc);
  const invalid = [...to, ...cc].filter((a) => !/^[^@\s]+@[^@\s]+$/.test(a));
  if (to.length === 0) return htmlReply(renderCompose({ ...fields, error: 'Indiquez au moins un destinataire dans le champ « À ».' }), 400);
  if (invalid.length) return htmlReply(renderCompose({ ...fields, error: `Adresse incorrecte : ${invalid.join(', ')}` }), 400);

  const attachments: OutgoingMessage['attachments'] = [];
  for (const entry of form.getAll('attachments')) {
    if (typeof entry === 'string') continue;
    if (entry.name === '' && entry.size === 0) continue; // the empty part a browser sends when no file is chosen
    attachments.push({ fileName: entry.name, contentType: entry.type || 'application/octet-stream', bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  const sent = mailbox.send({ to, cc, subject: fields.subject, body: fields.body, attachments });
  return redirect(`/mail/envoye/${sent.id}`);
}

/** Répondre / Transférer from a message: the compose form, filled. */
function composeFor(req: DemoRequest, inbox: Inbox): string {
  for (const how of ['repondre', 'transferer'] as const) {
    const id = req.url.searchParams.get(how);
    const message = id ? inbox.find(id) : undefined;
    if (message) return renderCompose(answerFields(message, how));
  }
  return renderCompose();
}

export function messagerieRoute(mailbox: Mailbox, inbox: Inbox) {
  return async (req: DemoRequest): Promise<Reply> => {
    const path = cleanPath(req.url);

    if (path === '/api/inbox') {
      if (req.method === 'POST') return addToInbox(req, inbox);
      if (req.method === 'DELETE') {
        inbox.reset();
        return noContent();
      }
      if (isRead(req)) return jsonReply(inbox.list());
      return methodNotAllowed(['GET', 'HEAD', 'POST', 'DELETE']);
    }
    const remove = /^\/mail\/message\/([^/]+)\/supprimer$/.exec(path);
    if (remove) {
      if (req.method !== 'POST') return methodNotAllowed(['POST']);
      inbox.remove(decodeSegment(remove[1]!));
      return redirect('/mail/dossier/reception');
    }

    if (path === '/api/sent') {
      if (req.method === 'DELETE') {
        mailbox.clear();
        return noContent();
      }
      if (isRead(req)) return jsonReply(mailbox.list());
      return methodNotAllowed(['GET', 'HEAD', 'DELETE']);
    }
    if (path === '/mail/envoyer') {
      if (req.method !== 'POST') return methodNotAllowed(['POST']);
      return send(req, mailbox);
    }
    if (!isRead(req)) return methodNotAllowed(['GET', 'HEAD']);

    if (path === '/') return htmlReply(renderMailHome(mailbox.list().length));
    if (path === '/mail/nouveau') return htmlReply(composeFor(req, inbox));
    if (path === '/mail/dossier/reception' || path === '/mail/reception') return htmlReply(renderInbox(inbox.list(), inbox.unreadCount()));
    const received = /^\/mail\/message\/([^/]+)$/.exec(path);
    if (received) {
      const message = inbox.find(decodeSegment(received[1]!));
      if (!message) return htmlReply(renderMailNotFound('Message introuvable', "Ce message n'existe pas ou a été supprimé."), 404);
      inbox.markRead(message.id);
      return htmlReply(renderMessage(message, inbox.unreadCount()));
    }
    if (path === '/mail/boite-envoi' || path === '/mail/dossier/envoyes') return htmlReply(renderOutbox(mailbox.list()));
    const sent = /^\/mail\/envoye\/([^/]+)$/.exec(path);
    if (sent) {
      const message = mailbox.find(decodeSegment(sent[1]!));
      if (message) return htmlReply(renderSent(message));
      return htmlReply(renderMailNotFound('Message introuvable', "Ce message n'existe pas ou a été supprimé."), 404);
    }
    return htmlReply(renderMailNotFound('Page introuvable', `La page demandée (${path}) n'existe pas.`), 404);
  };
}
