/**
 * The readers' health report (docs/readers-health.md): per install and per day, how many pages each reader read,
 * which fields it missed, the pages of the legacy tools it did not recognise, and the variants of each page's
 * label set. No personal data: no URL, no value, no name — counts, field names and label-set hashes only.
 * The same schemas are the wire contract of `POST` and `GET /v1/readers/health`.
 */
import * as z from 'zod';
import { isoDateSchema } from './formats';
import { labelSetHashSchema, LEGACY_TOOLS, PAGE_KINDS, type ReadResult } from './legacy';

/** A reader's tool, or `unknown` for an unrecognised page whose path names none of them. */
export const HEALTH_TOOLS = [...LEGACY_TOOLS, 'unknown'] as const;
export type HealthTool = (typeof HEALTH_TOOLS)[number];
/** A page kind a reader recognised, or `unrecognised`. */
export const HEALTH_PAGES = [...PAGE_KINDS, 'unrecognised'] as const;
export type HealthPage = (typeof HEALTH_PAGES)[number];

export const HEALTH_SCHEMA_VERSION = 1;
/** What one report may hold: far more than the readers have, small enough for one request. */
export const MAX_HEALTH_PAGES = 64;
export const MAX_HEALTH_FIELDS = 64;
export const MAX_HEALTH_VARIANTS = 64;
const MAX_COUNT = 1_000_000;


const countSchema = z.number({ error: 'Nombre attendu' }).int({ error: 'Nombre entier attendu' }).min(0, { error: 'Nombre positif attendu' }).max(MAX_COUNT, { error: 'Nombre trop grand' });
/** A field name of the readers' `missing` list (`email`, `address`, `agent`…), never a value. */
const fieldNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,39}$/, { error: 'Nom de champ invalide.' });

export const pageHealthSchema = z
  .strictObject({
    tool: z.enum(HEALTH_TOOLS, { error: 'Outil inconnu.' }),
    page: z.enum(HEALTH_PAGES, { error: 'Type de page inconnu.' }),
    /** Readings of this page kind that day. */
    readings: countSchema,
    /** Per field, the readings that missed it. */
    misses: z.array(z.strictObject({ field: fieldNameSchema, count: countSchema })).max(MAX_HEALTH_FIELDS, { error: 'Trop de champs.' }),
    /** Per label-set hash, the readings that showed it. */
    variants: z.array(z.strictObject({ hash: labelSetHashSchema, count: countSchema })).max(MAX_HEALTH_VARIANTS, { error: 'Trop de variantes.' }),
  })
  .refine((p) => p.misses.every((m) => m.count <= p.readings) && p.variants.every((v) => v.count <= p.readings), {
    error: 'Compte invalide : plus de manques ou de variantes que de lectures.',
  })
  .refine((p) => new Set(p.misses.map((m) => m.field)).size === p.misses.length && new Set(p.variants.map((v) => v.hash)).size === p.variants.length, {
    error: 'Compte invalide : un champ ou une variante apparaît deux fois.',
  });
export type PageHealth = z.infer<typeof pageHealthSchema>;

/** One install's counts of one day (Paris). */
export const dayHealthSchema = z.strictObject({
  day: isoDateSchema,
  pages: z
    .array(pageHealthSchema)
    .max(MAX_HEALTH_PAGES, { error: 'Trop de pages.' })
    .refine((pages) => new Set(pages.map((p) => `${p.tool}/${p.page}`)).size === pages.length, {
      error: 'Compte invalide : une page apparaît deux fois.',
    }),
});
export type DayHealth = z.infer<typeof dayHealthSchema>;

/** `POST /v1/readers/health`: the day's counts of one install; sent again, they replace that install's day. */
export const healthReportSchema = dayHealthSchema.extend({
  clientId: z.uuid({ error: 'Identifiant du poste invalide : UUID attendu.' }),
  schemaVersion: z.literal(HEALTH_SCHEMA_VERSION, { error: 'Version du format inconnue : 1 attendu.' }),
});
export type HealthReport = z.infer<typeof healthReportSchema>;

export const healthReceiptSchema = z.object({ day: isoDateSchema, readings: z.number().int().min(0) });
export type HealthReceipt = z.infer<typeof healthReceiptSchema>;

export const emptyDay = (day: string): DayHealth => ({ day, pages: [] });

/**
 * The tool of an unrecognised page, guessed from its path as the readers' `detect` would (never by host, the real
 * tools run on other hosts); `unknown` when the path names none.
 */
export function toolOfPath(url: string): HealthTool {
  let path: string;
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    return 'unknown';
  }
  if (/\/(dossiers?|portefeuille)(\/|$)/.test(path)) return 'dossier-demandeur';
  if (/\/(etablissements?|entreprises?|recherche)(\/|$)/.test(path)) return 'fiche-entreprise';
  if (/\/(mail|messagerie)(\/|$)/.test(path)) return 'messagerie';
  return 'unknown';
}

function bump<K extends 'field' | 'hash'>(list: ({ count: number } & Record<K, string>)[], key: K, value: string): void {
  const found = list.find((entry) => entry[key] === value);
  if (found) found.count += 1;
  else list.push({ [key]: value, count: 1 } as { count: number } & Record<K, string>);
}

/**
 * The day's counts with one more reading: its tool and page kind (`unrecognised` with the tool of its path), each
 * field of its `missing` list once, and its label-set hash when it has one. Nothing else of the reading is kept.
 */
export function countReading(day: DayHealth, reading: ReadResult): DayHealth {
  const tool: HealthTool = reading.recognized ? reading.tool : toolOfPath(reading.url);
  const page: HealthPage = reading.recognized ? reading.page : 'unrecognised';
  const pages = day.pages.map((p) => ({ ...p, misses: p.misses.map((m) => ({ ...m })), variants: p.variants.map((v) => ({ ...v })) }));
  let entry = pages.find((p) => p.tool === tool && p.page === page);
  if (!entry) {
    if (pages.length >= MAX_HEALTH_PAGES) return day;
    entry = { tool, page, readings: 0, misses: [], variants: [] };
    pages.push(entry);
  }
  entry.readings += 1;
  const missing = reading.recognized ? [...new Set(reading.missing)] : [];
  for (const field of missing) {
    if (fieldNameSchema.safeParse(field).success && (entry.misses.length < MAX_HEALTH_FIELDS || entry.misses.some((m) => m.field === field))) {
      bump(entry.misses, 'field', field);
    }
  }
  const hash = reading.labelSet;
  if (hash && (entry.variants.length < MAX_HEALTH_VARIANTS || entry.variants.some((v) => v.hash === hash))) bump(entry.variants, 'hash', hash);
  return { day: day.day, pages };
}

/** The readers' health of one agency or all of them, at most this many days per request. */
export const MAX_HEALTH_DAYS = 366;
export const HEALTH_DEFAULT_DAYS = 30;

/** `GET /v1/readers/health` query. */
export const readersHealthQuerySchema = z
  .strictObject({
    scope: z.string().regex(/^(national|agency:\d{5})$/, { error: 'Périmètre invalide : agency:<code SAFIR> ou national attendu.' }),
    /** First day (Paris); by default 29 days before `to`. */
    from: isoDateSchema.optional(),
    /** Last day; by default today. */
    to: isoDateSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'Période invalide : la date de début doit précéder la date de fin.', path: ['from'] });
export type ReadersHealthQuery = z.infer<typeof readersHealthQuerySchema>;

const rate = z.number().min(0).max(1).nullable();
const toolPage = { tool: z.enum(HEALTH_TOOLS), page: z.enum(HEALTH_PAGES) };

export const readersHealthReportSchema = z.object({
  scope: z.string(),
  perimeter: z.enum(['agency', 'national']),
  from: isoDateSchema,
  to: isoDateSchema,
  generatedAt: z.iso.datetime({ offset: true }),
  /** Installs that sent a report for a day of the period. */
  installs: z.number().int().min(0),
  /** Readings per tool and page kind over the period (`unrecognised`: pages of a tool no reader recognised). */
  pages: z.array(z.object({ ...toolPage, readings: z.number().int().min(0) })),
  /** Every field missed at least once in the period, with its rate per day. */
  fields: z.array(
    z.object({
      ...toolPage,
      field: z.string(),
      readings: z.number().int().min(0),
      misses: z.number().int().min(0),
      missRate: rate,
      days: z.array(z.object({ day: isoDateSchema, readings: z.number().int().min(0), misses: z.number().int().min(0), missRate: rate })),
      /** The last day of the period its miss rate jumped above 5 % (lib/domain/miss-rate.ts), or null. */
      jump: z.object({ day: isoDateSchema, missRate: z.number(), previousMissRate: rate }).nullable(),
    }),
  ),
  /** The label-set variants read in the period, with the first day any install of the perimeter read each. */
  variants: z.array(
    z.object({ ...toolPage, hash: labelSetHashSchema, readings: z.number().int().min(0), firstSeen: isoDateSchema, lastSeen: isoDateSchema }),
  ),
});
export type ReadersHealthReport = z.infer<typeof readersHealthReportSchema>;
