/**
 * Clock sanity: a record or event is dated by the writer's clock, and some rules compare those dates (a pool
 * entry written before a consent withdrawal is refused, one written after is accepted). A date far in the
 * future would slip past such rules, so it is refused. Ten minutes absorbs the drift of a workstation clock.
 */

export const MAX_CLOCK_AHEAD_MS = 10 * 60 * 1000;

/** One date a mutation carries, with how to name it to the counsellor. */
export interface DatedField {
  label: string;
  at: string;
}

/** True when `at` is more than ten minutes after `now` (an unreadable date is left to the schema). */
export function isTooFarAhead(at: string, now: Date): boolean {
  const time = Date.parse(at);
  return !Number.isNaN(time) && time - now.getTime() > MAX_CLOCK_AHEAD_MS;
}

type Dated = { createdAt?: unknown; at?: unknown; events?: unknown };
const str = (v: unknown): v is string => typeof v === 'string';

/**
 * The dates that say when something happened, per mutation (`expiresAt`, availability dates… look ahead on
 * purpose and are not among them). Reads the arguments as sent; malformed ones are the schema's business.
 */
export function datesOf(name: string, args: unknown): DatedField[] {
  if (!args || typeof args !== 'object') return [];
  const a = args as Dated;
  switch (name) {
    case 'promotion.create': {
      const events = Array.isArray(a.events) ? (a.events as Dated[]) : [];
      return [
        ...(str(a.createdAt) ? [{ label: 'date de création', at: a.createdAt }] : []),
        ...events.filter((e) => e && str(e.at)).map((e) => ({ label: "date d'un événement", at: e.at as string })),
      ];
    }
    case 'need.create':
    case 'pool.add':
    case 'alias.create':
      return str(a.createdAt) ? [{ label: 'date de création', at: a.createdAt }] : [];
    case 'promotion.addEvent':
      return str(a.at) ? [{ label: "date de l'événement", at: a.at }] : [];
    case 'jobseeker.consentWithdrawn':
      return str(a.at) ? [{ label: 'date du retrait du consentement', at: a.at }] : [];
    case 'alias.revoke':
      return str(a.at) ? [{ label: 'date du retrait du libellé', at: a.at }] : [];
    case 'alias.matched':
      return str(a.at) ? [{ label: 'date de la lecture', at: a.at }] : [];
    default:
      return [];
  }
}

/** The French refusal when one of the dates is too far ahead, or `undefined`. */
export function clockProblem(dates: readonly DatedField[], now: Date): string | undefined {
  const ahead = dates.find((d) => isTooFarAhead(d.at, now));
  if (!ahead) return undefined;
  return `Date dans le futur (${ahead.label} : ${ahead.at}) : vérifiez l'heure de votre poste, puis enregistrez à nouveau.`;
}
