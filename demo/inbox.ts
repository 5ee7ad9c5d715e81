/**
 * The demo webmail's inbox, kept in memory for the life of the server: seeded mail (demo/seed/inbox.ts) and the
 * messages a test or a tester adds — any message, or an employer's reply to a message the webmail sent
 * (« RE: », a colleague's « TR: », or a reply that keeps the reference only in the quoted text).
 * Served as JSON at `GET /api/inbox`; `POST /api/inbox` adds one (see demo/README.md).
 */
import { randomUUID } from 'node:crypto';
import { frDateTimeAt } from './format';
import type { Mailbox, SentMessage } from './mailbox';
import { seedInbox } from './seed/inbox';

export interface Correspondent {
  name?: string;
  address: string;
}

export interface ReceivedMessage {
  id: string;
  from: Correspondent;
  to: string[];
  cc: string[];
  subject: string;
  /** Plain text; a quoted original starts at a line `-----Message d'origine-----` or `---------- Message transféré ----------`. */
  body: string;
  /** ISO instant (UTC). */
  receivedAt: string;
  read: boolean;
}

export type IncomingMessage = Omit<ReceivedMessage, 'id' | 'read' | 'receivedAt' | 'to' | 'cc'> &
  Partial<Pick<ReceivedMessage, 'receivedAt' | 'to' | 'cc' | 'read'>>;

/** How an employer's answer comes back: a reply, a colleague's forward, or a new message quoting the proposal. */
export type ReplyKind = 'reply' | 'forward' | 'quoted';

export interface ReplyOptions {
  /** The employer's words. */
  text: string;
  kind?: ReplyKind;
  /** Who answers; the sent message's first recipient by default. */
  from?: Correspondent;
  /** Who forwards (`forward` only); a colleague of the employer by default. */
  forwardedBy?: Correspondent;
  /** When it arrives; now by default, never in the same minute as the proposal (the webmail shows minutes). */
  receivedAt?: string;
}

/** The counsellor whose webmail this is (the banner of every page). */
export const OWNER = 'jeanne.martin@example.fr';
const ORIGINAL = "-----Message d'origine-----";
/** A promotion's reference in a subject the webmail sent. */
const REFERENCE = /PRF-[0-9A-Z]{6}/;

const nameOf = (c: Correspondent) => (c.name ? `${c.name} <${c.address}>` : c.address);

/** Outlook's quoted header, then the original text. */
function quote(header: { from: string; at: string; to: string; subject: string }, text: string): string {
  return [ORIGINAL, `De : ${header.from}`, `Envoyé : ${header.at}`, `À : ${header.to}`, `Objet : ${header.subject}`, '', text].join('\n');
}

export class Inbox {
  private readonly messages: ReceivedMessage[] = [];

  constructor(
    private readonly mailbox: Mailbox,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.reset();
  }

  /** Back to the seeded mail only. */
  reset(): void {
    this.messages.length = 0;
    for (const m of seedInbox(this.clock())) this.messages.push(m);
  }

  receive(message: IncomingMessage): ReceivedMessage {
    const stored: ReceivedMessage = {
      id: randomUUID(),
      from: message.from,
      to: message.to ?? [OWNER],
      cc: message.cc ?? [],
      subject: message.subject,
      body: message.body,
      receivedAt: message.receivedAt ?? this.answerTime(`${message.subject}\n${message.body}`),
      read: message.read ?? false,
    };
    this.messages.push(stored);
    return stored;
  }

  /** An employer's answer to a message the webmail sent, found by its id or by a reference its subject carries. */
  reply(to: string, options: ReplyOptions): ReceivedMessage {
    const sent = this.mailbox.list().find((m) => m.id === to || m.subject.includes(to));
    if (!sent) throw new Error(`Aucun message envoyé ne correspond à « ${to} ».`);
    const employer = options.from ?? { address: sent.to[0]! };
    const receivedAt = options.receivedAt ?? this.replyTime(sent);
    const original = quote({ from: OWNER, at: frDateTimeAt(new Date(sent.sentAt)), to: sent.to.join('; '), subject: sent.subject }, sent.body);
    const kind = options.kind ?? 'reply';
    if (kind === 'reply') {
      return this.receive({ from: employer, subject: `RE: ${sent.subject}`, body: `${options.text}\n\n${original}`, receivedAt });
    }
    if (kind === 'quoted') {
      return this.receive({ from: employer, subject: 'Votre proposition de candidat', body: `${options.text}\n\n${original}`, receivedAt });
    }
    const colleague = options.forwardedBy ?? { name: 'Accueil', address: `accueil@${employer.address.split('@')[1]}` };
    const answered = quote(
      { from: nameOf(employer), at: frDateTimeAt(new Date(receivedAt)), to: colleague.address, subject: `RE: ${sent.subject}` },
      `${options.text}\n\n${original}`,
    );
    return this.receive({
      from: colleague,
      subject: `TR: RE: ${sent.subject}`,
      body: `Bonjour Madame Martin,\n\nJe vous transfère la réponse de ma collègue, qui n'avait pas votre adresse.\n\nCordialement\n\n${answered}`,
      receivedAt,
    });
  }

  /** Now; for a message citing proposals the webmail sent, the reply time of the latest one it cites. */
  private answerTime(text: string): string {
    const cites = (m: SentMessage) => {
      const reference = REFERENCE.exec(m.subject)?.[0];
      return reference !== undefined && text.toUpperCase().includes(reference);
    };
    const latest = this.mailbox.list().filter(cites).sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt))[0];
    return latest ? this.replyTime(latest) : this.clock().toISOString();
  }

  /** Now, but at least the minute after the proposal: a reply is never shown before what it answers. */
  private replyTime(sent: SentMessage): string {
    const now = this.clock().getTime();
    const nextMinute = Math.floor(Date.parse(sent.sentAt) / 60_000) * 60_000 + 60_000;
    return new Date(Math.max(now, nextMinute)).toISOString();
  }

  find(id: string): ReceivedMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  /** Newest first, as a webmail lists them. */
  list(): ReceivedMessage[] {
    return [...this.messages].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
  }

  markRead(id: string): void {
    const message = this.find(id);
    if (message) message.read = true;
  }

  remove(id: string): boolean {
    const index = this.messages.findIndex((m) => m.id === id);
    if (index >= 0) this.messages.splice(index, 1);
    return index >= 0;
  }

  unreadCount(): number {
    return this.messages.filter((m) => !m.read).length;
  }
}
