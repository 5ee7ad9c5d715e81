/** The locator over France's communes, with the generated GeoNames index (about 280 kB). */
import index from './communes-fr.generated.json';
import { createLocator, type CommuneIndex } from './lookup';

export const locateCommune = createLocator(index as unknown as CommuneIndex);
export { communeKey, distanceKm, type Point } from './lookup';
