/** Builds the central endpoint (no listening): database, auth, limits, documentation, routes. */
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import pino from 'pino';
import { z } from 'zod';
import { MAX_BATCH_BYTES, mutationSchema } from '../lib/domain/sync';
import { registerAuth } from './auth/plugin';
import type { ServerConfig } from './config';
import { createDatabase, migrateToLatest } from './db/database';
import type { Db, Dialect } from './db/schema';
import { ApiError, frameworkErrorHandler, frenchValidatorCompiler, registerErrorHandlers } from './errors';
import { registerCors, registerSecurityHeaders } from './http/headers';
import { registerMetrics } from './observability/plugin';
import { DEFAULT_TIMEOUTS, timeoutOptions, type HttpTimeouts } from './http/timeouts';
import { healthRoute } from './routes/health';
import { metricsRoute } from './routes/metrics';
import { readyRoute } from './routes/ready';
import { meRoute } from './routes/me';
import { statsRoute } from './routes/stats';
import { syncPullRoute } from './routes/sync-pull';
import { syncPushRoute } from './routes/sync-push';
import { purgeTombstones } from './sync/tombstones';
import { requestSerializer } from './privacy/log-masking';
import { purgeExpiredRecords, type RetentionReport } from './privacy/retention';
import { privacyRoute } from './routes/privacy';
import { readersHealthRoute } from './routes/readers-health';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dialect: Dialect;
    /** Housekeeping, also called by tests and operators. */
    maintenance: {
      purgeTombstones(now?: Date): Promise<number>;
      /** Retention: records 24 months past their last event become tombstones (server/privacy/retention.ts). */
      purgeExpired(now?: Date): Promise<RetentionReport>;
    };
  }
}

export const REDACTED_PATHS = ['req.headers.authorization', 'headers.authorization', 'authorization', 'token'];

const DOCS_PATHS = ['/docs', '/docs/', '/docs/json', '/docs/yaml', '/docs/static/*', '/docs/*', '/docs/initOAuth', '/docs/uiConfig'];

/** `timeouts`: the connection and request limits of server/http/timeouts.ts (tests shorten them). */
export async function buildApp(config: ServerConfig, timeouts: Partial<HttpTimeouts> = {}): Promise<FastifyInstance> {
  const logger = pino(
    {
      level: config.log.level,
      redact: { paths: REDACTED_PATHS, censor: '[masqué]' },
      // Replaces Fastify's: same fields, the job seeker's ftId masked in the export route's URL.
      serializers: { req: requestSerializer },
    },
    config.log.stream ?? pino.destination(1),
  );
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: MAX_BATCH_BYTES,
    trustProxy: config.trustProxy,
    frameworkErrors: frameworkErrorHandler,
    ...timeoutOptions({ ...DEFAULT_TIMEOUTS, ...timeouts }),
  });
  // JSON only: a text body is refused with 415 rather than failing validation.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(frenchValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandlers(app);

  const { db, dialect } = createDatabase(config.database, (message) =>
    app.log.warn({ reason: message }, 'point de reprise SQLite en arrière-plan impossible : la base le fera elle-même'),
  );
  let closed = false;
  app.decorate('db', db);
  app.decorate('dialect', dialect);
  app.addHook('onClose', async () => {
    if (closed) return;
    closed = true;
    await db.destroy();
  });
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }

  const purge = (now?: Date) => purgeTombstones(db, config.tombstoneRetentionDays, now);
  const purgeExpired = (now?: Date) => purgeExpiredRecords(db, dialect, now);
  app.decorate('maintenance', { purgeTombstones: purge, purgeExpired });
  await purgeExpired();
  await purge();
  if (config.maintenanceIntervalMs > 0) {
    const timer = setInterval(() => {
      void purgeExpired()
        .catch((err) => app.log.error({ err }, 'purge des données arrivées à échéance impossible'))
        .then(() => purge())
        .catch((err) => app.log.error({ err }, 'purge des suppressions impossible'));
    }, config.maintenanceIntervalMs);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }

  registerMetrics(app);
  registerSecurityHeaders(app);
  registerCors(app, config.extensionOrigins);
  registerAuth(app, config.auth);

  // After the auth hook: route-level rate-limit hooks run after instance hooks, so the key is the counsellor.
  await app.register(rateLimit, {
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.timeWindowMs,
    keyGenerator: (request) => (request.counsellor ? `sub:${request.counsellor.sub}` : `ip:${request.ip}`),
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        429,
        'rate_limited',
        `Trop de requêtes : réessayez dans ${Math.max(1, Math.ceil(context.ttl / 1000))} s.`,
      ),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Profilence — service central',
        description: 'Synchronisation des promotions de profils, du tableau des besoins et du vivier (docs/sync-protocol.md).',
        version: '1.0.0',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        // The push envelope takes `args` as is (one bad mutation must not refuse the batch): its forms are here.
        schemas: { Mutation: z.toJSONSchema(mutationSchema, { io: 'input', target: 'openapi-3.0', unrepresentable: 'any' }) as object },
      },
      security: [{ bearer: [] }],
    },
    transform: createJsonSchemaTransform({ skipList: DOCS_PATHS }),
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // Served over plain HTTP on a workstation: do not force https sub-resources.
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
  });

  await app.register(healthRoute);
  await app.register(readyRoute);
  await app.register(metricsRoute(config.metricsToken));
  await app.register(meRoute);
  await app.register(statsRoute);
  await app.register(syncPushRoute);
  await app.register(syncPullRoute);
  await app.register(privacyRoute);
  await app.register(readersHealthRoute);
  return app;
}
