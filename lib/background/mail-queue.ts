/**
 * E-mails prepared for promotions, one at a time in the webmail: open (or reuse) the new-message page,
 * fill it when the page says it is ready, and move to the next one once the sent confirmation shows.
 * Kept in session storage: a stopped service worker picks the queue up where it was.
 */
import { z } from 'zod';
import { composeUrlFor } from '@/lib/config';
import type { ReadResult } from '@/lib/domain/legacy';
import { sendMessage } from '@/lib/messaging/protocol';
import { sessionStore, tabs } from '@/lib/platform';

const attachmentSchema = z.object({
  fileName: z.string().min(1).max(255),
  type: z.string().max(100),
  base64: z.string().max(30_000_000),
});

export const mailJobSchema = z.object({
  promotionId: z.string(),
  reference: z.string(),
  to: z.array(z.string()).min(1),
  subject: z.string(),
  body: z.string(),
  attachment: attachmentSchema.optional(),
});
export type MailJob = z.infer<typeof mailJobSchema>;

const queueStateSchema = z.object({
  jobs: z.array(mailJobSchema),
  /** The webmail tab the current job was opened in, and whether it was filled already. */
  tabId: z.number().int().optional(),
  filled: z.boolean().default(false),
});
type QueueState = z.infer<typeof queueStateSchema>;

const KEY = 'mail:queue';

async function load(): Promise<QueueState> {
  const parsed = queueStateSchema.safeParse(await sessionStore.get(KEY));
  return parsed.success ? parsed.data : { jobs: [], filled: false };
}
const save = (state: QueueState) => sessionStore.set(KEY, state);

export interface MailQueueDeps {
  /** An open webmail tab, `preferred` first if it still is one (its URL gives the webmail's origin). */
  findWebmailTab(preferred?: number): Promise<{ tabId: number; url: string } | undefined>;
  /** Called when the sent confirmation of a queued promotion shows. */
  onSent(reference: string, at: string): Promise<void>;
}

export function createMailQueue(deps: MailQueueDeps) {
  async function openCurrent(state: QueueState): Promise<void> {
    if (state.jobs.length === 0) return;
    const webmail = await deps.findWebmailTab(state.tabId);
    // The tab of the previous e-mail is reused even when its page is not a known webmail page any more.
    const opened = await tabs.openOrNavigate(webmail?.tabId ?? state.tabId, composeUrlFor(webmail?.url));
    await save({ ...state, tabId: opened, filled: false });
  }

  return {
    async enqueue(jobs: MailJob[]): Promise<void> {
      const state = await load();
      const wasIdle = state.jobs.length === 0;
      state.jobs.push(...jobs.map((j) => mailJobSchema.parse(j)));
      await save(state);
      if (wasIdle) await openCurrent(state);
    },

    async pending(): Promise<MailJob[]> {
      return (await load()).jobs;
    },

    /** Every reading of a webmail page passes here. */
    async onWebmailPage(tabId: number, result: ReadResult): Promise<void> {
      if (!result.recognized || result.tool !== 'messagerie') return;
      const state = await load();
      if (result.page === 'compose' && state.tabId === tabId && !state.filled && state.jobs[0]) {
        const job = state.jobs[0];
        await save({ ...state, filled: true });
        const outcome = await sendMessage(
          'compose.fill',
          { to: job.to, subject: job.subject, body: job.body, attachment: job.attachment },
          tabId,
        ).catch(() => ({ filled: false as const, reason: 'page fermée' }));
        if (!outcome.filled) await save({ ...state, filled: false });
        return;
      }
      if (result.page === 'sent') {
        const index = state.jobs.findIndex((j) => result.data.subject.includes(j.reference));
        if (index < 0) return;
        const [job] = state.jobs.splice(index, 1);
        await deps.onSent(job!.reference, result.data.sentAt);
        const next: QueueState = { jobs: state.jobs, tabId: index === 0 ? tabId : state.tabId, filled: false };
        await save(next);
        if (index === 0 && next.jobs.length > 0) await openCurrent(next);
      }
    },

    /**
     * A promotion whose e-mail waits was edited: its e-mail is replaced (dropped when `job` is undefined),
     * and filled again if it is the one open in the webmail. Answers whether that e-mail was waiting.
     */
    async replace(promotionId: string, job: MailJob | undefined): Promise<boolean> {
      const state = await load();
      const index = state.jobs.findIndex((j) => j.promotionId === promotionId);
      if (index < 0) return false;
      if (job) state.jobs[index] = mailJobSchema.parse(job);
      else state.jobs.splice(index, 1);
      await save(state);
      if (index === 0 && state.jobs.length > 0) await openCurrent(state);
      return true;
    },

    /** The counsellor gave up the remaining e-mails (the promotions stay as drafts). */
    async clear(): Promise<void> {
      await save({ jobs: [], filled: false });
    },
  };
}
export type MailQueue = ReturnType<typeof createMailQueue>;
