// @vitest-environment node
/**
 * `docs/` is the contract a client is written from: every field of the wire schemas must be in the section that
 * describes it, marked `field?` when optional, and so must every mutation name, code, role and limit. A field
 * added to a schema without its line in the docs fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_CLOCK_AHEAD_MS } from '../../lib/domain/clock';
import { companyNeedSchema } from '../../lib/domain/need';
import { poolEntrySchema } from '../../lib/domain/pool';
import { readerAliasSchema } from '../../lib/domain/reader-alias';
import { DECLINE_REASON_CODES, PROMOTION_EVENT_TYPES, promotionEventSchema, promotionSchema } from '../../lib/domain/promotion';
import {
  apiErrorSchema,
  MAX_BATCH_BYTES,
  MAX_BATCH_MUTATIONS,
  mutationArgsSchemas,
  MUTATION_NAMES,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  REJECTION_CODES,
} from '../../lib/domain/sync';
import { STATS_GROUPINGS, STATS_PERIMETERS, statsQuerySchema, statsReportSchema } from '../../lib/stats/schema';
import {
  HEALTH_PAGES,
  HEALTH_TOOLS,
  healthReceiptSchema,
  healthReportSchema,
  MAX_HEALTH_DAYS,
  readersHealthQuerySchema,
  readersHealthReportSchema,
} from '../../lib/domain/reader-health';
import { ROLES } from '../../server/auth/counsellor';
import { DEFAULTS } from '../../server/config';
import { DEFAULT_TIMEOUTS } from '../../server/http/timeouts';

interface Field {
  path: string;
  key: string;
  optional: boolean;
}

type Internal = { _zod: { def: Record<string, unknown> & { type: string }; optin?: string } };
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** Every key of the schema's objects, nested ones as `a.b` and `a[].b`, with whether a client may leave it out. */
function fieldsOf(schema: z.ZodType, stopAt: readonly string[] = [], path = '', out: Field[] = []): Field[] {
  const def = (schema as unknown as Internal)._zod.def;
  if (def.type === 'object') {
    for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      const at = path ? `${path}.${key}` : key;
      out.push({ path: at, key, optional: (value as unknown as Internal)._zod.optin !== undefined });
      if (!stopAt.includes(at)) fieldsOf(value, stopAt, at, out);
    }
  } else if (WRAPPERS.has(def.type)) fieldsOf(def.innerType as z.ZodType, stopAt, path, out);
  else if (def.type === 'pipe') fieldsOf(def.in as z.ZodType, stopAt, path, out);
  else if (def.type === 'array') fieldsOf(def.element as z.ZodType, stopAt, `${path}[]`, out);
  else if (def.type === 'union') for (const option of def.options as z.ZodType[]) fieldsOf(option, stopAt, path, out);
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The fields the text does not document: an optional one must read `key?`, a required one `key` alone. */
function undocumented(fields: readonly Field[], text: string): string[] {
  return fields
    .filter(({ key, optional }) => {
      const pattern = optional ? `(?<![\\w-])${escape(key)}\\?` : `(?<![\\w-])${escape(key)}(?![\\w?-])`;
      return !new RegExp(pattern).test(text);
    })
    .map((f) => `${f.path}${f.optional ? '?' : ''}`);
}

const DOCS = join(__dirname, '../../docs');
const read = (file: string) => readFileSync(join(DOCS, file), 'utf8');

/** From the heading that contains `title` to the next heading of the same or a higher level. */
function section(file: string, title: string): string {
  const lines = read(file).split('\n');
  const start = lines.findIndex((l) => /^#+ /.test(l) && l.includes(title));
  if (start < 0) throw new Error(`${file} : pas de section « ${title} »`);
  const level = lines[start]!.match(/^#+/)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.match(/^#+/)![0].length <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

const updateArgs = (['promotion.update', 'need.update', 'pool.update'] as const).map((name) => mutationArgsSchemas[name]);

const CONTRACT: { file: string; title: string; schemas: z.ZodType[]; stopAt?: string[] }[] = [
  { file: 'domain.md', title: '`Promotion`', schemas: [promotionSchema], stopAt: ['events'] },
  { file: 'domain.md', title: '`PromotionEvent`', schemas: [promotionEventSchema] },
  { file: 'domain.md', title: '`CompanyNeed`', schemas: [companyNeedSchema] },
  { file: 'domain.md', title: '`PoolEntry`', schemas: [poolEntrySchema] },
  { file: 'domain.md', title: '`ReaderAlias`', schemas: [readerAliasSchema] },
  {
    file: 'sync-protocol.md',
    title: 'Push —',
    schemas: [
      pushRequestSchema,
      pushResponseSchema,
      ...updateArgs,
      mutationArgsSchemas['jobseeker.consentWithdrawn'],
      mutationArgsSchemas['alias.revoke'],
      mutationArgsSchemas['alias.matched'],
    ],
    // The records' and the edits' own fields are domain.md's.
    stopAt: ['mutations[].args', 'changes'],
  },
  { file: 'sync-protocol.md', title: 'Pull —', schemas: [pullQuerySchema, pullResponseSchema] },
  { file: 'sync-protocol.md', title: 'Stats query', schemas: [statsQuerySchema] },
  { file: 'sync-protocol.md', title: 'Stats response', schemas: [statsReportSchema] },
  { file: 'sync-protocol.md', title: '## Errors', schemas: [apiErrorSchema] },
  { file: 'readers-health.md', title: 'Report —', schemas: [healthReportSchema, healthReceiptSchema] },
  { file: 'readers-health.md', title: 'Health query', schemas: [readersHealthQuerySchema] },
  { file: 'readers-health.md', title: 'Health response', schemas: [readersHealthReportSchema] },
];

/** Values a client must know, each written as code in its section. */
const VALUES: { file: string; title: string; values: readonly string[] }[] = [
  { file: 'sync-protocol.md', title: 'Push —', values: [...MUTATION_NAMES, ...REJECTION_CODES] },
  { file: 'domain.md', title: '`PromotionEvent`', values: [...PROMOTION_EVENT_TYPES, ...DECLINE_REASON_CODES] },
  { file: 'sync-protocol.md', title: 'Statistics', values: [...STATS_GROUPINGS, ...STATS_PERIMETERS] },
  { file: 'sync-protocol.md', title: 'Roles and what each may read', values: ROLES },
  { file: 'readers-health.md', title: 'Report —', values: [...HEALTH_TOOLS, ...HEALTH_PAGES] },
];

describe('the docs list every field of the wire schemas', () => {
  it('finds the fields the schemas require, nested ones included', () => {
    const promotion = fieldsOf(promotionSchema, ['events']).map((f) => f.path);
    expect(promotion).toEqual(expect.arrayContaining(['reference', 'jobSeeker.promotionConsent', 'jobSeeker.promotionConsent.since']));
    expect(fieldsOf(pullQuerySchema).find((f) => f.key === 'limit')).toMatchObject({ optional: true });
    expect(fieldsOf(pullResponseSchema).map((f) => f.path)).toContain('changes[].data');
    // And tells a missing or unmarked field.
    const sample = fieldsOf(z.object({ a: z.string(), b: z.number().optional() }));
    expect(undocumented(sample, '`{ a, b }`')).toEqual(['b?']);
    expect(undocumented(sample, '`{ ab, b? }`')).toEqual(['a']);
  });

  it.each(CONTRACT.map((c) => [`${c.file} § ${c.title}`, c] as const))('%s', (_label, { file, title, schemas, stopAt }) => {
    const text = section(file, title);
    expect(schemas.flatMap((schema) => undocumented(fieldsOf(schema, stopAt), text))).toEqual([]);
  });

  it.each(VALUES.map((v) => [`${v.file} § ${v.title}`, v] as const))('lists the values of %s', (_label, { file, title, values }) => {
    const text = section(file, title);
    expect(values.filter((v) => !text.includes(`\`${v}\``))).toEqual([]);
  });

  it('states the limits a client must respect, with the figures the server applies', () => {
    const protocol = read('sync-protocol.md');
    expect(protocol).toContain(`${MAX_BATCH_MUTATIONS} mutations or ${MAX_BATCH_BYTES / 1024} KB per batch (\`413`);
    expect(DEFAULTS.rateLimitWindowMs).toBe(60_000);
    expect(protocol).toContain(`**${DEFAULTS.rateLimitMax} requests per minute per counsellor**`);
    expect(protocol).toContain(`more than ${MAX_CLOCK_AHEAD_MS / 60_000} minutes after the server's clock`);
    expect(protocol).toContain(`within ${DEFAULT_TIMEOUTS.headersMs / 1000} s or the whole request within ${DEFAULT_TIMEOUTS.requestMs / 1000} s`);
    expect(protocol).toContain(`closed after ${DEFAULT_TIMEOUTS.idleMs / 1000} s`);
    expect(read('readers-health.md')).toContain(`At most ${MAX_HEALTH_DAYS} days in one request.`);
  });
});
