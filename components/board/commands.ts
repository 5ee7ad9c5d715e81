/** The board and pool commands as the panel sends them: an unreachable background becomes a French refusal. */
import type { BoardOutcome } from '@/lib/messaging/board-commands';
import { sendMessage, type ProtocolMap } from '@/lib/messaging/protocol';

type BoardCommand = 'need.add' | 'need.update' | 'pool.recommend' | 'pool.update' | 'promotion.openFor';

const UNREACHABLE = "Profilence n'a pas pu enregistrer la demande : rechargez la page puis réessayez.";

export async function boardCommand<K extends BoardCommand>(name: K, request: Parameters<ProtocolMap[K]>[0]): Promise<BoardOutcome> {
  try {
    return await (sendMessage as (n: K, r: unknown) => Promise<BoardOutcome>)(name, request);
  } catch {
    return { ok: false, code: 'invalid', message: UNREACHABLE };
  }
}
