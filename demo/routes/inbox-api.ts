/**
 * `POST /api/inbox` (JSON): a message arrives in the demo inbox. Either an employer's answer to a message the
 * webmail sent — `{ replyTo: <sent message id or PRF-… reference>, text, kind?: 'reply' | 'forward' | 'quoted',
 * from?, forwardedBy?, receivedAt? }` — or any message — `{ from, subject, body, receivedAt? }`.
 * Answers 201 with the stored message (its page: `/mail/message/{id}`).
 */
import * as z from 'zod';
import { BodyTooLargeError, type DemoRequest, jsonReply, type Reply } from '../http';
import type { Inbox } from '../inbox';

const correspondent = z.union([
  z.email().transform((address) => ({ address })),
  z.object({ name: z.string().trim().min(1).optional(), address: z.email() }),
]);
const instant = z.iso.datetime({ offset: true }).transform((at) => new Date(at).toISOString());

const replySchema = z.object({
  replyTo: z.string().trim().min(1),
  text: z.string().min(1),
  kind: z.enum(['reply', 'forward', 'quoted']).optional(),
  from: correspondent.optional(),
  forwardedBy: correspondent.optional(),
  receivedAt: instant.optional(),
});
const messageSchema = z.object({
  from: correspondent,
  subject: z.string(),
  body: z.string(),
  receivedAt: instant.optional(),
});

const refused = (message: string) => jsonReply({ error: message }, 400);

export async function addToInbox(req: DemoRequest, inbox: Inbox): Promise<Reply> {
  let raw: unknown;
  try {
    raw = JSON.parse((await req.body()).toString('utf8'));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return jsonReply({ error: 'Message trop volumineux.' }, 413);
    return refused('Corps JSON attendu.');
  }
  if (raw && typeof raw === 'object' && 'replyTo' in raw) {
    const reply = replySchema.safeParse(raw);
    if (!reply.success) return refused(z.prettifyError(reply.error));
    const { replyTo, ...options } = reply.data;
    try {
      return jsonReply(inbox.reply(replyTo, options), 201);
    } catch (error) {
      return jsonReply({ error: (error as Error).message }, 404);
    }
  }
  const message = messageSchema.safeParse(raw);
  if (!message.success) return refused(z.prettifyError(message.error));
  return jsonReply(inbox.receive(message.data), 201);
}
