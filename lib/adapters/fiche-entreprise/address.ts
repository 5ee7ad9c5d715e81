/** Postal addresses as the CRM writes them: "12 rue de la Villette<br>69003 Lyon", or on one line. */
import type { Establishment } from '@/lib/domain/legacy';
import type { Field } from '../kit/fields';
import { linesOf, normalizeText } from '../kit/text';

type Address = Establishment['address'];

export function parseAddress(field: Field): Address | undefined {
  const lines = field.lines ?? (field.element ? linesOf(field.element) : [field.text]);
  const cityLine = lines.findIndex((l) => /^\d{5}\s+\p{L}/u.test(l));
  if (cityLine >= 0) {
    const [, postcode, city] = /^(\d{5})\s+(.+)$/u.exec(lines[cityLine]!)!;
    const street = lines.slice(0, cityLine).join(', ');
    return withStreet({ postcode: postcode!, city: normalizeText(city!) }, street);
  }
  const oneLine = /^(.*?)[,\s]+(\d{5})\s+(\p{L}.*)$/u.exec(lines.join(' '));
  if (!oneLine) return undefined;
  return withStreet({ postcode: oneLine[2]!, city: normalizeText(oneLine[3]!) }, oneLine[1]!);
}

function withStreet(address: { postcode: string; city: string }, street: string): Address {
  const s = normalizeText(street).replace(/[,\s]+$/, '');
  return s ? { street: s, ...address } : address;
}
