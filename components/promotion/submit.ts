/** Sends a promotion to the background and words its outcome for the counsellor. */
import type { PrepareOutcome, PrepareRequest } from '@/lib/messaging/promotion-commands';
import { sendMessage } from '@/lib/messaging/protocol';

export type PromotionKind = 'email' | 'phone' | 'in_person';
export type Feedback = { kind: 'success' | 'error' | 'warning'; text: string } | undefined;

export async function sendPromotion(kind: PromotionKind, request: PrepareRequest): Promise<PrepareOutcome> {
  try {
    return kind === 'email'
      ? await sendMessage('promotion.prepare', request)
      : await sendMessage('promotion.recordContact', { ...request, channel: kind });
  } catch {
    return { ok: false, code: 'invalid', message: "Profilence n'a pas pu enregistrer la promotion : réessayez." };
  }
}

export function outcomeFeedback(kind: PromotionKind, outcome: PrepareOutcome): Feedback {
  if (!outcome.ok) return { kind: outcome.code === 'duplicate' ? 'warning' : 'error', text: outcome.message };
  if (kind === 'phone') return { kind: 'success', text: 'Appel enregistré.' };
  if (kind === 'in_person') return { kind: 'success', text: 'Visite enregistrée.' };
  return {
    kind: 'success',
    text:
      outcome.mailsQueued > 1
        ? `${outcome.mailsQueued} e-mails préparés : vérifiez chacun dans la messagerie puis cliquez sur « Envoyer ».`
        : 'E-mail préparé dans la messagerie : vérifiez-le puis cliquez sur « Envoyer ».',
  };
}
