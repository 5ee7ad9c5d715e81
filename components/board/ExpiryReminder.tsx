/** The author's needs that expire within 7 days: prolong, mark filled or close them before they vanish from the matches. */
import type { Agent } from '@/lib/domain/agent';
import { needsExpiringSoon, NEED_EXPIRY_REMINDER_DAYS, type StoredNeed } from '@/lib/store';
import { NeedList } from './NeedItem';

/** The agent's needs; those written before identities were kept carry the agent's name instead of their id. */
function expiringNeedsOf(agent: Agent, needs: StoredNeed[], now: Date): StoredNeed[] {
  const older = agent.name ? needsExpiringSoon(needs.filter((n) => n.createdByName === undefined), agent.name, now) : [];
  return [...needsExpiringSoon(needs, agent.id, now), ...older].sort((a, b) => Date.parse(a.expiresAt!) - Date.parse(b.expiresAt!));
}

export function ExpiryReminder({ needs, agent, now = new Date() }: { needs: StoredNeed[]; agent: Agent; now?: Date }) {
  const soon = expiringNeedsOf(agent, needs, now);
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
