/** Message handlers of the background: sender checked first, payload parsed, then the work. */
import { MatchPattern } from 'wxt/utils/match-patterns';
import { assertExtensionPageSender, assertLegacyTabSender } from '@/lib/messaging/senders';
import { onMessage } from '@/lib/messaging/protocol';
import { contentScriptMatches, extensionId, extensionUrl, tabs } from '@/lib/platform';
import { getPromotion, markSentByReference, rememberEstablishment, type ProfilenceDb } from '@/lib/store';
import { signedInAgent } from './agent';
import { createAliasCommands, toolOfUrl } from './aliases';
import { createBoardCommands } from './board-commands';
import { onConsentRead } from './consent-reading';
import { countReadingOnce } from './reader-health';
import { createMailCommands } from './mail-commands';
import { createMailQueue } from './mail-queue';
import { createPromotionService } from './promotions';
import { createMatchOpener } from './match-opener';
import { createShortlistService } from './shortlist';
import { createFollowUpCommands, createReminderScheduler, type ReminderScheduler } from './reminders';
import { createReplyCommands } from './replies';
import { allContexts, getContext, saveReading } from './tab-contexts';
import { rememberForWorklist, worklistInputs } from './worklist-inputs';

const LEGACY_SCRIPTS = ['dossier-demandeur', 'fiche-entreprise', 'messagerie'].map((t) => `content-scripts/${t}.js`);

const legacyPatterns = () => LEGACY_SCRIPTS.flatMap(contentScriptMatches);
const fromExtensionPage = (sender: Parameters<typeof assertExtensionPageSender>[0]) =>
  assertExtensionPageSender(sender, extensionId(), extensionUrl('/'));

export function registerMessageHandlers(db: ProfilenceDb, reminders: ReminderScheduler = createReminderScheduler(db)): void {
  const mails = createMailQueue({
    async findWebmailTab(preferred) {
      // Any page of the webmail will do (inbox, sent items…): it is navigated to the new-message page.
      const patterns = contentScriptMatches('content-scripts/messagerie.js').map((p) => new MatchPattern(p));
      const webmails = (await allContexts()).filter((c) => patterns.some((p) => p.includes(c.result.url)));
      const chosen = webmails.find((c) => c.tabId === preferred) ?? webmails[0];
      return chosen && { tabId: chosen.tabId, url: chosen.result.url };
    },
    promotion: (id) => getPromotion(db, id),
    async onSent(reference, at) {
      const agent = await signedInAgent(db);
      await markSentByReference(db, reference, { at, by: agent.id, ...(agent.name ? { byName: agent.name } : {}) });
      await reminders.check('change');
    },
  });
  const mailCommands = createMailCommands(db, mails, { changed: () => reminders.check('change') });
  const promotions = createPromotionService(db, mails);
  const replies = createReplyCommands(db, { changed: () => reminders.check('change') });

  onMessage('page.read', async ({ data, sender }) => {
    const { tabId } = assertLegacyTabSender(sender, extensionId(), legacyPatterns());
    const previous = await getContext(tabId);
    const context = await saveReading(tabId, data);
    const { result } = context;
    // Counted for the readers' health report: tool, page kind, missed fields, label-set variant — nothing else.
    await countReadingOnce(db, previous?.result, result).catch(() => undefined);
    if (result.recognized && result.page === 'establishment') await rememberEstablishment(db, result.data);
    if (result.recognized) await onConsentRead(db, result, context.readAt);
    if (result.recognized) await rememberForWorklist(result, context.readAt);
    await mails.onWebmailPage(tabId, result);
    await replies.onPageRead(result);
  });

  onMessage('context.get', async ({ data, sender }) => {
    fromExtensionPage(sender);
    const tabId = data?.tabId ?? (await tabs.activeTabId());
    return tabId === undefined ? null : getContext(tabId);
  });

  onMessage('context.all', async ({ sender }) => {
    fromExtensionPage(sender);
    return allContexts();
  });

  onMessage('worklist.inputs', async ({ sender }) => {
    fromExtensionPage(sender);
    return worklistInputs();
  });

  onMessage('promotion.prepare', async ({ data, sender }) => {
    fromExtensionPage(sender);
    return promotions.prepare(data);
  });

  onMessage('promotion.edit', async ({ data, sender }) => {
    fromExtensionPage(sender);
    return promotions.edit(data);
  });

  onMessage('mail.pending', async ({ sender }) => {
    fromExtensionPage(sender);
    return mails.pending();
  });

  onMessage('mail.pause', async ({ sender }) => {
    fromExtensionPage(sender);
    await mails.pause();
  });

  onMessage('mail.resume', async ({ data, sender }) => {
    fromExtensionPage(sender);
    return mailCommands.resume(data);
  });

  onMessage('mail.markSent', async ({ data, sender }) => {
    fromExtensionPage(sender);
    return mailCommands.markSent(data);
  });

  onMessage('mail.abandon', async ({ data, sender }) => {
    fromExtensionPage(sender);
    return mailCommands.abandon(data);
  });

  const shortlists = createShortlistService(db, mails);
  onMessage('shortlist.prepare', async ({ data, sender }) => (fromExtensionPage(sender), shortlists.prepare(data)));

  onMessage('promotion.recordContact', async ({ data, sender }) => {
    fromExtensionPage(sender);
    return promotions.recordContact(data);
  });

  const aliases = createAliasCommands(db);
  aliases.watch();
  onMessage('alias.teach', async ({ data, sender }) => (fromExtensionPage(sender), aliases.teach(data)));
  onMessage('alias.revoke', async ({ data, sender }) => (fromExtensionPage(sender), aliases.revoke(data)));
  onMessage('aliases.get', async ({ sender }) => {
    const { url } = assertLegacyTabSender(sender, extensionId(), legacyPatterns());
    const tool = toolOfUrl(url);
    return tool ? aliases.aliasesFor(tool) : { aliases: [] };
  });
  onMessage('aliases.matched', async ({ data, sender }) => {
    const { url } = assertLegacyTabSender(sender, extensionId(), legacyPatterns());
    const tool = toolOfUrl(url);
    if (tool) await aliases.matched(data, tool);
  });

  const board = createBoardCommands(db);
  onMessage('need.add', async ({ data, sender }) => (fromExtensionPage(sender), board.addNeed(data)));
  onMessage('need.update', async ({ data, sender }) => (fromExtensionPage(sender), board.updateNeed(data)));
  onMessage('pool.recommend', async ({ data, sender }) => (fromExtensionPage(sender), board.recommend(data)));
  onMessage('pool.update', async ({ data, sender }) => (fromExtensionPage(sender), board.updatePoolEntry(data)));

  const matches = createMatchOpener(db);
  onMessage('promotion.openFor', async ({ data, sender }) => (fromExtensionPage(sender), matches.openFor(data)));
  onMessage('promotion.takePreselection', async ({ data, sender }) => (fromExtensionPage(sender), matches.takePreselection(data)));

  const followUp = createFollowUpCommands(db, reminders);

  onMessage('promotion.addEvent', async ({ data, sender }) => {
    fromExtensionPage(sender);
    return followUp.addEvent(data);
  });

  onMessage('reply.pending', async ({ sender }) => (fromExtensionPage(sender), replies.pending()));
  onMessage('reply.record', async ({ data, sender }) => (fromExtensionPage(sender), replies.record(data)));

  onMessage('reminders.snooze', async ({ data, sender }) => {
    fromExtensionPage(sender);
    return followUp.snooze(data);
  });

  // Compiled out of production builds: only `WXT_PROFILENCE_TEST_HOOKS=1 wxt build` (npm test) keeps it.
  if (import.meta.env.WXT_PROFILENCE_TEST_HOOKS === '1') {
    onMessage('debug.setClock', async ({ data, sender }) => {
      fromExtensionPage(sender);
      return followUp.setClock(data);
    });
  }
}
