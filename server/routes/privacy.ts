import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ftIdSchema } from '../../lib/domain/formats';
import { apiErrorSchema, scopeSchema } from '../../lib/domain/sync';
import { recordAudit } from '../audit/log';
import { scopeOfCounsellor } from '../auth/counsellor';
import { forbiddenScope } from '../errors';
import { exportCount, exportJobSeeker } from '../privacy/export';
import { pseudonymKey, pseudonymOf } from '../privacy/pseudonym';

const record = z.record(z.string(), z.unknown());

export const jobSeekerExportSchema = z.object({
  ftId: z.string(),
  scope: z.string(),
  generatedAt: z.string(),
  promotions: z.array(record),
  events: z.array(record),
  consentEvidence: z.array(record),
  poolEntries: z.array(record),
  overwrittenValues: z.array(
    z.object({ entity: z.string(), entityId: z.string(), field: z.string(), previousValue: z.unknown(), newValue: z.unknown(), at: z.string() }),
  ),
});

/**
 * `GET /v1/privacy/job-seekers/:ftId?scope=agency:<code>`: what the agency holds about one job seeker (right of
 * access). Any counsellor of the agency may answer the job seeker in front of them (they already sync the whole
 * agency's data); another agency gets 403. Every export is written to the audit log, by pseudonym.
 */
export const privacyRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/privacy/job-seekers/:ftId',
    {
      schema: {
        summary: "Export des données détenues sur un demandeur d'emploi",
        description:
          "Promotions (et leurs événements), entrées du vivier et valeurs remplacées qui mentionnent cet identifiant, dans le périmètre de l'agence. Réservé aux conseillers de l'agence ; chaque export est tracé.",
        tags: ['données personnelles'],
        params: z.strictObject({ ftId: ftIdSchema }),
        querystring: z.strictObject({ scope: scopeSchema }),
        response: { 200: jobSeekerExportSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 429: apiErrorSchema },
      },
    },
    async (request) => {
      const counsellor = request.counsellor!;
      const { scope } = request.query;
      if (scope !== scopeOfCounsellor(counsellor)) throw forbiddenScope();
      const { ftId } = request.params;
      const result = await exportJobSeeker(app.db, scope, ftId);
      await recordAudit(app.db, {
        sub: counsellor.sub,
        agencyCode: counsellor.agencyCode,
        action: 'export',
        scope,
        count: exportCount(result),
        at: result.generatedAt,
        details: { subject: pseudonymOf(await pseudonymKey(app.db), ftId) },
      });
      return result;
    },
  );
};
