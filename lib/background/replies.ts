/**
 * Employers' replies read in the webmail. The inbox list and each message page opened leave, in storage.local,
 * the replies they showed (address, sender, date, references: no subject, no body); the ones that still wait for
 * an outcome are listed on the inbox and counted on the toolbar badge. An outcome is recorded from a message page
 * as an ordinary promotion event, dated from the message as the background read it, never twice.
 */
import type { ReadResult } from '@/lib/domain/legacy';
import { awaitsRecording, promotionsReferredTo, replyPerson, replyRecordingProblem } from '@/lib/domain/reply';
import { REPLIES_SEEN_KEY, replyRecordRequestSchema, replySeenSchema, type PendingReply, type ReplySeen } from '@/lib/messaging/reply-commands';
import type { AddEventOutcome } from '@/lib/messaging/follow-up-commands';
import { localStore } from '@/lib/platform';
import { currentTime } from '@/lib/reminders/clock';
import { clearSnooze } from '@/lib/reminders/snooze-store';
import { addEvent, describeIssues, getPromotion, PromotionRefused, type ProfilenceDb } from '@/lib/store';
import { signedInAgent } from './agent';
import { getContext } from './tab-contexts';

/** Replies remembered at most: the newest ones (an inbox page shows a few dozen). */
export const MAX_REPLIES_SEEN = 200;

export async function loadRepliesSeen(): Promise<ReplySeen[]> {
  const stored = await localStore.get<unknown[]>(REPLIES_SEEN_KEY);
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((raw) => {
    const parsed = replySeenSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The replies a webmail page shows; nothing for other pages. */
function repliesOn(result: ReadResult): ReplySeen[] {
  if (!result.recognized || result.tool !== 'messagerie') return [];
  if (result.page === 'inbox') {
    return result.data.messages.map(({ url, from, receivedAt, references }) => ({ url, from, receivedAt, references }));
  }
  if (result.page === 'message' && result.data.references.length > 0) {
    const { from, receivedAt, references } = result.data;
    return [{ url: result.url, from, receivedAt, references }];
  }
  return [];
}

const sameReply = (a: ReplySeen, b: ReplySeen) =>
  a.url === b.url && a.from === b.from && a.receivedAt === b.receivedAt && a.references.join() === b.references.join();

/** Remembers the replies a page showed (a message page completes what its list row showed). True when it changed. */
export async function rememberReplies(result: ReadResult): Promise<boolean> {
  const shown = repliesOn(result);
  if (shown.length === 0) return false;
  const seen = await loadRepliesSeen();
  const byUrl = new Map(seen.map((r) => [r.url, r] as const));
  let changed = false;
  for (const reply of shown) {
    const known = byUrl.get(reply.url);
    if (known && sameReply(known, reply)) continue;
    // The message page reads the quoted text too: its references include the list row's.
    const references = known ? [...new Set([...known.references, ...reply.references])] : reply.references;
    byUrl.set(reply.url, { ...reply, references });
    changed = true;
  }
  if (!changed) return false;
  const kept = [...byUrl.values()].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt)).slice(0, MAX_REPLIES_SEEN);
  await localStore.set(REPLIES_SEEN_KEY, kept);
  return true;
}

/** The remembered replies that still wait for an outcome, newest first, each with the promotions it answers. */
export async function pendingReplies(db: ProfilenceDb): Promise<PendingReply[]> {
  const seen = await loadRepliesSeen();
  const references = [...new Set(seen.flatMap((r) => r.references))];
  if (references.length === 0) return [];
  const promotions = await db.promotions.where('reference').anyOf(references).toArray();
  return seen.flatMap((reply) => {
    const waiting = promotionsReferredTo(reply.references, promotions).filter((p) => awaitsRecording(p, reply.receivedAt));
    if (waiting.length === 0) return [];
    const { url, from, receivedAt } = reply;
    const answered = waiting.map((p) => ({ id: p.id, reference: p.reference, person: replyPerson(p), establishment: p.establishment.name, status: p.status }));
    return [{ url, from, receivedAt, promotions: answered }];
  });
}

/** For the toolbar badge, beside the follow-ups due. */
export const repliesWaiting = async (db: ProfilenceDb): Promise<number> => (await pendingReplies(db)).length;

export interface ReplyCommandsOptions {
  now?: () => Promise<Date>;
  /** A promotion's status or the replies changed (the badge is counted again). */
  changed?: () => Promise<unknown>;
}

const NO_MESSAGE = "Ce message n'est plus ouvert : rouvrez-le dans la messagerie puis réessayez.";

export function createReplyCommands(db: ProfilenceDb, options: ReplyCommandsOptions = {}) {
  const now = options.now ?? currentTime;
  return {
    /** A page was read: remember the replies it shows, and recount when that changed. */
    async onPageRead(result: ReadResult): Promise<void> {
      if (await rememberReplies(result)) await options.changed?.();
    },

    pending: () => pendingReplies(db),

    async record(raw: unknown): Promise<AddEventOutcome> {
      const parsed = replyRecordRequestSchema.safeParse(raw);
      if (!parsed.success) return { ok: false, code: 'invalid', message: `Action non enregistrée : ${describeIssues(parsed.error)}` };
      const { tabId, promotionId, type, reason, note } = parsed.data;
      const reading = (await getContext(tabId))?.result;
      if (!reading?.recognized || reading.page !== 'message') return { ok: false, code: 'invalid', message: NO_MESSAGE };
      const promotion = await getPromotion(db, promotionId);
      if (!promotion) return { ok: false, code: 'not_found', message: 'Promotion introuvable : elle a peut-être été supprimée. Rechargez la liste.' };
      const { references, receivedAt } = reading.data;
      const problem = replyRecordingProblem(promotion, references, type, receivedAt);
      if (problem) return { ok: false, code: 'transition', message: problem };
      const agent = await signedInAgent(db);
      try {
        const updated = await addEvent(
          db,
          promotionId,
          { type, at: receivedAt, by: agent.id, ...(agent.name ? { byName: agent.name } : {}), ...(type === 'declined' ? { reason } : {}), ...(note ? { note } : {}) },
          await now(),
        );
        await clearSnooze(promotionId);
        await options.changed?.();
        return { ok: true, status: updated.status };
      } catch (err) {
        if (err instanceof PromotionRefused) {
          return { ok: false, code: err.code === 'transition' || err.code === 'not_found' ? err.code : 'invalid', message: err.message };
        }
        throw err;
      }
    },
  };
}
