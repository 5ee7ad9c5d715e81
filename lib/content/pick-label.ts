/**
 * The picking mode of « Montrer où se trouve ce champ »: a hint on the page, the element under the pointer
 * outlined, the next click taken (and kept from the page), Échap or two minutes without a click cancel. The
 * clicked element is handed to `labelOf`; only the label it finds leaves the page, never the value.
 */
import type { AliasPickOutcome } from '@/lib/messaging/alias-commands';

const GIVE_UP_MS = 2 * 60 * 1000;
const OUTLINE = '3px solid #000091';

/** One picking at a time: a new request (another field's button) cancels the one under way. */
let cancelCurrent: (() => void) | undefined;

export function pickLabel(doc: Document, fieldLabel: string, labelOf: (element: Element) => string | undefined): Promise<AliasPickOutcome> {
  cancelCurrent?.();
  return new Promise((resolve) => {
    const hint = doc.createElement('div');
    hint.setAttribute('role', 'status');
    hint.setAttribute('data-profilence', 'pick-hint');
    // Page text stays text: the field's name is set as textContent.
    hint.textContent = `Profilence : cliquez sur la valeur « ${fieldLabel} » dans la page (Échap pour annuler).`;
    hint.style.cssText =
      'position:fixed;top:0;left:0;right:0;z-index:2147483647;padding:10px 16px;background:#000091;color:#fff;font:16px/1.4 sans-serif;text-align:center;cursor:default';
    doc.documentElement.append(hint);

    let outlined: HTMLElement | undefined;
    let previousOutline = '';
    const unmark = () => {
      if (outlined) outlined.style.outline = previousOutline;
      outlined = undefined;
    };
    const onOver = (e: Event) => {
      const target = e.target as HTMLElement | null;
      if (!target || target === hint || !target.style) return;
      unmark();
      outlined = target;
      previousOutline = target.style.outline;
      target.style.outline = OUTLINE;
    };
    const finish = (outcome: AliasPickOutcome) => {
      cancelCurrent = undefined;
      unmark();
      hint.remove();
      doc.removeEventListener('click', onClick, true);
      doc.removeEventListener('keydown', onKey, true);
      doc.removeEventListener('mouseover', onOver, true);
      clearTimeout(timer);
      resolve(outcome);
    };
    const onClick = (e: MouseEvent) => {
      const target = e.target as Element | null;
      if (!target || target === hint) return;
      // The click teaches; it must not follow a link or submit a form of the legacy tool.
      e.preventDefault();
      e.stopPropagation();
      const label = labelOf(target);
      finish(label === undefined ? { picked: true } : { picked: true, label });
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      finish({ picked: false });
    };
    const timer = setTimeout(() => finish({ picked: false }), GIVE_UP_MS);
    cancelCurrent = () => finish({ picked: false });
    doc.addEventListener('click', onClick, true);
    doc.addEventListener('keydown', onKey, true);
    doc.addEventListener('mouseover', onOver, true);
  });
}
