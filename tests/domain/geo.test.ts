// Distances between communes, from the GeoNames dataset: what matching needs for mobility radii.
import { describe, expect, it } from 'vitest';
import { communeKey, distanceKm, locateCommune } from '@/lib/domain/geo';
import { departementsOf } from '@/lib/domain/geo/lookup';

describe('communes and distances', () => {
  it('finds communes by postcode and name, whatever their spelling on the page', () => {
    expect(locateCommune('69100', 'Villeurbanne')).toBeDefined();
    expect(locateCommune('69800', 'SAINT-PRIEST')).toEqual(locateCommune('69800', 'St Priest'));
    expect(locateCommune('69003', 'Lyon 3e Arrondissement')).toEqual(locateCommune('69001', 'Lyon'));
    expect(locateCommune('69003', 'Atlantide')).toBeUndefined();
  });

  it('measures real distances: neighbours are close, Lyon–Marseille is about 280 km', () => {
    const lyon = locateCommune('69003', 'Lyon')!;
    const villeurbanne = locateCommune('69100', 'Villeurbanne')!;
    const marseille = locateCommune('13001', 'Marseille')!;
    expect(distanceKm(lyon, villeurbanne)).toBeLessThan(6);
    expect(distanceKm(lyon, marseille)).toBeGreaterThan(250);
    expect(distanceKm(lyon, marseille)).toBeLessThan(300);
  });

  it('handles Corsica and overseas postcodes', () => {
    expect(departementsOf('20000')).toEqual(['2A', '2B']);
    expect(departementsOf('97400')).toEqual(['974']);
    expect(locateCommune('20000', 'Ajaccio')).toBeDefined();
    expect(communeKey('Sainte-Foy-lès-Lyon')).toBe('ste foy les lyon');
  });
});
