/**
 * A content script's reading with the labels counsellors taught (issue 16): the tool's aliases come from the
 * background (IndexedDB is out of reach here), at start, when they change, and when the tab is shown again (a
 * sync may have brought a colleague's). Each reading reports, once per page, the aliases whose label introduced
 * a value, for the 30-day flag. « Montrer où se trouve ce champ » asks this tab to let the counsellor pick.
 */
import type { ReadOptions, TaughtLabels } from '@/lib/adapters/kit/taught';
import { fieldsOf } from '@/lib/adapters/kit/fields';
import type { ReadResult } from '@/lib/domain/legacy';
import type { ContentAlias, ContentAliases } from '@/lib/messaging/alias-commands';
import { answerBackground, sendToBackground } from '@/lib/messaging/content';
import { labelIntroducing } from '@/lib/adapters/kit/label-of';
import { pickLabel } from './pick-label';
import { runReader } from './run-reader';

type Reader = (document: Document, url: URL, options?: ReadOptions) => ReadResult;

/** Field key → labels, as readers take them. */
export function taughtOf(aliases: readonly ContentAlias[]): TaughtLabels {
  const taught: Record<string, string[]> = {};
  for (const { field, label } of aliases) {
    const labels = (taught[field] ??= []);
    if (!labels.includes(label)) labels.push(label);
  }
  return taught;
}

/** The aliases whose label introduces a value somewhere on the page. */
export function matchedAliases(root: ParentNode, aliases: readonly ContentAlias[]): string[] {
  if (aliases.length === 0) return [];
  const fields = fieldsOf(root);
  return aliases.filter((a) => fields.find([a.label]) !== undefined).map((a) => a.id);
}

export function runTaughtReader(read: Reader, win: Window = window): void {
  let aliases: ContentAlias[] = [];
  const reported = new Set<string>();

  const loop = runReader(
    (document, url) => {
      const result = read(document, url, { taught: taughtOf(aliases) });
      const fresh = matchedAliases(document.body ?? document, aliases).filter((id) => !reported.has(id));
      if (fresh.length) {
        fresh.forEach((id) => reported.add(id));
        void sendToBackground('aliases.matched', { ids: fresh }).catch(() => fresh.forEach((id) => reported.delete(id)));
      }
      return result;
    },
    (result) => sendToBackground('page.read', result),
    { win },
  );

  const take = ({ aliases: next }: ContentAliases) => {
    const changed = JSON.stringify(next) !== JSON.stringify(aliases);
    aliases = next;
    if (changed) loop.readNow();
  };
  const ask = () => void sendToBackground('aliases.get', undefined).then(take, () => undefined);
  ask();
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'visible') ask();
  });
  answerBackground('aliases.changed', (next) => take(next));
  answerBackground('alias.pick', ({ fieldLabel }) => pickLabel(win.document, String(fieldLabel), labelIntroducing));
}
