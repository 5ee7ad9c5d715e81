/** How a failed exchange with the central endpoint is handled (docs/sync-protocol.md, "Errors the client must survive"). */
export type SyncErrorKind =
  /** No answer: network down, DNS, connection refused. Retried with backoff; shown « Hors ligne ». */
  | 'network'
  /** No answer in time: retried with backoff, the same batch again. */
  | 'timeout'
  /** 5xx or an answer that does not follow the contract: retried with backoff. */
  | 'server'
  /** 401: the outbox is kept; nothing is retried until the counsellor signs in again. */
  | 'auth_required'
  /** 403: this counsellor may not use this scope or this install. */
  | 'forbidden'
  /** 409: the server expects another `seq` first (`expectedSeq`). */
  | 'sequence_gap'
  /** 410: the cursor is older than the deletions the server still remembers: download the scope again. */
  | 'cursor_expired'
  /** 413: the batch is too large: split it. */
  | 'too_large'
  /** 429: wait `retryAfterMs`. */
  | 'rate_limited'
  /** Any other refusal (400…): a client bug; retried slowly. */
  | 'refused';

export class SyncError extends Error {
  override name = 'SyncError';
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly details: { status?: number; expectedSeq?: number; retryAfterMs?: number; code?: string } = {},
  ) {
    super(message);
  }
}

export const isSyncError = (err: unknown): err is SyncError => err instanceof SyncError;

/** Messages shown to the counsellor when the server gave none. */
export const DEFAULT_MESSAGES: Record<SyncErrorKind, string> = {
  network: 'Serveur injoignable : vos modifications restent sur ce poste et partiront au retour du réseau.',
  timeout: 'Le serveur ne répond pas à temps : nouvel essai dans quelques instants.',
  server: 'Le serveur a rencontré une erreur : nouvel essai dans quelques instants.',
  auth_required: 'Session expirée : reconnectez-vous dans les options de Profilence.',
  forbidden: "Accès refusé par le serveur : vérifiez le compte utilisé dans les options de Profilence.",
  sequence_gap: 'Envoi à reprendre depuis la modification attendue par le serveur.',
  cursor_expired: 'Synchronisation trop ancienne : les données de votre agence vont être téléchargées à nouveau.',
  too_large: 'Envoi trop volumineux : il est découpé.',
  rate_limited: 'Serveur très sollicité : nouvel essai dans quelques instants.',
  refused: 'Le serveur a refusé la demande : nouvel essai plus tard.',
};
