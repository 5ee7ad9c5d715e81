/** The e-mail address of a sender as a webmail shows it: in the text, else in a tooltip or a `mailto:` link. */
import { findEmails } from '../kit/values';
import { textOf } from '../kit/text';

export function senderAddress(element: Element | undefined, text = textOf(element)): string | undefined {
  const inText = findEmails(text)[0];
  if (inText || !element) return inText;
  const holders = [element, ...Array.from(element.querySelectorAll('[title], [href^="mailto:" i], [aria-label], [data-email]'))];
  for (const holder of holders) {
    for (const attribute of ['title', 'href', 'aria-label', 'data-email']) {
      const value = holder.getAttribute(attribute);
      const found = value ? findEmails(value.replace(/^mailto:/i, ''))[0] : undefined;
      if (found) return found;
    }
  }
  return undefined;
}
