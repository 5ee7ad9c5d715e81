/** How a board, pool or match command answers the panel: done, or refused with a French message. */
import { z } from 'zod';
import type { BoardOutcome } from '@/lib/messaging/board-commands';
import type { RecognizedReading } from '@/lib/messaging/tab-context';
import { BoardRefused, type BoardRefusalCode } from '@/lib/store';

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

/** The counsellor and agency named in the legacy page's banner: the author of what the page leads to. */
export function author(reading: RecognizedReading): { counsellorId: string; agencyCode: string } | undefined {
  const counsellorId = reading.agent?.name;
  const agencyCode = reading.agent?.agencyCode;
  return counsellorId && agencyCode ? { counsellorId, agencyCode } : undefined;
}
