/** How a board, pool or match command answers the panel: done, or refused with a French message. */
import { z } from 'zod';
import type { BoardOutcome } from '@/lib/messaging/board-commands';
import type { RecognizedReading } from '@/lib/messaging/tab-context';
import { BoardRefused, type BoardRefusalCode, type BoardWriteContext, type ProfilenceDb } from '@/lib/store';
import { signedInAgent, writerOf } from './agent';

export const refused = (code: BoardRefusalCode, message: string): BoardOutcome => ({ ok: false, code, message });

export const RELOAD = 'rechargez la page puis recommencez.';

/** The store's refusals and a malformed request become a French answer; anything else is a bug and throws. */
export async function guarded(work: () => Promise<BoardOutcome>): Promise<BoardOutcome> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof BoardRefused) return refused(err.code, err.message);
    if (err instanceof z.ZodError) return refused('invalid', 'Demande invalide : rechargez le panneau.');
    throw err;
  }
}

/** The agency from the page's banner; the author is the signed-in agent, never the banner's name. */
export async function author(db: ProfilenceDb, reading: RecognizedReading): Promise<BoardWriteContext | undefined> {
  const agencyCode = reading.agent?.agencyCode;
  return agencyCode ? { ...writerOf(await signedInAgent(db)), agencyCode } : undefined;
}
