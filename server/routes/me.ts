import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agencyCodeSchema } from '../../lib/domain/formats';
import { apiErrorSchema } from '../../lib/domain/sync';
import { ROLES } from '../auth/counsellor';

export const meSchema = z.object({
  sub: z.string(),
  agencyCode: agencyCodeSchema,
  /** The display name from the token's claims or the provider's userinfo; the `sub` when neither gives one. */
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
});

/**
 * `GET /v1/me`: who the verified token says the caller is (server/auth: claims, role mapping, userinfo name). The extension takes its sync scope (`agency:<code>`)
 * from here instead of decoding the token itself (an opaque dev token has no claims to decode).
 */
export const meRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/me',
    {
      schema: {
        summary: 'Conseiller connecté et son agence',
        tags: ['service'],
        response: { 200: meSchema, 401: apiErrorSchema, 429: apiErrorSchema },
      },
    },
    async (request) => {
      const c = request.counsellor!;
      return { sub: c.sub, agencyCode: c.agencyCode, name: c.name ?? c.sub, roles: c.roles };
    },
  );
};
