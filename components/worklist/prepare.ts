/**
 * « Préparer la promotion » from the worklist: the job seeker's file opens in front with the best need's
 * establishment ticked in its promotion form (lib/background/match-opener.ts). An establishment never read on
 * this install is opened behind first, so the form has its contacts.
 */
import type { BoardOutcome } from '@/lib/messaging/board-commands';
import { boardCommand } from '../board/commands';

export async function preparePromotion(ftId: string, siret: string): Promise<BoardOutcome> {
  const direct = await boardCommand('promotion.openFor', { open: 'jobSeeker', ftId, siret });
  if (direct.ok || direct.code !== 'not_found') return direct;
  const establishment = await boardCommand('promotion.openFor', { open: 'establishment', siret, ftId });
  if (!establishment.ok) return establishment;
  return boardCommand('promotion.openFor', { open: 'jobSeeker', ftId });
}
