/** `7.2` → `à 7,2 km`; an unlocated commune says so. */
export function distanceText(km: number | undefined): string {
  return km === undefined ? 'distance inconnue' : `à ${km.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} km`;
}
