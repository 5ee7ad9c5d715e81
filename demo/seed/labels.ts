/** Display labels of France Travail codes (docs/domain.md). */
import type { ContractCode, QualificationCode } from './types';

export const CONTRACT_LABELS: Record<ContractCode, string> = {
  CDI: 'CDI',
  CDD: 'CDD',
  MIS: 'Intérim',
  SAI: 'Saisonnier',
  ALT: 'Alternance',
  LIB: 'Libéral',
};

export const QUALIFICATION_LABELS: Record<QualificationCode, string> = {
  1: 'Manœuvre',
  2: 'Ouvrier spécialisé',
  3: 'Ouvrier qualifié (P1,P2)',
  4: 'Ouvrier qualifié (P3,P4,OHQ)',
  5: 'Employé non qualifié',
  6: 'Employé qualifié',
  7: 'Technicien',
  8: 'Agent de maîtrise',
  9: 'Cadre',
};
