/** Every refusal is `{ error: { code, message } }` with a message a counsellor can read (in French). */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_BATCH_BYTES } from '../lib/domain/sync';
import { maskUrl } from './privacy/log-masking';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** Extra top-level fields of the body, e.g. `expectedSeq`. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const unauthorized = () =>
  new ApiError(401, 'unauthorized', 'Session expirée ou jeton invalide : reconnectez-vous.');

export const forbiddenScope = () =>
  new ApiError(403, 'forbidden', "Accès refusé : vous ne pouvez consulter ou modifier que les données de votre agence.");

const frenchLocale = z.locales.fr().localeError;

/** Zod's French locale, with "missing" said plainly; schema-level messages (already French) take precedence. */
export const frenchErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'valeur obligatoire manquante';
  return frenchLocale(issue);
};

export function parseInFrench<S extends z.ZodType>(schema: S, data: unknown): z.ZodSafeParseResult<z.output<S>> {
  return schema.safeParse(data, { error: frenchErrorMap }) as z.ZodSafeParseResult<z.output<S>>;
}

/** "path : message ; path : message (et N autre(s))" — short enough to show the counsellor. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], max = 3): string {
  const parts = issues.slice(0, max).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path} : ${issue.message}` : issue.message;
  });
  const more = issues.length > max ? ` (et ${issues.length - max} autre(s))` : '';
  return parts.join(' ; ') + more;
}

/** Ends the text with one full stop (schema messages often carry their own). */
export const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

/** Validation of request parts with French messages: replaces the type provider's default validator. */
export const frenchValidatorCompiler =
  ({ schema }: { schema: unknown }) =>
  (data: unknown) => {
    const result = parseInFrench(schema as z.ZodType, data);
    if (result.success) return { value: result.data };
    return { error: new ApiError(400, 'invalid_request', sentence(`Requête invalide : ${describeIssues(result.error.issues)}`)) };
  };

const send = (reply: FastifyReply, err: ApiError) =>
  reply.code(err.statusCode).send({ error: { code: err.code, message: err.message }, ...err.extra });

function translate(err: FastifyError & { validation?: unknown }): ApiError {
  if (err instanceof ApiError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => ({ path: v.instancePath.split('/').filter(Boolean), message: v.message ?? 'valeur invalide' }));
    return new ApiError(400, 'invalid_request', sentence(`Requête invalide : ${describeIssues(issues)}`));
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'payload_too_large', `Envoi trop volumineux : ${MAX_BATCH_BYTES / 1024} Ko au plus par envoi.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'unsupported_media_type', 'Type de contenu non pris en charge : application/json attendu.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(400, 'invalid_request', 'Requête invalide : le corps JSON est vide ou illisible.');
  }
  if (err instanceof SyntaxError || err.statusCode === 400) {
    return new ApiError(400, 'invalid_request', 'Requête invalide : le corps JSON est illisible.');
  }
  const status = err.statusCode ?? 500;
  if (status === 404) return new ApiError(404, 'not_found', 'Ressource introuvable.');
  if (status === 405) return new ApiError(405, 'method_not_allowed', 'Méthode non autorisée pour cette adresse.');
  if (status >= 400 && status < 500) return new ApiError(status, 'bad_request', 'Requête refusée par le serveur.');
  return new ApiError(500, 'internal_error', 'Erreur interne du serveur : réessayez dans quelques instants.');
}

/**
 * Errors raised by the router before any route or hook (`frameworkErrors`): an address that is not valid
 * percent-encoding, or a path parameter over the length limit. Same shape and language as every refusal.
 */
export function frameworkErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const apiError =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new ApiError(414, 'uri_too_long', 'Adresse trop longue : un paramètre dépasse la longueur permise.')
      : new ApiError(400, 'invalid_request', "Requête invalide : l'adresse est mal encodée.");
  request.log.info({ code: apiError.code, status: apiError.statusCode }, 'requête refusée');
  // No route, so no onSend hook: the headers of server/http/headers.ts are set here.
  reply.headers({
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    'X-Frame-Options': 'DENY',
  });
  void send(reply, apiError);
}

export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const apiError = translate(err);
    if (apiError.statusCode >= 500) request.log.error({ err }, 'erreur interne');
    else if (apiError.statusCode === 403) {
      const c = request.counsellor;
      request.log.warn({ code: apiError.code, sub: c?.sub, agency: c?.agencyCode, url: maskUrl(request.url) }, 'accès refusé');
    }
    else request.log.info({ code: apiError.code, status: apiError.statusCode }, 'requête refusée');
    return send(reply, apiError);
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, new ApiError(404, 'not_found', `Adresse inconnue du service : ${request.method} ${request.url.split('?')[0]}`)),
  );
}
