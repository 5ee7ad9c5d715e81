/**
 * The public experiments of 2025 (docs/domain.md), for a team to compare itself with: 40 % of employers
 * replied, after 12 days on average; 8 hires out of 113 promotions; 1 hire in 13 promoted profiles.
 */
import type { StatsFigures } from './schema';

export const REFERENCE_PILOTS = {
  replyRate: 0.4,
  meanDaysToReply: 12,
  hires: 8,
  promotions: 113,
  profilesPerHire: 13,
} as const;

export type ComparisonUnit = 'percent' | 'days' | 'profiles';

export interface ComparisonRow {
  id: 'replyRate' | 'meanDaysToReply' | 'hireRate' | 'profilesPerHire';
  label: string;
  /** null when the team has nothing to show yet (no promotion sent, no answer, no hire). */
  team: number | null;
  reference: number;
  unit: ComparisonUnit;
  referenceNote: string;
}

/** The team's figures beside the pilots', row by row. */
export function compareWithReference(f: StatsFigures): ComparisonRow[] {
  return [
    {
      id: 'replyRate',
      label: 'Taux de réponse des employeurs',
      team: f.replyRate,
      reference: REFERENCE_PILOTS.replyRate,
      unit: 'percent',
      referenceNote: '40 % des employeurs ont répondu',
    },
    {
      id: 'meanDaysToReply',
      label: 'Délai moyen de réponse',
      team: f.meanDaysToReply,
      reference: REFERENCE_PILOTS.meanDaysToReply,
      unit: 'days',
      referenceNote: 'après 12 jours en moyenne',
    },
    {
      id: 'hireRate',
      label: 'Embauches par promotion',
      team: f.hireRate,
      reference: REFERENCE_PILOTS.hires / REFERENCE_PILOTS.promotions,
      unit: 'percent',
      referenceNote: '8 embauches pour 113 promotions',
    },
    {
      id: 'profilesPerHire',
      label: 'Profils promus pour une embauche',
      team: f.profiles !== null && f.hiredProfiles ? f.profiles / f.hiredProfiles : null,
      reference: REFERENCE_PILOTS.profilesPerHire,
      unit: 'profiles',
      referenceNote: '1 embauche pour 13 profils promus (second pilote)',
    },
  ];
}
