import { describe, expect, it } from 'vitest';
import { anonymityProblem, findIdentifyingData, type PersonIdentifiers } from '../../lib/domain/anonymity';

const LUCIE: PersonIdentifiers = {
  firstName: 'Lucie',
  lastName: 'Dupont-Moreau',
  email: 'lucie.dupont@mail.example',
  phones: ['06 12 34 56 78'],
  ftId: '1234567A',
  street: '12 rue des Lilas',
};
const kinds = (text: string, person: PersonIdentifiers = LUCIE) => [...new Set(findIdentifyingData(text, person).map((f) => f.kind))];

describe('what an anonymous pitch must not carry', () => {
  it('finds the person’s names, accents and case aside, as whole words', () => {
    expect(kinds('Profil de LÚCIE.')).toEqual(['firstName']);
    expect(kinds('Mme Dupont Moreau, secrétaire.')).toEqual(['lastName']);
    expect(kinds('Lucien, secrétaire.')).toEqual([]);
  });

  it('finds the phone with any spacing or prefix, and any French phone number', () => {
    for (const phone of ['0612345678', '06.12.34.56.78', '+33 6 12 34 56 78', '+33 (0)6 12 34 56 78', '0033612345678', '06-12-34-56-78']) {
      expect(kinds(`Joignable au ${phone}.`), phone).toEqual(['phone']);
    }
    expect(kinds('Standard : 04 78 00 00 00.', {})).toEqual(['phone']);
  });

  it('finds e-mail addresses, the local part alone, France Travail ids and street addresses', () => {
    expect(kinds('Écrire à L.Dupont@mail.example.', {})).toEqual(['email']);
    expect(kinds('Pseudo lucie.dupont sur le réseau.')).toEqual(['firstName', 'email']);
    expect(kinds('Dossier 1234567a.', {})).toEqual(['ftId']);
    expect(kinds('Dossier 12345678901.', {})).toEqual(['ftId']);
    expect(kinds('Habite au 12, rue des Lilas.', {})).toEqual(['street']);
    expect(kinds('Habite 3 bis avenue Jean Jaurès.', {})).toEqual(['street']);
  });

  it('lets through a pitch about skills, SIRET, years and licences included', () => {
    expect(kinds("Secrétaire, 12 ans d'expérience, permis B, CACES 1 3 5, SIRET 73282932000074, disponible le 01/04.")).toEqual([]);
    expect(anonymityProblem([])).toBeUndefined();
  });

  it('tells the counsellor what to remove', () => {
    expect(anonymityProblem(findIdentifyingData('Lucie Dupont-Moreau, 06 12 34 56 78', LUCIE))).toBe(
      "Message anonyme : retirez le prénom, le nom et le numéro de téléphone du demandeur avant l'envoi.",
    );
  });
});
