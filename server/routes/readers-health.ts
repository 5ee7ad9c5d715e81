import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../lib/domain/sync';
import { baselineStart } from '../../lib/domain/miss-rate';
import {
  HEALTH_DEFAULT_DAYS,
  healthReceiptSchema,
  healthReportSchema,
  MAX_HEALTH_DAYS,
  readersHealthQuerySchema,
  readersHealthReportSchema,
} from '../../lib/domain/reader-health';
import { daysBetween, parisDay } from '../../lib/stats/days';
import { ApiError } from '../errors';
import { readersHealthAccess } from '../readers/access';
import { healthReport } from '../readers/report';
import { countReportingInstalls, firstSeenOf, readHealthSums, saveHealthDay } from '../readers/store';

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** `POST` and `GET /v1/readers/health`: each install's daily counts in; a perimeter's readers' health out. */
export const readersHealthRoute: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/readers/health',
    {
      schema: {
        summary: "Santé des lecteurs : comptes du jour d'un poste",
        description:
          "Lectures, champs manqués et variantes de libellés par outil et type de page, pour un jour (Paris) et un poste. " +
          "Aucune donnée personnelle. Renvoyé pour le même jour, il remplace les comptes de ce poste pour ce jour. " +
          "L'agence et le conseiller sont ceux du jeton.",
        tags: ['lecteurs'],
        body: healthReportSchema,
        response: { 200: healthReceiptSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 429: apiErrorSchema },
      },
    },
    async (request) => {
      const report = request.body;
      // A day after tomorrow (Paris) cannot have been counted yet; tomorrow allows for a clock slightly ahead.
      if (report.day > shift(parisDay(new Date()), 1)) {
        throw new ApiError(400, 'invalid_request', 'Requête invalide : le jour des comptes est dans le futur.');
      }
      await saveHealthDay(app.db, request.counsellor!, report);
      return { day: report.day, readings: report.pages.reduce((n, p) => n + p.readings, 0) };
    },
  );

  app.get(
    '/v1/readers/health',
    {
      schema: {
        summary: 'Santé des lecteurs',
        description:
          'Par outil, type de page et champ : lectures, manques, taux de manque par jour et hausse au-dessus de 5 % ; ' +
          'pages non reconnues ; variantes de libellés et premier jour où elles ont été lues. ' +
          "Un responsable (rôle manager) voit son agence, l'équipe nationale (rôle national) toute agence et scope=national.",
        tags: ['lecteurs'],
        querystring: readersHealthQuerySchema,
        response: { 200: readersHealthReportSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 429: apiErrorSchema },
      },
    },
    async (request) => {
      const { scope, ...asked } = request.query;
      const access = readersHealthAccess(request.counsellor!, scope);
      const to = asked.to ?? parisDay(new Date());
      const from = asked.from ?? shift(to, -(HEALTH_DEFAULT_DAYS - 1));
      if (from > to) throw new ApiError(400, 'invalid_request', 'Requête invalide : la date de début doit précéder la date de fin.');
      if (daysBetween(from, to) >= MAX_HEALTH_DAYS) throw new ApiError(400, 'invalid_request', `Période trop longue : ${MAX_HEALTH_DAYS} jours au plus.`);
      const where = { agencyCode: access.agencyCode, from, to };
      const sums = await readHealthSums(app.db, { ...where, from: baselineStart(from) });
      const hashes = [...new Set(sums.filter((s) => s.kind === 'variant' && s.day >= from).map((s) => s.key))];
      const [installs, firstSeen] = await Promise.all([countReportingInstalls(app.db, where), firstSeenOf(app.db, hashes, access.agencyCode)]);
      return healthReport(sums, firstSeen, { scope, perimeter: access.perimeter, from, to, generatedAt: new Date().toISOString(), installs });
    },
  );
};
