import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../lib/domain/sync';
import { resolvePeriod } from '../../lib/stats/period';
import { statsReport } from '../../lib/stats/report';
import { statsQuerySchema, statsReportSchema } from '../../lib/stats/schema';
import { ApiError } from '../errors';
import { statsAccess } from '../stats/access';
import { readStatsBuckets } from '../stats/query';

/** `GET /v1/stats`: figures of promotions sent in a period, in total and by month, ROME domain or counsellor. */
export const statsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/stats',
    {
      schema: {
        summary: 'Statistiques des promotions',
        description:
          "Promotions dont l'envoi tombe dans la période (jours de Paris, bornes comprises ; par défaut les douze derniers mois), " +
          "avec le taux de réponse, le délai médian de première réponse, les entretiens, embauches, profils conservés, refus par motif, " +
          'sans réponse et retraits ; au total et par mois, domaine ROME ou conseiller. Un conseiller ne voit que ses promotions, ' +
          "un responsable (rôle manager) toute son agence, l'équipe nationale (rôle national) toute agence et scope=national.",
        tags: ['statistiques'],
        querystring: statsQuerySchema,
        response: { 200: statsReportSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 429: apiErrorSchema },
      },
    },
    async (request) => {
      const { scope, groupBy, ...asked } = request.query;
      const access = statsAccess(request.counsellor!, scope);
      const period = resolvePeriod(asked);
      if ('error' in period) throw new ApiError(400, 'invalid_request', `Requête invalide : ${period.error}`);
      const buckets = await readStatsBuckets(app.db, { ...period, agencyCode: access.agencyCode, counsellor: access.counsellor }, groupBy);
      return statsReport(buckets, { scope, perimeter: access.perimeter, ...period, groupBy, generatedAt: new Date().toISOString() });
    },
  );
};
