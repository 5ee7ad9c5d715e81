/**
 * The banner naming the signed-in counsellor, in any layout: "Conseiller : Jeanne MARTIN — Agence Lyon
 * Part-Dieu (69031)", "Connecté : Jeanne MARTIN | Agence 69031 – Lyon Part-Dieu", "Connecté en tant que …",
 * or its parts in separate elements (`<span>Conseillère</span><strong>Jeanne MARTIN</strong><span>Agence …`,
 * a `<dl>` of « Conseiller » and « Agence »), or an accessible name (`aria-label`, `title`).
 */
import type { Agent } from '@/lib/domain/legacy';
import { normalizeText } from './text';

const LEAD_WORD = /^(?:conseill[eè]re?|connect[ée]e?(?: en tant que)?|utilisat(?:eur|rice)(?: connect[ée]e?)?|agent(?: connect[ée]e?)?|session(?: de)?)/i;
const LEAD = new RegExp(`${LEAD_WORD.source}\\s*(?::\\s*|\\s+(?=\\p{Lu}))(.+)$`, 'iu');
const SEPARATORS = /\s*[—–|·•]\s*|\s+-\s+/;

export function parseAgent(text: string): Agent | undefined {
  const match = LEAD.exec(normalizeText(text));
  if (!match || !/^\p{Lu}/u.test(match[1]!)) return undefined;
  // « Jeanne MARTIN Agence Lyon » without a separator: the agency starts at its word.
  const [name = '', ...rest] = match[1]!.replace(/\s+(?=agence\b)/i, ' — ').split(SEPARATORS).map((part) => part.trim()).filter(Boolean);
  if (!/\p{L}/u.test(name) || name.length > 80) return undefined;
  const agent: Agent = { name };
  const tail = rest.join(' ');
  const code = /(?:^|\D)(\d{5})(?!\d)/.exec(tail)?.[1];
  if (code) agent.agencyCode = code;
  const agencyName = tail
    .replace(/\(?\s*\d{5}\s*\)?/g, ' ')
    .replace(/^\s*agence\b\s*:?/i, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:–—|-]+|[\s,;:–—|-]+$/g, '');
  if (agencyName && /\p{L}/u.test(agencyName)) agent.agencyName = agencyName;
  return agent;
}

const SKIP = 'script, style, option, label, select, textarea';
const MAX_BANNER = 200;

/** The banner's parts, one per element holding text: the lead word joined to the name, « Agence » to its name. */
function partsText(container: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = normalizeText((child as Text).data);
        if (text) parts.push(text);
      } else if (child.nodeType === 1 && !(child as Element).matches(SKIP) && (child as Element).getAttribute('aria-hidden') !== 'true') {
        walk(child);
      }
    }
  };
  walk(container);
  const merged: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    const bare = part.replace(/\s*:$/, '');
    if (next && LEAD_WORD.exec(bare)?.[0].length === bare.length) ((merged.push(`${bare} : ${next}`)), i++);
    else if (next && /^agence$/i.test(bare)) ((merged.push(`Agence ${next}`)), i++);
    else merged.push(part);
  }
  return merged.join(' — ');
}

/** Looks for the banner's lead word in the page's text and accessible names; the banner is short text. */
export function readAgent(document: Document): Agent | undefined {
  const body = document.body;
  if (!body) return undefined;
  const walker = document.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (!/^\s*(conseill|connect|utilisat|agent|session)/i.test(data)) continue;
    const holder = node.parentElement;
    if (!holder || holder.closest(SKIP)) continue;
    const text = holder.textContent ?? '';
    if (text.length > MAX_BANNER) continue;
    const agent = parseAgent(text);
    if (agent) return agent;
    // Parts in separate elements: climb to the element holding the whole banner.
    let box: Element | null = holder;
    for (let depth = 0; depth < 3 && box && box !== body; depth++, box = box.parentElement) {
      if ((box.textContent ?? '').length > MAX_BANNER) break;
      const found = parseAgent(partsText(box));
      if (found) return found;
    }
  }
  for (const el of Array.from(body.querySelectorAll('[aria-label], [title]'))) {
    const agent = parseAgent(el.getAttribute('aria-label') ?? '') ?? parseAgent(el.getAttribute('title') ?? '');
    if (agent) return agent;
  }
  return undefined;
}
