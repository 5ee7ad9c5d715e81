/**
 * Fictitious promotions for the dashboard's end-to-end test and README screenshot (never imported by the
 * extension): a year of one counsellor's work, with every outcome and decline reason, deterministic.
 */
import { uuidv7 } from '../lib/domain/ids';
import { promotionReference, type DeclineReason, type Promotion, type PromotionEvent, type PromotionEventType } from '../lib/domain/promotion';

const DAY = 86_400_000;

const ESTABLISHMENTS = [
  { siret: '73282932000074', name: 'Boulangerie des Pentes', postcode: '69001', city: 'Lyon' },
  { siret: '35600000000048', name: 'La Poste — plateforme de Vénissieux', postcode: '69200', city: 'Vénissieux' },
  { siret: '44306184100047', name: 'Logiciels du Rhône', postcode: '69003', city: 'Lyon' },
  { siret: '55210055400013', name: 'Transports Bron Express', postcode: '69500', city: 'Bron' },
];
const ROMES = ['M1607', 'M1602', 'N1103', 'K2204', 'D1106', 'G1602'];
const NAMES = [
  ['Marie', 'LEROY'],
  ['Karim', 'BENSAÏD'],
  ['Lucie', 'DUPONT'],
  ['Thomas', 'NGUYEN'],
  ['Aïcha', 'DIALLO'],
  ['Julien', 'MOREAU'],
  ['Sofia', 'MARTINS'],
  ['Paul', 'LEFEBVRE'],
];
const REASONS: DeclineReason[] = ['no_position', 'profile_mismatch', 'no_position', 'lacking_skills', 'not_mobile', 'candidate_unavailable'];

/** Outcomes in turn: [events after the sending as (type, days later)]. */
const STORIES: [PromotionEventType, number][][] = [
  [['employer_replied', 4], ['interview', 9], ['hired', 16]],
  [['followed_up', 8], ['no_response', 30]],
  [['employer_replied', 11], ['declined', 12]],
  [['employer_replied', 6], ['profile_kept', 7]],
  [['followed_up', 8], ['employer_replied', 15], ['declined', 15.2]],
  [['no_response', 30], ['employer_replied', 34]],
  [['employer_replied', 2], ['interview', 5]],
  [['withdrawn', 3]],
  [['followed_up', 8], ['no_response', 30]],
  [['employer_replied', 13], ['declined', 14]],
  [],
  [['employer_replied', 7], ['interview', 12], ['hired', 20]],
];

export interface SampleOptions {
  now: Date;
  count?: number;
  counsellorId?: string;
  agencyCode?: string;
}

export function samplePromotions({ now, count = 48, counsellorId = 'Jeanne MARTIN', agencyCode = '69031' }: SampleOptions): Promotion[] {
  const promotions: Promotion[] = [];
  for (let i = 0; i < count; i++) {
    // Spread over the last eleven months, more of them recently; the latest ones still waiting.
    const sentAt = now.getTime() - Math.round(((count - i) / count) * 330 * DAY) + (i % 5) * 3_600_000;
    const created = sentAt - 2 * 3_600_000;
    const id = uuidv7(created);
    const story = sentAt > now.getTime() - 20 * DAY ? (i % 2 ? [] : [['employer_replied', 3]] as [PromotionEventType, number][]) : STORIES[i % STORIES.length]!;
    const events: PromotionEvent[] = [];
    const push = (type: PromotionEventType, at: number, extra: Partial<PromotionEvent> = {}) => {
      if (at > now.getTime()) return;
      events.push({ id: uuidv7(at), promotionId: id, type, at: new Date(at).toISOString(), by: counsellorId, ...extra });
    };
    push('sent', sentAt);
    for (const [type, days] of story) {
      push(type, sentAt + days * DAY, type === 'declined' ? { reason: REASONS[Math.floor(i / 3) % REASONS.length]! } : {});
    }
    const [firstName, lastName] = NAMES[i % NAMES.length]!;
    promotions.push({
      id,
      reference: promotionReference(id),
      createdAt: new Date(created).toISOString(),
      counsellorId,
      agencyCode,
      jobSeeker: {
        ftId: `${String(1234500 + (i % 30)).padStart(7, '0')}A`,
        firstName: firstName!,
        lastName: lastName!,
        mainRome: ROMES[i % ROMES.length],
        promotionConsent: { granted: true },
      },
      establishment: ESTABLISHMENTS[i % ESTABLISHMENTS.length]!,
      rome: ROMES[(i * 5) % ROMES.length]!,
      mode: i % 4 === 0 ? 'anonymous' : 'named',
      channel: i % 3 === 0 ? 'phone' : 'email',
      pitch: 'Profil motivé, disponible rapidement.',
      events,
    });
  }
  return promotions;
}
