/**
 * Recruitment needs noted by colleagues: a list (or table) under a "Besoins de recrutement"
 * heading. Each item gives a job (ROME code optional), a contract, a number of positions and the
 * date it was noted; comments are ignored.
 */
import { contractTypeFromLabel, type ContractType } from '@/lib/domain/formats';
import type { RecruitmentNeed } from '@/lib/domain/legacy';
import type { Fields } from '../kit/fields';
import { compact } from '../kit/result';
import { withTaught, type TaughtLabels } from '../kit/taught';
import { readTable, type Row } from '../kit/table';
import { fold, linesOf, normalizeText, saysNothing, textOf } from '../kit/text';
import { findFrenchDate } from '../kit/values';
import { NEED_COLUMNS, NEED_HEADINGS } from './labels';

const NOT_A_HEADING = 'a, nav, button, option, select, script, style, li, td';
const COMMENT = /^(commentaires?|remarques?|observations?|notes?|pr[ée]cisions?)\s*:/i;
const NO_ROME = /\(?\s*(?:code\s+)?rome\s*:?\s*(?:non renseign[ée]e?|non pr[ée]cis[ée]|inconnu|absent|[-–—])\s*\)?/gi;
const CONTRACT_WORD = /\b(cdi|cdd|interim|interimaire|saisonnier|alternance|apprentissage|liberal)\b/;

/** The block under the needs heading: the nearest ancestor holding items, or saying there are none. */
function needsSection(root: Element, fields: Fields, headings: readonly string[]): { box: Element; heading: Element } | undefined {
  for (const heading of fields.labelElements(headings)) {
    if (heading.closest(NOT_A_HEADING)) continue;
    for (let box = heading.parentElement; box && box !== root; box = box.parentElement) {
      if (box.querySelector('li, tr') || /aucun besoin/i.test(box.textContent ?? '')) return { box, heading };
    }
  }
  return undefined;
}

const follows = (a: Element, b: Element) => (a.compareDocumentPosition(b) & 4) !== 0;

function contractIn(item: Element, lines: string[]): ContractType | undefined {
  for (const el of Array.from(item.querySelectorAll('*'))) {
    const text = el.childElementCount === 0 ? normalizeText(el.textContent ?? '') : '';
    if (text && text.length <= 40 && !COMMENT.test(text)) {
      const code = contractTypeFromLabel(text);
      if (code) return code;
    }
  }
  for (const line of lines) {
    const word = CONTRACT_WORD.exec(fold(line))?.[1];
    if (word) return contractTypeFromLabel(word);
  }
  return undefined;
}

export function parseNeedItem(item: Element): RecruitmentNeed | undefined {
  const lines = linesOf(item).filter((l) => !COMMENT.test(l));
  const heading = item.querySelector('h1, h2, h3, h4, h5, h6, strong, b');
  const headingText = heading ? textOf(heading) : lines[0] ?? '';
  const rome = /\b([A-N]\d{4})\b/.exec(headingText)?.[1] ?? /\b([A-N]\d{4})\b/.exec(lines.join(' '))?.[1];
  const label = normalizeText(
    headingText
      .replace(NO_ROME, ' ')
      .replace(/\b[A-N]\d{4}\b/, ' ')
      .replace(/^[\s\-–—:|]+|[\s\-–—:|]+$/g, ''),
  );
  if (!label || saysNothing(label)) return undefined;
  const details = lines.filter((l) => l !== headingText);
  const meta = details.join(' ');
  const positions = /(\d+)\s*postes?\b/i.exec(meta)?.[1];
  // "Repéré le 14/10/2026 par …"; failing that, the first date of the details.
  const notedAt = /rep[ée]r[ée]e?\s+le\s+(\d{1,2}\/\d{1,2}\/\d{4})/i.exec(meta)?.[1] ?? meta;
  return compact({
    rome,
    label,
    positions: positions ? Number(positions) : undefined,
    contractType: contractIn(item, details),
    notedAt: findFrenchDate(notedAt),
  });
}

type NeedColumn = keyof typeof NEED_COLUMNS;

function needOfRow(row: Row<NeedColumn>): RecruitmentNeed | undefined {
  const labelText = textOf(row.label);
  const rome = /\b([A-N]\d{4})\b/.exec(`${textOf(row.rome)} ${labelText}`)?.[1];
  const label = normalizeText(labelText.replace(NO_ROME, ' ').replace(/\b[A-N]\d{4}\b/, ' ').replace(/^[\s\-–—:]+/, ''));
  if (!label || saysNothing(label)) return undefined;
  const positions = /(\d+)/.exec(textOf(row.positions))?.[1];
  return compact({
    rome,
    label,
    positions: positions ? Number(positions) : undefined,
    contractType: contractTypeFromLabel(textOf(row.contractType)),
    notedAt: findFrenchDate(textOf(row.notedAt)),
  });
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/** The next heading of the same or a higher level after this one, in the box: where its section ends. */
function sectionEnd(heading: Element, box: Element): Element | undefined {
  const level = /^H([1-6])$/.exec(heading.closest(HEADINGS)?.tagName ?? '')?.[1] ?? '6';
  return Array.from(box.querySelectorAll(HEADINGS)).find(
    // A need's own title (a heading inside its item) does not end the section.
    (h) => h !== heading && !h.contains(heading) && follows(heading, h) && h.tagName.charAt(1) <= level && !h.closest('li, td, th, [role="row"]'),
  );
}

/** The needs, `[]` when the page says there are none, `undefined` when the page shows no needs block. */
export function readNeeds(root: Element, fields: Fields, taught?: TaughtLabels): RecruitmentNeed[] | undefined {
  const section = needsSection(root, fields, withTaught(NEED_HEADINGS, 'needs', taught));
  if (!section) return undefined;
  const { box, heading } = section;
  // Only what the needs heading introduces: up to the next heading of its level (not the contacts after it).
  const end = sectionEnd(heading, box);
  const inSection = (el: Element) => follows(heading, el) && (!end || follows(el, end));
  const rows = readTable(box, { columns: NEED_COLUMNS, required: ['label'], within: inSection });
  if (rows) return rows.map(needOfRow).filter((n): n is RecruitmentNeed => n !== undefined);
  const items = Array.from(box.querySelectorAll('li')).filter(
    (li) => inSection(li) && !(li.parentElement?.closest('li') && box.contains(li.parentElement.closest('li'))),
  );
  return items.map(parseNeedItem).filter((n): n is RecruitmentNeed => n !== undefined);
}
