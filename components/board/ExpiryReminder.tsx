/** The author's needs that expire within 7 days: prolong, mark filled or close them before they vanish from the matches. */
import { needsExpiringSoon, NEED_EXPIRY_REMINDER_DAYS, type StoredNeed } from '@/lib/store';
import { NeedList } from './NeedItem';

export function ExpiryReminder({ needs, author, now = new Date() }: { needs: StoredNeed[]; author?: string; now?: Date }) {
  if (!author) return null;
  const soon = needsExpiringSoon(needs, author, now);
  if (soon.length === 0) return null;
  return (
    <section class="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w" data-testid="expiry-reminder" aria-labelledby="expiry-reminder-title">
      <h3 class="fr-alert__title" id="expiry-reminder-title">
        {soon.length > 1
          ? `${soon.length} de vos besoins expirent dans les ${NEED_EXPIRY_REMINDER_DAYS} jours`
          : `Un de vos besoins expire dans les ${NEED_EXPIRY_REMINDER_DAYS} jours`}
      </h3>
      <p>Prolongez-les s'ils sont toujours d'actualité, sinon indiquez qu'ils sont pourvus ou clos.</p>
      <NeedList needs={soon} label="Vos besoins bientôt expirés" now={now} showEstablishment />
    </section>
  );
}
