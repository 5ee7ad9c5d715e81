/**
 * The one typed protocol between content scripts, UI pages and the background.
 * Payloads crossing it are parsed again with zod by the receiver. Every request and answer type, and every
 * session-storage key an extension page may watch, lives in lib/messaging/: the background implements the
 * contract, the pages only send it.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Attachment, ComposeFill, FillOutcome } from '@/lib/content/compose-filler';
import type { ReadResult } from '@/lib/domain/legacy';
import type { SyncStatus } from '@/lib/sync/status';
import type {
  AliasesMatched,
  AliasPickOutcome,
  AliasPickRequest,
  AliasRevokeOutcome,
  AliasRevokeRequest,
  AliasTeachOutcome,
  AliasTeachRequest,
  ContentAliases,
} from './alias-commands';
import type { BoardOutcome, NeedAddRequest, NeedUpdateRequest, OpenForRequest, PoolRecommendRequest, PoolUpdateRequest } from './board-commands';
import type { AddEventOutcome, AddEventRequest, SetClockRequest, SnoozeOutcome } from './follow-up-commands';
import type { MailQueueProtocol } from './mail-queue';
import type { TakePreselectionOutcome, TakePreselectionRequest } from './preselection';
import type { EditPromotionOutcome, EditPromotionRequest, PrepareOutcome, PrepareRequest, RecordContactRequest } from './promotion-commands';
import type { HealthSendOutcome, ReadersHealthOutcome, ReadersHealthRequest } from './reader-health-commands';
import type { ReplyProtocol } from './reply-commands';
import type { ShortlistProtocol } from './shortlist-commands';
import type { StatsOutcome, StatsRequest } from './stats-commands';
import type { DismissRejectionRequest, SignInOutcome } from './sync-commands';
import type { TabContext } from './tab-context';
import type { WorklistInputs } from './worklist';

export interface ProtocolMap extends MailQueueProtocol, ReplyProtocol, ShortlistProtocol {
  /** Content script → background: what the reader found on the page (sent on load and on in-place changes). */
  'page.read'(result: ReadResult): void;
  /** UI → background: the context of a tab (the active one when tabId is omitted). */
  'context.get'(query: { tabId?: number }): TabContext | null;
  /** UI → background: the readings of every open tab (the establishments open beside a job-seeker file). */
  'context.all'(): TabContext[];
  /** Side panel → background: the last portfolio read this session and what the files read said (« À promouvoir »). */
  'worklist.inputs'(): WorklistInputs;
  /** UI → background: create the promotions and prepare one e-mail each in the webmail. */
  'promotion.prepare'(request: PrepareRequest): PrepareOutcome;
  /** UI → background: a promotion made by phone or in person, recorded as sent at once. */
  'promotion.recordContact'(request: RecordContactRequest): PrepareOutcome;
  /** UI → background: change a promotion (contact, job, mode, channel, message before it is sent; contact after). */
  'promotion.edit'(request: EditPromotionRequest): EditPromotionOutcome;
  /** UI → background: record an outcome of a promotion (relance, réponse, entretien, refus…) or a note. */
  'promotion.addEvent'(request: AddEventRequest): AddEventOutcome;
  /** UI → background: « Reporter » — hold the promotion's reminders back by a week. */
  'reminders.snooze'(request: { promotionId: string }): SnoozeOutcome;
  /** Test builds only (WXT_PROFILENCE_TEST_HOOKS=1): shift the background's clock, then check the reminders. */
  'debug.setClock'(request: SetClockRequest): { now: string; followUpsDue: number; closed: number };
  /** UI → background: put a need of the establishment tab on the agency board. */
  'need.add'(request: NeedAddRequest): BoardOutcome;
  /** UI → background: mark a need filled or closed, prolong it, or edit it. */
  'need.update'(request: NeedUpdateRequest): BoardOutcome;
  /** UI → background: recommend the job seeker of this tab to the agency pool (consent read by the background). */
  'pool.recommend'(request: PoolRecommendRequest): BoardOutcome;
  /** UI → background: a pool entry is « En emploi » or withdrawn. */
  'pool.update'(request: PoolUpdateRequest): BoardOutcome;
  /** UI → background: open (or reuse) the file or the establishment page a match leads to, pre-ticking the establishment. */
  'promotion.openFor'(request: OpenForRequest): BoardOutcome;
  /** Side panel → background: the establishments a match asked to tick for this job seeker, handed over once. */
  'promotion.takePreselection'(request: TakePreselectionRequest): TakePreselectionOutcome;
  /** UI → background: synchronise now (side panel, options); answers the status reached. */
  'sync.now'(): SyncStatus;
  /** Options → background: sign in at the identity provider (OpenID Connect with PKCE), then synchronise. */
  'sync.signIn'(): SignInOutcome;
  /** Options → background: forget the signed-in session (the outbox stays). */
  'sync.signOut'(): SyncStatus;
  /** Side panel → background: the counsellor has read a refused change. */
  'sync.dismissRejection'(request: DismissRejectionRequest): void;
  /** Dashboard → background: figures of the central endpoint (`GET /v1/stats`), or why they cannot be had. */
  'stats.get'(request: StatsRequest): StatsOutcome;
  /** Side panel → background: « Montrer où se trouve ce champ » — the counsellor clicks the value on the tab. */
  'alias.teach'(request: AliasTeachRequest): AliasTeachOutcome;
  /** Options → background: « Retirer » a taught label (author or manager). */
  'alias.revoke'(request: AliasRevokeRequest): AliasRevokeOutcome;
  /** Content script → background: its tool's taught labels (IndexedDB is out of a content script's reach). */
  'aliases.get'(): ContentAliases;
  /** Content script → background: these taught labels introduced a value on the page (the 30-day flag). */
  'aliases.matched'(request: AliasesMatched): void;
  /** Background → legacy tab: its tool's taught labels changed; read the page again with them. */
  'aliases.changed'(aliases: ContentAliases): void;
  /** Background → legacy tab: let the counsellor click a value and answer the label introducing it. */
  'alias.pick'(request: AliasPickRequest): AliasPickOutcome;
  /** Dashboard → background: the readers' health of an agency or of all (`GET /v1/readers/health`), or why not. */
  'readers.health.get'(request: ReadersHealthRequest): ReadersHealthOutcome;
  /** Test builds only (WXT_PROFILENCE_TEST_HOOKS=1): send the readers' health counts now, not at the daily alarm. */
  'debug.sendReadersHealth'(): HealthSendOutcome;
  /** Background → job-seeker tab: fetch the CV inside the tool's own page. */
  'cv.fetch'(request: { url: string; fileName: string }): Attachment;
  /** Background → webmail tab: fill the new-message form. */
  'compose.fill'(fill: ComposeFill): FillOutcome;
}

export const messaging = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messaging;
