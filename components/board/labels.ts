import { CONTRACT_TYPES } from '@/lib/domain/formats';

export const CONTRACT_LABELS: Record<string, string> = {
  CDI: 'CDI',
  CDD: 'CDD',
  MIS: 'Intérim',
  SAI: 'Saisonnier',
  ALT: 'Alternance',
  LIB: 'Libéral',
};
export const CONTRACT_OPTIONS = CONTRACT_TYPES.map((code) => ({ code, label: CONTRACT_LABELS[code] ?? code }));

/** `7.2` → `7,2 km`; an unlocated commune says so. */
export function distanceText(km: number | undefined): string {
  return km === undefined ? 'distance inconnue' : `à ${km.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} km`;
}

export const TIER_LABELS = { same_job: 'même métier', same_domain: 'même domaine' } as const;
