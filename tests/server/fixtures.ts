/** Valid records and small HTTP helpers for the server tests. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { uuidv7 } from '../../lib/domain/ids';
import { promotionReference, type Promotion, type PromotionEvent } from '../../lib/domain/promotion';
import type { CompanyNeed } from '../../lib/domain/need';
import type { PoolEntry } from '../../lib/domain/pool';
import type { ReaderAlias } from '../../lib/domain/reader-alias';
import type { Change, PullResponse, PushResponse } from '../../lib/domain/sync';

export const SCOPE = 'agency:69031';
export const OTHER_SCOPE = 'agency:69032';
const NOW = '2025-03-12T09:30:00+01:00';

export function makePromotion(overrides: Partial<Promotion> = {}): Promotion {
  const id = overrides.id ?? uuidv7();
  return {
    id,
    reference: promotionReference(id),
    createdAt: NOW,
    counsellorId: 'jeanne.martin',
    agencyCode: '69031',
    jobSeeker: {
      ftId: '1234567A',
      firstName: 'Lucie',
      lastName: 'DUPONT',
      mainRome: 'M1607',
      promotionConsent: { granted: true, since: '2025-01-10' },
    },
    establishment: { siret: '73282932000074', name: 'Boulangerie des Pentes', postcode: '69001', city: 'Lyon' },
    contact: { name: 'M. Leroy', email: 'contact@pentes.example' },
    rome: 'M1607',
    mode: 'named',
    channel: 'email',
    pitch: 'Secrétaire polyvalente, disponible immédiatement.',
    events: [],
    ...overrides,
  };
}

export function makeEvent(promotionId: string, overrides: Partial<PromotionEvent> = {}): PromotionEvent {
  return { id: uuidv7(), promotionId, type: 'sent', at: NOW, by: 'jeanne.martin', ...overrides };
}

export function makeNeed(overrides: Partial<CompanyNeed> = {}): CompanyNeed {
  return {
    id: uuidv7(),
    siret: '73282932000074',
    establishmentName: 'Boulangerie des Pentes',
    postcode: '69001',
    city: 'Lyon',
    rome: 'D1102',
    label: 'Boulanger(ère)',
    positions: 2,
    contractType: 'CDI',
    status: 'open',
    createdBy: 'paul.bernard',
    agencyCode: '69031',
    createdAt: NOW,
    ...overrides,
  };
}

export function makePoolEntry(overrides: Partial<PoolEntry> = {}): PoolEntry {
  return {
    id: uuidv7(),
    ftId: '7654321B',
    firstName: 'Karim',
    mainRome: 'N1103',
    romeLabel: 'Magasinier',
    postcode: '69008',
    city: 'Lyon',
    pitch: 'Cariste CACES 1 3 5, disponible.',
    status: 'active',
    promotionConsent: { granted: true },
    addedBy: 'jeanne.martin',
    agencyCode: '69031',
    createdAt: NOW,
    ...overrides,
  };
}

export function makeReaderAlias(overrides: Partial<ReaderAlias> = {}): ReaderAlias {
  return {
    id: uuidv7(),
    agencyCode: '69031',
    tool: 'fiche-entreprise',
    field: 'headcount',
    label: 'Nombre de collaborateurs',
    createdBy: 'jeanne.martin',
    createdAt: NOW,
    ...overrides,
  };
}

export interface MutationInput {
  name: string;
  args: unknown;
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export function pushBody(clientId: string, firstSeq: number, mutations: MutationInput[]) {
  return {
    clientId,
    schemaVersion: 1,
    mutations: mutations.map((m, i) => ({ seq: firstSeq + i, id: uuidv7(), name: m.name, args: m.args, clientTs: NOW })),
  };
}

export function postPush(app: FastifyInstance, token: string, body: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/v1/sync/push', headers: auth(token), payload: body as object });
}

/** One extension install: numbers its mutations like the outbox does. */
export class TestClient {
  readonly clientId = randomUUID();
  private seq = 0;

  constructor(
    private readonly app: FastifyInstance,
    readonly token: string,
  ) {}

  /** The next batch's body (seqs taken), to send once or several times. */
  batch(mutations: MutationInput[]) {
    const body = pushBody(this.clientId, this.seq + 1, mutations);
    this.seq += mutations.length;
    return body;
  }

  async push(mutations: MutationInput[]): Promise<PushResponse> {
    const res = await postPush(this.app, this.token, this.batch(mutations));
    if (res.statusCode !== 200) throw new Error(`push ${res.statusCode}: ${res.body}`);
    return res.json();
  }
}

export function getPull(app: FastifyInstance, token: string, query: Record<string, string | number>) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return app.inject({ method: 'GET', url: `/v1/sync/pull?${qs}`, headers: auth(token) });
}

/** Pulls every page; returns the changes in the order received and the page count. */
export async function pullAll(app: FastifyInstance, token: string, scope = SCOPE, limit = 500) {
  const changes: Change[] = [];
  let cursor = '';
  let pages = 0;
  for (;;) {
    const res = await getPull(app, token, { scope, cursor, limit });
    if (res.statusCode !== 200) throw new Error(`pull ${res.statusCode}: ${res.body}`);
    const page = res.json<PullResponse>();
    changes.push(...page.changes);
    cursor = page.cursor;
    pages++;
    if (!page.hasMore) return { changes, cursor, pages };
  }
}

export const create = (promotion: Promotion): MutationInput => ({ name: 'promotion.create', args: promotion });
export const addEvent = (event: PromotionEvent): MutationInput => ({ name: 'promotion.addEvent', args: event });
export const update = (name: 'promotion.update' | 'need.update' | 'pool.update', id: string, baseVersion: number, changes: object): MutationInput => ({
  name,
  args: { id, baseVersion, changes },
});

/** A French sentence: accented letters or common French words, and none of zod's English defaults. */
export function looksFrench(message: string): boolean {
  if (/\b(Invalid|expected|received|Required|Unexpected|must be)\b/.test(message)) return false;
  return /[éèêàçùôî]|\b(le|la|les|de|des|du|une?|est|pas|vous|au)\b/i.test(message);
}
