/** French wording of the sync status and of the server's refusals, for the side panel. */
import { plural } from '../domain/plural';
import type { MutationName, RejectionCode } from '../domain/sync';
import type { SyncStatus } from './status';

export const REJECTION_LABELS: Record<RejectionCode, string> = {
  invalid: 'Modification invalide',
  forbidden: "Refusée : réservée à l'auteur, à un responsable d'agence ou à l'agence concernée",
  consent_missing: "Refusée : le demandeur n'a pas autorisé la promotion de son profil",
  conflict: 'Refusée : en conflit avec une version déjà enregistrée',
  not_found: 'Refusée : enregistrement introuvable sur le serveur',
  unknown_mutation: "Refusée : modification inconnue du serveur (mettez l'extension à jour)",
  anonymity: 'Refusée : le message anonyme permet de reconnaître le demandeur',
  clock: "Refusée : date dans le futur (vérifiez l'heure du poste)",
};

/** Keyed by name as stored in the outbox (a newer extension may know more names than this list). */
export const MUTATION_LABELS: Readonly<Record<string, string>> = {
  'promotion.create': 'Nouvelle promotion',
  'promotion.update': 'Modification de promotion',
  'promotion.addEvent': 'Suivi de promotion',
  'need.create': 'Nouveau besoin de recrutement',
  'need.update': 'Modification de besoin',
  'pool.add': 'Ajout au vivier',
  'pool.update': 'Modification du vivier',
  'jobseeker.consentWithdrawn': 'Retrait du consentement',
} satisfies Partial<Record<MutationName, string>>;

export const mutationLabel = (name: string) => MUTATION_LABELS[name] ?? 'Modification';

/** Which record a refused change was about, in a few words (reference and establishment when known). */
export function rejectionSubject(row: { name: string; args: unknown }): string | undefined {
  const a = row.args as {
    reference?: unknown;
    establishment?: { name?: unknown };
    establishmentName?: unknown;
    label?: unknown;
    firstName?: unknown;
    type?: unknown;
  } | null;
  if (!a || typeof a !== 'object') return undefined;
  const parts = [a.reference, a.establishment?.name ?? a.establishmentName, a.label, a.firstName].filter(
    (p): p is string => typeof p === 'string' && p.trim() !== '',
  );
  return parts.length ? parts.join(' · ') : undefined;
}

export function rejectionLabel(code: RejectionCode | undefined): string {
  return code ? REJECTION_LABELS[code] : 'Refusée par le serveur';
}


/** « il y a 2 min », « il y a 3 h », « le 12/03 à 14:05 ». */
export function sinceLabel(iso: string, now: number): string {
  const at = Date.parse(iso);
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 45) return "à l'instant";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `il y a ${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `il y a ${hours} h`;
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `le ${pad(d.getDate())}/${pad(d.getMonth() + 1)} à ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export interface StatusLine {
  tone: 'ok' | 'pending' | 'warning' | 'error';
  text: string;
  /** Show the link to the options (sign in again). */
  signIn?: boolean;
}

/** The one line the side panel shows; `pending` is the live outbox count. */
export function statusLine(status: SyncStatus, pending: number, now: number): StatusLine {
  const waiting = pending > 0 ? plural(pending, 'modification en attente', 'modifications en attente') : '';
  const withWaiting = (text: string) => (waiting ? `${text} — ${waiting}` : text);
  switch (status.state) {
    case 'auth_required':
      return { tone: 'error', text: withWaiting('Reconnexion nécessaire'), signIn: true };
    case 'offline':
      return { tone: 'warning', text: withWaiting('Hors ligne') };
    case 'error':
      return { tone: 'warning', text: withWaiting('Synchronisation interrompue, nouvel essai automatique') };
    case 'syncing':
      return { tone: 'pending', text: 'Synchronisation…' };
    case 'idle':
      if (waiting) return { tone: 'pending', text: waiting };
      if (!status.lastSyncedAt) return { tone: 'pending', text: 'Pas encore synchronisé' };
      return { tone: 'ok', text: `Synchronisé ${sinceLabel(status.lastSyncedAt, now)}` };
  }
}
