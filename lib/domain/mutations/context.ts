/**
 * What every mutation reducer is given and returns. A reducer is the one rule for applying a mutation to a
 * record: the store (a counsellor's own write), the sync rebase (pending writes over a pulled copy) and the
 * server (a pushed batch) call the same reducer and keep only their storage.
 */
import type { z } from 'zod';
import type { CompanyNeed } from '../need';
import type { PoolEntry } from '../pool';
import type { ReaderAlias } from '../reader-alias';
import type { Promotion } from '../promotion';
import type { OrderedEvent } from '../status';
import type { MutationName, RejectionCode, mutationArgsSchemas } from '../sync';

/** The authenticated writer (server), or the counsellor of this install (extension). */
export interface Actor {
  sub: string;
  roles: readonly string[];
  agencyCode: string;
}

/** A job seeker's consent withdrawal as the writer knows it: when, and the pseudonym that replaces the ftId. */
export interface KnownWithdrawal {
  at: string;
  pseudonym: string;
}

export interface MutationContext {
  now: Date;
  /** Present when the writer is known: a create for another agency is then refused. */
  actor?: Actor;
  /** The server knows every withdrawal of the scope; an install knows none (its pending ones are in its outbox). */
  withdrawalOf?: (ftId: string) => KnownWithdrawal | undefined;
  /**
   * Rules the writer plugs in (the server's authorship, clock and anonymity rules): each is asked, in order,
   * about every mutation that would change something, and the first refusal wins.
   */
  checks?: readonly MutationCheck[];
}

export interface Rejection {
  code: RejectionCode;
  /** In French, for the counsellor. */
  message: string;
}

export type MutationArgs<N extends MutationName> = z.infer<(typeof mutationArgsSchemas)[N]>;

/** A mutation as the reducers take it: its name and its parsed arguments. */
export type MutationCall = { [N in MutationName]: { name: N; args: MutationArgs<N> } }[MutationName];

/** A promotion as stored anywhere: events may carry the server version that added them. */
export type PromotionRecord = Omit<Promotion, 'events'> & { events: OrderedEvent[] };

type RecordOf<N extends MutationName> = N extends `promotion.${string}`
  ? PromotionRecord
  : N extends `need.${string}`
    ? CompanyNeed
    : N extends `pool.${string}`
      ? PoolEntry
      : N extends `alias.${string}`
        ? ReaderAlias
        : never;

/**
 * What a check is asked about: the mutation, the record before (absent for a new record) and the record the
 * write would store (absent for a consent withdrawal, which concerns a person).
 */
export type WriteAttempt = {
  [N in MutationName]: { name: N; args: MutationArgs<N>; before?: RecordOf<N>; after?: RecordOf<N> };
}[MutationName];

/** A pluggable rule: a rejection refuses the write, `undefined` lets it through. */
export type MutationCheck = (attempt: WriteAttempt, ctx: MutationContext) => Rejection | undefined;

/** The stored record is a tombstone: deleted on the server, it cannot be written again. */
export const DELETED = 'deleted' as const;
export type Existing<R> = R | typeof DELETED | undefined;

export type Refused = { outcome: 'rejected' } & Rejection;

export type Reduced<R> =
  | Refused
  /** Nothing to write: a known event, a field rewritten with its own value, a replayed create. */
  | { outcome: 'unchanged'; record: R }
  | { outcome: 'created'; record: R }
  /** `changes`: the fields written with their new values (`events` for a merge of events). */
  | { outcome: 'changed'; record: R; changes: Record<string, unknown> };

export const rejected = (code: RejectionCode, message: string): Refused => ({ outcome: 'rejected', code, message });

/** The one point where the writer's own rules run, just before a write is decided. */
export function runChecks(attempt: WriteAttempt, ctx: MutationContext): Refused | undefined {
  for (const check of ctx.checks ?? []) {
    const refusal = check(attempt, ctx);
    if (refusal) return rejected(refusal.code, refusal.message);
  }
  return undefined;
}
