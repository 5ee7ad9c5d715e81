/** SIRETs however a page spaces them: `73282932000074`, `732 829 320 00074`, `732.829.320.00074`, `732-829-320-00074`. */
import { isValidSiret } from '@/lib/domain/formats';

const DIGIT_RUN = /\d(?:[\s.\-‐‑_]*\d){13,}/g;

/** The first valid SIRET written in the text, digits only. */
export function siretIn(text: string): string | undefined {
  for (const run of text.match(DIGIT_RUN) ?? []) {
    const digits = run.replace(/\D/g, '');
    if (digits.length === 14 && isValidSiret(digits)) return digits;
  }
  return undefined;
}
