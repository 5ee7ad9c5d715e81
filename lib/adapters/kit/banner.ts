/**
 * The banner naming the signed-in counsellor, in either form the tools use:
 * "Conseiller : Jeanne MARTIN — Agence Lyon Part-Dieu (69031)" or
 * "Connecté : Jeanne MARTIN | Agence 69031 – Lyon Part-Dieu".
 */
import type { Agent } from '@/lib/domain/legacy';
import { normalizeText } from './text';

const LEAD = /^(?:conseill[eè]re?|connect[ée]e?|utilisat(?:eur|rice)(?: connect[ée]e?)?|agent(?: connect[ée]e?)?|session(?: de)?)\s*:\s*(.+)$/i;
const SEPARATORS = /\s*[—–|]\s*|\s+-\s+/;

export function parseAgent(text: string): Agent | undefined {
  const match = LEAD.exec(normalizeText(text));
  if (!match) return undefined;
  const [name = '', ...rest] = match[1]!.split(SEPARATORS).map((part) => part.trim()).filter(Boolean);
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

/** Looks for the banner's lead word in the page's text nodes; the banner is short text. */
export function readAgent(document: Document): Agent | undefined {
  const body = document.body;
  if (!body) return undefined;
  const walker = document.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (!/^\s*(conseill|connect|utilisat|agent|session)/i.test(data)) continue;
    const holder = node.parentElement;
    if (!holder || holder.closest('script, style, option, label, select')) continue;
    const text = holder.textContent ?? '';
    if (text.length > 200) continue;
    const agent = parseAgent(text);
    if (agent) return agent;
  }
  return undefined;
}
