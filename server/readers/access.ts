/**
 * Who sees the readers' health: the national team (role `national`) any agency and `scope=national`, a manager
 * its own agency; a counsellor nothing (the report is for the people who maintain the readers). Else 403.
 */
import { scopeOfCounsellor, type Counsellor } from '../auth/counsellor';
import { ApiError } from '../errors';

export interface HealthAccess {
  perimeter: 'agency' | 'national';
  /** Absent: every agency. */
  agencyCode?: string;
}

export function readersHealthAccess(counsellor: Counsellor, scope: string): HealthAccess {
  const national = counsellor.roles.includes('national');
  if (scope === 'national') {
    if (!national) throw new ApiError(403, 'forbidden', "Accès refusé : la santé des lecteurs de toutes les agences est réservée à l'équipe nationale.");
    return { perimeter: 'national' };
  }
  if (national) return { perimeter: 'agency', agencyCode: scope.slice('agency:'.length) };
  if (!counsellor.roles.includes('manager')) {
    throw new ApiError(403, 'forbidden', "Accès refusé : la santé des lecteurs est réservée aux responsables d'agence et à l'équipe nationale.");
  }
  if (scope !== scopeOfCounsellor(counsellor)) {
    throw new ApiError(403, 'forbidden', 'Accès refusé : vous ne pouvez consulter que la santé des lecteurs de votre agence.');
  }
  return { perimeter: 'agency', agencyCode: counsellor.agencyCode };
}
