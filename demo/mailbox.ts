/**
 * The demo webmail's sent items, kept in memory for the life of the server.
 * Tests read them back through `GET /api/sent`.
 */
import { createHash, randomUUID } from 'node:crypto';

export interface SentAttachment {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface SentMessage {
  id: string;
  to: string[];
  cc: string[];
  subject: string;
  body: string;
  attachments: SentAttachment[];
  /** ISO instant (UTC). */
  sentAt: string;
}

export interface OutgoingMessage {
  to: string[];
  cc: string[];
  subject: string;
  body: string;
  attachments: { fileName: string; contentType: string; bytes: Uint8Array }[];
}

/** `a@x.fr, b@y.fr; c@z.fr` → three trimmed addresses. */
export function splitAddresses(field: string): string[] {
  return field
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
}

export class Mailbox {
  private readonly sent: SentMessage[] = [];

  constructor(private readonly clock: () => Date = () => new Date()) {}

  send(message: OutgoingMessage): SentMessage {
    const stored: SentMessage = {
      id: randomUUID(),
      to: message.to,
      cc: message.cc,
      subject: message.subject,
      body: message.body,
      attachments: message.attachments.map((a) => ({
        fileName: a.fileName,
        contentType: a.contentType,
        size: a.bytes.byteLength,
        sha256: createHash('sha256').update(a.bytes).digest('hex'),
      })),
      sentAt: this.clock().toISOString(),
    };
    this.sent.push(stored);
    return stored;
  }

  find(id: string): SentMessage | undefined {
    return this.sent.find((m) => m.id === id);
  }

  list(): readonly SentMessage[] {
    return this.sent;
  }

  clear(): void {
    this.sent.length = 0;
  }
}
