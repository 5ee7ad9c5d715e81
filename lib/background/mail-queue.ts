/**
 * E-mails prepared for promotions, one at a time in the webmail: open (or reuse) the new-message page,
 * fill it when the page says it is ready, and move to the next one once the sent confirmation shows.
 *
 * The queue lives in storage.local so a browser restart loses no promotion: it keeps only the promotion id,
 * its reference and the subject (no personal data). The e-mail itself (address, text, CV) stays in session
 * storage, like the tab readings: after a restart it is made again from the promotion as recorded and the CV
 * fetched again from the file (lib/background/mail-commands.ts). A restart parks every e-mail: none reopens
 * by itself, each waits for « Reprendre l'e-mail ».
 */
import { z } from 'zod';
import { composeUrlFor } from '@/lib/config';
import type { ReadResult } from '@/lib/domain/legacy';
import { findReferences } from '@/lib/domain/reply-references';
import { MAIL_QUEUE_KEY, MAIL_SESSION_KEY, mailDraftKey, type PendingMail } from '@/lib/messaging/mail-queue';
import { sendMessage } from '@/lib/messaging/protocol';
import { localStore, sessionStore, tabs } from '@/lib/platform';
import type { StoredPromotion } from '@/lib/store';

const attachmentSchema = z.object({
  fileName: z.string().min(1).max(255),
  type: z.string().max(100),
  base64: z.string().max(30_000_000),
});

/** The e-mail itself, kept for the browser session only. */
const mailDraftSchema = z.object({
  to: z.array(z.string()).min(1),
  body: z.string(),
  attachment: attachmentSchema.optional(),
  /** A shortlist's e-mail: the CV of each named profile. */
  attachments: z.array(attachmentSchema).max(10).optional(),
});
export type MailDraft = z.infer<typeof mailDraftSchema>;
const hasAttachment = (draft: Pick<MailDraft, 'attachment' | 'attachments'>) => !!draft.attachment || !!draft.attachments?.length;

/** The other promotions one e-mail carries (a shortlist): confirmed sent by the same message, by their references. */
const alsoForSchema = z.array(z.object({ promotionId: z.string(), reference: z.string() })).max(10);

/** What the promotion service hands over for each e-mail it prepared. */
export const mailJobSchema = mailDraftSchema.extend({
  promotionId: z.string(),
  reference: z.string(),
  subject: z.string().min(1).max(255),
  alsoFor: alsoForSchema.optional(),
});
export type MailJob = z.input<typeof mailJobSchema>;

const queuedMailSchema = z.object({
  promotionId: z.string(),
  reference: z.string(),
  subject: z.string(),
  /** A named e-mail whose CV goes with it. */
  attachCv: z.boolean(),
  /**
   * A shortlist's e-mail carries several promotions: `promotionId`/`reference` name the first (the one « Reprendre
   * l'e-mail » and the edits address), these the others. The e-mail stays while any of them is a draft.
   */
  alsoFor: alsoForSchema.default([]),
  /** Part of the sending in progress; false once parked (browser restarted, sending paused). */
  waiting: z.boolean(),
});
type QueuedMail = z.infer<typeof queuedMailSchema>;

const queueStateSchema = z.object({
  mails: z.array(queuedMailSchema),
  /** The webmail tab the current e-mail was opened in, and whether it was filled already. */
  tabId: z.number().int().optional(),
  filled: z.boolean().default(false),
});
type QueueState = z.infer<typeof queueStateSchema>;

async function load(): Promise<QueueState> {
  const parsed = queueStateSchema.safeParse(await localStore.get(MAIL_QUEUE_KEY));
  return parsed.success ? parsed.data : { mails: [], filled: false };
}
const save = (state: QueueState) => localStore.set(MAIL_QUEUE_KEY, state);
const current = (state: QueueState) => state.mails.find((m) => m.waiting);
const promotionIdsOf = (m: Pick<QueuedMail, 'promotionId' | 'alsoFor'>) => [m.promotionId, ...m.alsoFor.map((a) => a.promotionId)];
const referencesOf = (m: Pick<QueuedMail, 'reference' | 'alsoFor'>) => [m.reference, ...m.alsoFor.map((a) => a.reference)];

/** What the queue needs to know of a promotion: whether its e-mail is still to be sent. */
export type MailPromotion = Pick<StoredPromotion, 'id' | 'status'>;

async function loadDraft(promotionId: string): Promise<MailDraft | undefined> {
  const parsed = mailDraftSchema.safeParse(await sessionStore.get(mailDraftKey(promotionId)));
  return parsed.success ? parsed.data : undefined;
}

export interface MailQueueDeps {
  /** An open webmail tab, `preferred` first if it still is one (its URL gives the webmail's origin). */
  findWebmailTab(preferred?: number): Promise<{ tabId: number; url: string } | undefined>;
  /** The promotion of an e-mail, as stored now. */
  promotion(id: string): Promise<MailPromotion | undefined>;
  /** A sent message carrying a promotion reference showed in the webmail (queued or not). */
  onSent(reference: string, at: string): Promise<void>;
}

export function createMailQueue(deps: MailQueueDeps) {
  // One change at a time in this worker: page readings and panel commands may coincide.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = chain.then(work, work);
    chain = run.catch(() => undefined);
    return run;
  };

  async function park(): Promise<void> {
    const state = await load();
    await save({ mails: state.mails.map((m) => ({ ...m, waiting: false })), filled: false });
  }

  // First, before anything else: a worker starting in a new browser session (session storage empty, unlike a
  // worker merely restarted) parks what the previous session left waiting, and forgets the e-mails whose
  // promotion is no longer a draft (sent from another install, withdrawn, purged with the consent or by retention).
  void serial(async () => {
    if (await sessionStore.get(MAIL_SESSION_KEY)) return;
    await sessionStore.set(MAIL_SESSION_KEY, true);
    const state = await load();
    const kept: QueuedMail[] = [];
    for (const m of state.mails) if (await anyDraft(m)) kept.push({ ...m, waiting: false });
    await save({ mails: kept, filled: false });
  });

  /** Whether one of the e-mail's promotions still waits for it. */
  async function anyDraft(mail: QueuedMail): Promise<boolean> {
    for (const id of promotionIdsOf(mail)) if ((await deps.promotion(id))?.status === 'draft') return true;
    return false;
  }

  async function openCurrent(state: QueueState, preferredTab = state.tabId): Promise<void> {
    if (!current(state)) return save(state);
    const webmail = await deps.findWebmailTab(preferredTab);
    // The tab of the previous e-mail is reused even when its page is not a known webmail page any more.
    const opened = await tabs.openOrNavigate(webmail?.tabId ?? preferredTab, await composeUrlFor(webmail?.url));
    await save({ ...state, tabId: opened, filled: false });
  }

  /** Drops an e-mail; when it was the one in the webmail, the next waiting one is opened. */
  async function drop(state: QueueState, promotionId: string, tabId = state.tabId): Promise<void> {
    const wasCurrent = current(state)?.promotionId === promotionId;
    const next: QueueState = { ...state, mails: state.mails.filter((m) => m.promotionId !== promotionId) };
    await sessionStore.remove(mailDraftKey(promotionId));
    if (wasCurrent) await openCurrent({ ...next, filled: false }, tabId);
    else await save(next);
  }

  async function fill(state: QueueState, tabId: number, mail: QueuedMail): Promise<void> {
    // Withdrawn, sent meanwhile (a colleague, a sync) or purged with the consent: nothing to send any more.
    if (!(await anyDraft(mail))) return drop(state, mail.promotionId, tabId);
    const draft = await loadDraft(mail.promotionId);
    if (!draft || (mail.attachCv && !hasAttachment(draft))) {
      // Lost with the browser session: parked; « Reprendre l'e-mail » makes it again (and never without its CV).
      return save({ ...state, mails: state.mails.map((m) => (m === mail ? { ...m, waiting: false } : m)) });
    }
    await save({ ...state, filled: true });
    const outcome = await sendMessage('compose.fill', { ...draft, subject: mail.subject }, tabId).catch(() => ({
      filled: false as const,
      reason: 'page fermée',
    }));
    if (!outcome.filled) await save({ ...state, filled: false });
  }

  return {
    async enqueue(jobs: MailJob[]): Promise<void> {
      const parsed = jobs.map((j) => mailJobSchema.parse(j));
      for (const { promotionId, to, body, attachment, attachments } of parsed) {
        await sessionStore.set(mailDraftKey(promotionId), {
          to,
          body,
          ...(attachment ? { attachment } : {}),
          ...(attachments?.length ? { attachments } : {}),
        } satisfies MailDraft);
      }
      await serial(async () => {
        const state = await load();
        const wasIdle = !current(state);
        const fresh = parsed.map((job) => ({
          promotionId: job.promotionId,
          reference: job.reference,
          subject: job.subject,
          attachCv: hasAttachment(job),
          alsoFor: job.alsoFor ?? [],
          waiting: true,
        }));
        const ids = new Set(fresh.flatMap(promotionIdsOf));
        state.mails = [...state.mails.filter((m) => !promotionIdsOf(m).some((id) => ids.has(id))), ...fresh];
        if (wasIdle) await openCurrent(state);
        else await save(state);
      });
    },

    /** The e-mails of the sending in progress, the one in the webmail first. */
    pending: () =>
      serial(async () => {
        const waiting = (await load()).mails.filter((m) => m.waiting);
        const shown: PendingMail[] = [];
        for (const m of waiting) {
          const to = (await loadDraft(m.promotionId))?.to ?? [];
          shown.push({ promotionId: m.promotionId, reference: m.reference, subject: m.subject, to });
        }
        return shown;
      }),

    /** The queued e-mail of a promotion, waiting or parked, and whether this session still holds it whole. */
    find: (promotionId: string): Promise<{ subject: string; attachCv: boolean; complete: boolean } | undefined> =>
      serial(async () => {
        const mail = (await load()).mails.find((m) => m.promotionId === promotionId);
        if (!mail) return undefined;
        const draft = await loadDraft(promotionId);
        return { subject: mail.subject, attachCv: mail.attachCv, complete: !!draft && (!mail.attachCv || hasAttachment(draft)) };
      }),

    /** The queued e-mail of a promotion as this session holds it (its CV included), for an edit to rewrite it. */
    queued: (promotionId: string): Promise<{ reference: string; subject: string; attachment?: MailDraft['attachment'] } | undefined> =>
      serial(async () => {
        const mail = (await load()).mails.find((m) => m.promotionId === promotionId);
        if (!mail) return undefined;
        const attachment = (await loadDraft(promotionId))?.attachment;
        return { reference: mail.reference, subject: mail.subject, ...(attachment ? { attachment } : {}) };
      }),

    /**
     * « Reprendre l'e-mail »: this promotion's e-mail goes first and the webmail opens its new-message page.
     * `draft` makes the e-mail again when the session lost it.
     */
    async resume(job: { promotionId: string; reference: string; subject: string; attachCv: boolean }, draft?: MailDraft): Promise<void> {
      if (draft) await sessionStore.set(mailDraftKey(job.promotionId), mailDraftSchema.parse(draft));
      await serial(async () => {
        const state = await load();
        // A shortlist's e-mail keeps the other promotions it carries, unless it is made again from this one alone.
        const alsoFor = draft ? [] : (state.mails.find((m) => m.promotionId === job.promotionId)?.alsoFor ?? []);
        const mail: QueuedMail = queuedMailSchema.parse({ ...job, alsoFor, waiting: true });
        const others = state.mails.filter((m) => m.promotionId !== job.promotionId);
        await openCurrent({ ...state, mails: [mail, ...others], filled: false });
      });
    },

    /** The e-mail is not to be prepared any more (marked sent by hand, abandoned). */
    remove: (promotionId: string) => serial(async () => drop(await load(), promotionId)),

    /** Every e-mail stops waiting: their promotions stay drafts, resumed one by one from the history. */
    pause: () => serial(park),

    /** Every reading of a webmail page passes here. */
    onWebmailPage: (tabId: number, result: ReadResult) =>
      serial(async () => {
        if (!result.recognized || result.tool !== 'messagerie') return;
        const state = await load();
        const mail = current(state);
        if (result.page === 'compose') {
          if (mail && state.tabId === tabId && !state.filled) await fill(state, tabId, mail);
          return;
        }
        if (result.page === 'sent') {
          const references = findReferences(result.data.subject);
          if (references.length === 0) return;
          // Any sent message with references confirms their promotions: just sent, or seen later in the sent items.
          // A shortlist's subject carries one per profile: each promotion is confirmed on its own.
          for (const reference of references) await deps.onSent(reference, result.data.sentAt);
          const queued = state.mails.find((m) => referencesOf(m).some((r) => references.includes(r)));
          if (queued) await drop(state, queued.promotionId, queued === mail ? tabId : state.tabId);
        }
      }),

    /**
     * A promotion whose e-mail is queued was edited: its e-mail is replaced (dropped when `job` is undefined), and
     * filled again if it is the one open in the webmail. Answers whether that e-mail was queued.
     */
    replace: (promotionId: string, job: MailJob | undefined): Promise<boolean> =>
      serial(async () => {
        const state = await load();
        const queued = state.mails.find((m) => m.promotionId === promotionId);
        if (!queued) return false;
        if (!job) {
          await drop(state, promotionId);
          return true;
        }
        const { to, body, attachment, reference, subject } = mailJobSchema.parse(job);
        await sessionStore.set(mailDraftKey(promotionId), { to, body, ...(attachment ? { attachment } : {}) } satisfies MailDraft);
        const replaced = { ...queued, reference, subject, attachCv: attachment !== undefined };
        const next = { ...state, mails: state.mails.map((m) => (m === queued ? replaced : m)) };
        // The one open in the webmail is filled again with the new text.
        if (current(state) === queued && queued.waiting) await openCurrent({ ...next, filled: false });
        else await save(next);
        return true;
      }),
  };
}
export type MailQueue = ReturnType<typeof createMailQueue>;
