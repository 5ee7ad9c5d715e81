/** The establishment search (`/recherche`) → `EstablishmentHit[]`, one per result row. */
import type { EstablishmentHit } from '@/lib/domain/legacy';
import { Missing, absoluteHref, type Extraction } from '../kit/result';
import type { Row } from '../kit/table';
import type { ReadOptions } from '../kit/taught';
import { linesOf, saysNothing, textOf } from '../kit/text';
import { searchRows, type SearchColumn } from './search-table';
import { siretIn } from './siret';

type Column = SearchColumn;

function cityOf(row: Row<Column>): string | undefined {
  const city = textOf(row.city).replace(/^\d{5}\s+/, '');
  if (city && !saysNothing(city)) return city;
  const lines = row.address ? linesOf(row.address) : [];
  for (const line of lines.reverse()) {
    const match = /\b\d{5}\s+(\p{L}.*)$/u.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

/** The row's link to this establishment's page, else its first link. */
function pageUrl(row: Row<Column>, siret: string, base: URL): string {
  const hrefs = Array.from(row.$row.querySelectorAll('a[href]'))
    .map((a) => absoluteHref(a, base))
    .filter((h): h is string => h !== undefined);
  const own = hrefs.find((h) => siretIn(decodeURIComponent(new URL(h).pathname)) === siret);
  return own ?? hrefs[0] ?? new URL(`etablissement/${siret}`, base).href;
}

export function extractSearch(document: Document, url: URL, options?: ReadOptions): Extraction<'search'> | undefined {
  if (!document.body) return undefined;
  const rows = searchRows(document, options?.taught);
  if (!rows) return undefined;
  const missing = new Missing();
  const hits: EstablishmentHit[] = [];
  for (const row of rows) {
    const siret = siretIn(textOf(row.siret));
    const name = textOf(row.name);
    const city = cityOf(row);
    if (!siret) missing.add('siret');
    else if (!city) missing.add('city');
    else if (name) hits.push({ siret, name, city, url: pageUrl(row, siret, url) });
  }
  return { data: hits, missing: missing.fields };
}
