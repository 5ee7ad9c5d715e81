/** Routes of entreprises.localhost — the "Fiche Entreprise" tool. */
import { cleanPath, decodeSegment, type DemoRequest, htmlReply, isRead, methodNotAllowed, type Reply } from '../http';
import { ESTABLISHMENTS, findEstablishment } from '../seed/establishments';
import type { SeedEstablishment } from '../seed/types';
import { renderEstablishment, renderFeHome, renderFeNotFound, renderSearch, renderTechnicalError } from '../tools/fiche-entreprise';

/** Lower-case, no accents, single spaces: `Propreté  Lyonnaise` → `proprete lyonnaise`. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Matches on raison sociale, enseigne, commune, postcode or SIRET; every word of the query must match. */
export function searchEstablishments(query: string, department = ''): SeedEstablishment[] {
  const words = fold(query).split(' ').filter(Boolean);
  const digits = query.replace(/[\s\u00a0]/g, '');
  return ESTABLISHMENTS.filter((e) => {
    if (department && !e.address.postcode.startsWith(department)) return false;
    if (/^\d{3,14}$/.test(digits) && e.siret.startsWith(digits)) return true;
    const haystack = fold(`${e.name} ${e.tradeName} ${e.address.city} ${e.address.postcode} ${e.siret}`);
    return words.every((w) => haystack.includes(w));
  });
}

export function entreprisesRoute(clock: () => Date) {
  return (req: DemoRequest): Reply => {
    if (!isRead(req)) return methodNotAllowed(['GET', 'HEAD']);
    const path = cleanPath(req.url);

    if (path === '/') return htmlReply(renderFeHome(ESTABLISHMENTS));
    if (path === '/recherche') {
      const query = (req.url.searchParams.get('q') ?? '').trim();
      const department = (req.url.searchParams.get('dep') ?? '').trim();
      return htmlReply(renderSearch({ query, department, results: searchEstablishments(query, department) }));
    }
    const file = /^\/etablissement\/([^/]+)$/.exec(path);
    if (file) {
      const found = findEstablishment(decodeSegment(file[1]!));
      // The legacy tool answers an unknown SIRET with its technical error page (HTTP 500).
      if (!found) return htmlReply(renderTechnicalError(clock(), ESTABLISHMENTS.slice(0, 3)), 500);
      return htmlReply(renderEstablishment(found));
    }
    return htmlReply(renderFeNotFound(path), 404);
  };
}
