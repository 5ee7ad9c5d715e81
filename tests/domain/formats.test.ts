import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  QUALIFICATION_LABELS,
  agencyCodeSchema,
  contractTypeFromLabel,
  contractTypeSchema,
  emailSchema,
  frenchDateToIso,
  ftIdSchema,
  isValidSiret,
  isoDateSchema,
  nafSchema,
  normalizePhone,
  normalizeText,
  parisOffsetIso,
  phoneSchema,
  postcodeSchema,
  qualificationCodeSchema,
  romeSchema,
  sirenOf,
  sirenSchema,
  siretSchema,
} from '@/lib/domain/formats';

/** A refusal must speak French to the counsellor: accented words or French vocabulary, never zod's English default. */
function refusal(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  expect(result.success, `${JSON.stringify(value)} should be refused`).toBe(false);
  const message = result.error!.issues.map((i) => i.message).join(' | ');
  expect(message).toMatch(/invalide|inconnu|attendu/);
  expect(message).not.toMatch(/Invalid|Expected|Too (small|big)/);
  return message;
}

const accepted = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  expect(result.success, `${JSON.stringify(value)} should be accepted: ${JSON.stringify(result.error?.issues)}`).toBe(true);
  return result.data;
};

describe('France Travail identifier', () => {
  it.each(['1234567A', '12345678', '12345678901'])('accepts %s', (id) => {
    expect(accepted(ftIdSchema, id)).toBe(id);
  });
  it('trims and upper-cases', () => {
    expect(accepted(ftIdSchema, '  1234567a ')).toBe('1234567A');
  });
  it.each(['1234567', '123456A8', '1234567890A', '', '1234567AB'])('refuses %j with a French message', (id) => {
    expect(refusal(ftIdSchema, id)).toContain('Identifiant France Travail invalide');
  });
});

describe('SIRET', () => {
  it.each(['73282932000074', '35600000000048', '35600000009075', '81234567600017', '79845123300026', '84217690100010'])(
    'accepts %s',
    (siret) => {
      expect(accepted(siretSchema, siret)).toBe(siret);
      expect(isValidSiret(siret)).toBe(true);
    },
  );
  it('ignores spaces, non-breaking ones included', () => {
    expect(accepted(siretSchema, '356 000 000 09075')).toBe('35600000009075');
    expect(accepted(siretSchema, '732\u00a0829\u00a0320\u202f00074')).toBe('73282932000074');
  });
  it('accepts La Poste only by its own rule: digit sum a multiple of 5', () => {
    // Neither is Luhn-valid and both digit sums are multiples of 5; only La Poste's SIREN gets the exception.
    expect(isValidSiret('35600000009075')).toBe(true);
    expect(isValidSiret('12345678912345')).toBe(false);
  });
  it.each(['12345678912345', '35600000009090', '73282932000075'])('refuses %s (check digit)', (siret) => {
    expect(refusal(siretSchema, siret)).toContain('SIRET invalide');
    expect(isValidSiret(siret)).toBe(false);
  });
  it.each(['7328293200007', '732829320000745', '7328293200007A'])('refuses %s (not 14 digits)', (siret) => {
    expect(refusal(siretSchema, siret)).toBe('SIRET invalide : 14 chiffres attendus');
  });
});

describe('SIREN', () => {
  it('is the first 9 digits of the SIRET', () => {
    expect(sirenOf('73282932000074')).toBe('732829320');
    expect(sirenOf('356 000 000 09075')).toBe('356000000');
  });
  it('accepts a valid SIREN and refuses a wrong one', () => {
    expect(accepted(sirenSchema, '732829320')).toBe('732829320');
    expect(accepted(sirenSchema, '356000000')).toBe('356000000');
    expect(refusal(sirenSchema, '732829321')).toContain('SIREN invalide');
    expect(refusal(sirenSchema, '73282932')).toContain('SIREN invalide');
  });
});

describe('ROME, NAF, postcode, agency code', () => {
  it.each(['M1607', 'N1101', 'A1101'])('accepts ROME %s', (rome) => expect(accepted(romeSchema, rome)).toBe(rome));
  it.each(['O1234', 'M160', 'M16070', '1607M'])('refuses ROME %s', (rome) => {
    expect(refusal(romeSchema, rome)).toContain('Code ROME invalide');
  });
  it('stores NAF without the dot', () => {
    expect(accepted(nafSchema, '62.01Z')).toBe('6201Z');
    expect(accepted(nafSchema, '6201Z')).toBe('6201Z');
    expect(accepted(nafSchema, '4711D')).toBe('4711D');
  });
  it.each(['62.01', '6.201Z', '620Z', 'AB.CDZ'])('refuses NAF %s', (naf) => {
    expect(refusal(nafSchema, naf)).toContain('Code NAF invalide');
  });
  it('accepts 5-digit postcodes, Corsica included', () => {
    expect(accepted(postcodeSchema, '69003')).toBe('69003');
    expect(accepted(postcodeSchema, '20000')).toBe('20000');
    expect(refusal(postcodeSchema, '6900')).toContain('Code postal invalide');
    expect(refusal(postcodeSchema, '2A000')).toContain('Code postal invalide');
  });
  it('accepts SAFIR agency codes', () => {
    expect(accepted(agencyCodeSchema, '69031')).toBe('69031');
    expect(refusal(agencyCodeSchema, '6903')).toContain('Code agence invalide');
  });
});

describe('phone', () => {
  it.each([
    ['+33 6 12 34 56 78', '0612345678'],
    ['0033 6 12 34 56 78', '0612345678'],
    ['+33 (0)6 12 34 56 78', '0612345678'],
    ['06.12.34.56.78', '0612345678'],
    ['06-12-34-56-78', '0612345678'],
    ['06\u00a012\u00a034\u00a056\u00a078', '0612345678'],
    ['04 72 00 00 00', '0472000000'],
  ])('normalises %j to %s', (raw, phone) => {
    expect(normalizePhone(raw)).toBe(phone);
    expect(accepted(phoneSchema, raw)).toBe(phone);
  });
  it.each(['6 12 34 56 78', '06 12 34 56 7', '+44 20 7946 0958', 'Non renseigné'])('refuses %j', (raw) => {
    expect(refusal(phoneSchema, raw)).toContain('Numéro de téléphone invalide');
  });
});

describe('email', () => {
  it('trims and lower-cases', () => {
    expect(accepted(emailSchema, '  Claire.Roussel@Example.COM ')).toBe('claire.roussel@example.com');
  });
  it.each(['claire.roussel.example.com', 'a@b@example.com', 'a b@example.com', '@example.com'])('refuses %j', (raw) => {
    expect(refusal(emailSchema, raw)).toContain('Adresse électronique invalide');
  });
});

describe('dates', () => {
  it('turns dd/mm/yyyy into ISO', () => {
    expect(frenchDateToIso('12/03/2025')).toBe('2025-03-12');
    expect(frenchDateToIso(' 05/01/2027 ')).toBe('2027-01-05');
    expect(frenchDateToIso('29/02/2024')).toBe('2024-02-29');
  });
  it('gives nothing for a date that does not exist', () => {
    expect(frenchDateToIso('31/02/2025')).toBeUndefined();
    expect(frenchDateToIso('29/02/2025')).toBeUndefined();
    expect(frenchDateToIso('12/13/2025')).toBeUndefined();
    expect(frenchDateToIso('Immédiate')).toBeUndefined();
  });
  it('accepts only real calendar dates in ISO form', () => {
    expect(accepted(isoDateSchema, '2025-03-12')).toBe('2025-03-12');
    expect(refusal(isoDateSchema, '2025-02-29')).toContain('Date invalide');
    expect(refusal(isoDateSchema, '12/03/2025')).toContain('Date invalide');
    expect(refusal(isoDateSchema, '2025-3-12')).toContain('Date invalide');
  });
  it('writes Paris local times with the offset of that instant', () => {
    expect(parisOffsetIso('2026-11-20', '14:32')).toBe('2026-11-20T14:32:00+01:00');
    expect(parisOffsetIso('2026-07-14', '09:05')).toBe('2026-07-14T09:05:00+02:00');
    // Last hour of summer time and first hour of winter time, around the October change.
    expect(parisOffsetIso('2026-10-25', '01:59')).toBe('2026-10-25T01:59:00+02:00');
    expect(parisOffsetIso('2026-10-25', '03:00')).toBe('2026-10-25T03:00:00+01:00');
    expect(parisOffsetIso('2026-03-29', '03:00')).toBe('2026-03-29T03:00:00+02:00');
    expect(parisOffsetIso('2026-03-29', '01:59')).toBe('2026-03-29T01:59:00+01:00');
  });
  it('refuses an impossible date or time in French', () => {
    expect(() => parisOffsetIso('2026-02-30', '10:00')).toThrow(/invalide/);
    expect(() => parisOffsetIso('2026-11-20', '25:00')).toThrow(/invalide/);
  });
});

describe('contract types and qualification', () => {
  it.each([
    ['CDI', 'CDI'],
    ['CDD', 'CDD'],
    ['Intérim', 'MIS'],
    ['mission intérimaire', 'MIS'],
    ['Saisonnier', 'SAI'],
    ['Alternance', 'ALT'],
    ['Libéral', 'LIB'],
    ['Contrat à durée indéterminée', 'CDI'],
    ['Contrat à durée déterminée', 'CDD'],
  ])('reads %j as %s', (label, code) => {
    expect(contractTypeFromLabel(label)).toBe(code);
  });
  it('gives nothing for an unknown label', () => {
    expect(contractTypeFromLabel('Stage')).toBeUndefined();
    expect(contractTypeFromLabel('')).toBeUndefined();
  });
  it('accepts only the France Travail codes', () => {
    for (const code of ['CDI', 'CDD', 'MIS', 'SAI', 'ALT', 'LIB']) expect(accepted(contractTypeSchema, code)).toBe(code);
    expect(refusal(contractTypeSchema, 'Intérim')).toContain('Type de contrat inconnu');
  });
  it('knows the nine qualification levels of domain.md', () => {
    expect(QUALIFICATION_LABELS[1]).toBe('Manœuvre');
    expect(QUALIFICATION_LABELS[3]).toBe('Ouvrier qualifié (P1,P2)');
    expect(QUALIFICATION_LABELS[6]).toBe('Employé qualifié');
    expect(QUALIFICATION_LABELS[9]).toBe('Cadre');
    expect(Object.keys(QUALIFICATION_LABELS)).toHaveLength(9);
    expect(accepted(qualificationCodeSchema, 6)).toBe(6);
    for (const bad of [0, 10, 2.5, '6']) expect(refusal(qualificationCodeSchema, bad)).toContain('qualification invalide');
  });
});

describe('text', () => {
  it('collapses whitespace, non-breaking spaces included, and trims', () => {
    expect(normalizeText('  Thi\u00a0Lan  ')).toBe('Thi Lan');
    expect(normalizeText('Anglais\u00a0:\n\t intermédiaire')).toBe('Anglais : intermédiaire');
    expect(normalizeText('<b>gras</b>')).toBe('<b>gras</b>');
  });

  it('gives what collapsing every whitespace run then trimming gives, for any text of spaces, breaks and marks', () => {
    // The plain rule, written out here: the function takes a shortcut for texts that need only trimming.
    const plainRule = (s: string) => s.replace(/[\s\u200b\u2060\ufeff]+/g, ' ').trim();
    const pieces = ['a', 'Nom', ':', ' ', '  ', '\n', '\t', '\u00a0', '\u200b', '\u2060', '\ufeff', '\u2009', '\r\n', 'é'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(normalizeText(text)).toBe(plainRule(text));
      }),
      { numRuns: 5000 },
    );
  });
});
