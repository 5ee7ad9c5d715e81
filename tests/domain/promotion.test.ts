import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../lib/domain/ids';
import { promotionEventSchema, promotionReference } from '../../lib/domain/promotion';

describe('promotionReference', () => {
  it('is a stable PRF- code of six characters', () => {
    const id = uuidv7();
    expect(promotionReference(id)).toMatch(/^PRF-[0-9A-Z]{6}$/);
    expect(promotionReference(id)).toBe(promotionReference(id));
  });

  it('differs between promotions made in the same millisecond', () => {
    const now = Date.now();
    const references = new Set(Array.from({ length: 200 }, () => promotionReference(uuidv7(now))));
    expect(references.size).toBe(200);
  });
});

describe('promotionEventSchema', () => {
  const base = {
    id: uuidv7(),
    promotionId: uuidv7(),
    at: '2026-11-20T14:32:00+01:00',
    by: 'Jeanne MARTIN',
  };
  const messages = (value: unknown) => {
    const parsed = promotionEventSchema.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  };

  it('requires a reason for a decline, and a note for « Autre »', () => {
    expect(messages({ ...base, type: 'declined' })).toEqual(['Un refus doit indiquer son motif.']);
    expect(messages({ ...base, type: 'declined', reason: 'other' })).toEqual(['Le motif « Autre » demande une précision.']);
    expect(messages({ ...base, type: 'declined', reason: 'other', note: 'Poste gelé' })).toEqual([]);
    expect(messages({ ...base, type: 'declined', reason: 'no_position' })).toEqual([]);
  });

  it('refuses an unknown event type or reason in French', () => {
    expect(messages({ ...base, type: 'ghosted' })).toEqual(["Type d'événement inconnu."]);
    expect(messages({ ...base, type: 'declined', reason: 'too_expensive' })).toEqual(['Motif de refus inconnu.']);
  });
});
