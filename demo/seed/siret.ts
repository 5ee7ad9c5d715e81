/**
 * SIRET checks used to build and verify the seed. Same rule as docs/domain.md:
 * Luhn over the 14 digits, or, for La Poste (SIREN 356000000), a digit sum
 * that is a multiple of 5.
 */

export const LA_POSTE_SIREN = '356000000';

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Appends the digit that makes `prefix + digit` Luhn-valid. */
export function withLuhnDigit(prefix: string): string {
  for (let d = 0; d <= 9; d++) {
    if (luhnValid(prefix + d)) return prefix + d;
  }
  throw new Error(`no Luhn digit for ${prefix}`);
}

/** Builds a SIRET from an 8-digit SIREN stem and a 4-digit NIC stem. */
export function buildSiret(sirenStem: string, nicStem: string): string {
  const siren = withLuhnDigit(sirenStem);
  return withLuhnDigit(siren + nicStem);
}

export function isValidSiret(siret: string): boolean {
  const digits = siret.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{14}$/.test(digits)) return false;
  if (luhnValid(digits)) return true;
  if (digits.startsWith(LA_POSTE_SIREN)) {
    const sum = [...digits].reduce((acc, c) => acc + Number(c), 0);
    return sum % 5 === 0;
  }
  return false;
}
