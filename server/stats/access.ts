/**
 * Who sees which figures: a counsellor its own promotions only (even grouped by counsellor), a `manager` every
 * counsellor of its agency, a `national` member any agency and `scope=national`. Anything else is 403.
 */
import type { StatsPerimeter } from '../../lib/stats/schema';
import { scopeOfCounsellor, type Counsellor } from '../auth/counsellor';
import { ApiError, forbiddenScope } from '../errors';

export interface StatsAccess {
  perimeter: StatsPerimeter;
  /** Absent: every agency. */
  agencyCode?: string;
  /** Present: this counsellor's promotions only. */
  counsellor?: string;
}

export const forbiddenNational = () =>
  new ApiError(403, 'forbidden', "Accès refusé : les chiffres nationaux sont réservés à l'équipe nationale.");

export function statsAccess(counsellor: Counsellor, scope: string): StatsAccess {
  const national = counsellor.roles.includes('national');
  if (scope === 'national') {
    if (!national) throw forbiddenNational();
    return { perimeter: 'national' };
  }
  const agencyCode = scope.slice('agency:'.length);
  if (scope !== scopeOfCounsellor(counsellor)) {
    if (!national) throw forbiddenScope();
    return { perimeter: 'agency', agencyCode };
  }
  if (national || counsellor.roles.includes('manager')) return { perimeter: 'agency', agencyCode };
  return { perimeter: 'own', agencyCode, counsellor: counsellor.sub };
}
