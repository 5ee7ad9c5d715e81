/**
 * CSV export of promotions, made to open cleanly in Excel and LibreOffice on a French workstation:
 * UTF-8 with a byte-order mark, `;` between values, CRLF line ends, values quoted when they hold a `;`,
 * a quote or a line break (quotes doubled), dates `dd/mm/yyyy` in Paris, French headers.
 */
import { CHANNEL_LABELS, DECLINE_REASON_LABELS, MODE_LABELS, STATUS_LABELS } from '../domain/labels';
import type { Promotion } from '../domain/promotion';
import type { OrderedEvent } from '../domain/status';
import { frenchDate, parisDay } from './days';
import { promotionFacts } from './facts';
import { romeDomain } from './rome';

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_EOL = '\r\n';

/** One value as a CSV field. A leading `=`, `+`, `-` or `@` is neutralised: a spreadsheet would run it as a formula. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(headers: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(CSV_SEPARATOR));
  return CSV_BOM + lines.join(CSV_EOL) + CSV_EOL;
}

export const PROMOTION_CSV_HEADERS = [
  'Référence',
  'Date de création',
  'Conseiller',
  'Agence',
  'Identifiant demandeur',
  'Nom',
  'Prénom',
  'Métier proposé (ROME)',
  'Domaine',
  'Établissement',
  'SIRET',
  'Code postal',
  'Commune',
  'Mode',
  'Canal',
  'Statut',
  "Date d'envoi",
  'Date de première réponse',
  'Délai de réponse (jours)',
  'Entretien',
  'Motif de refus',
  'Dernier événement',
] as const;

type ExportedPromotion = Omit<Promotion, 'events'> & { events: readonly OrderedEvent[] };

const day = (at: string | undefined) => (at ? frenchDate(parisDay(at)) : '');

/** The promotions as a CSV file's text, most recently sent first (drafts last). */
export function promotionsCsv(promotions: readonly ExportedPromotion[]): string {
  const rows = promotions.map((p) => {
    const facts = promotionFacts(p);
    const lastEventAt = p.events.reduce<string | undefined>(
      (last, e) => (last === undefined || Date.parse(e.at) > Date.parse(last) ? e.at : last),
      undefined,
    );
    return {
      sortKey: facts.sentAt ? Date.parse(facts.sentAt) : Number.NEGATIVE_INFINITY,
      cells: [
        p.reference,
        day(p.createdAt),
        p.counsellorId,
        p.agencyCode,
        p.jobSeeker.ftId,
        p.jobSeeker.lastName,
        p.jobSeeker.firstName,
        p.rome,
        romeDomain(p.rome),
        p.establishment.name,
        p.establishment.siret,
        p.establishment.postcode,
        p.establishment.city,
        MODE_LABELS[p.mode],
        CHANNEL_LABELS[p.channel],
        STATUS_LABELS[facts.status],
        day(facts.sentAt),
        day(facts.firstReplyAt),
        facts.replyDays ?? '',
        facts.sentAt ? (facts.reachedInterview ? 'oui' : 'non') : '',
        facts.declineReason ? DECLINE_REASON_LABELS[facts.declineReason] : '',
        day(lastEventAt),
      ],
    };
  });
  rows.sort((a, b) => (a.sortKey === b.sortKey ? 0 : a.sortKey < b.sortKey ? 1 : -1));
  return toCsv(PROMOTION_CSV_HEADERS, rows.map((r) => r.cells));
}

/** `profilence-promotions-2025-03-31.csv` */
export const csvFileName = (what: string, now: Date = new Date()) => `profilence-${what}-${parisDay(now)}.csv`;
