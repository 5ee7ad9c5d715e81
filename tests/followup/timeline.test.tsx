// @vitest-environment happy-dom
// The timeline of a promotion: events in order, in French, with dates; late events flagged « à vérifier ».
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PromotionTimeline } from '@/components/followup/PromotionTimeline';
import type { PromotionEvent } from '@/lib/domain/promotion';

const PID = '01930000-0000-7000-8000-000000000000';
const ev = (n: number, type: PromotionEvent['type'], at: string, extra: Partial<PromotionEvent> = {}): PromotionEvent => ({
  id: `01930000-0000-7000-8000-00000000000${n}`,
  promotionId: PID,
  type,
  at,
  by: 'Jeanne MARTIN',
  ...extra,
});

describe('PromotionTimeline', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => root.remove());

  it('lists the events in order with French labels, dates, reason and note, flagging what came after the end', () => {
    const events = [
      ev(4, 'interview', '2026-11-20T09:00:00.000Z'), // after the refusal: kept, flagged
      ev(1, 'sent', '2026-11-02T09:00:00.000Z'),
      ev(3, 'declined', '2026-11-12T14:30:00.000Z', { reason: 'not_mobile', note: 'Trop loin du site' }),
      ev(2, 'followed_up', '2026-11-09T09:00:00.000Z'),
    ];
    render(<PromotionTimeline promotion={{ events }} />, root);
    const items = Array.from(root.querySelectorAll('[data-testid="timeline-event"]'));
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual(['Envoi', 'Relance', 'Refus', 'Entretien']);
    expect(items[0]!.textContent).toContain('02/11/2026 10:00');
    expect(items[2]!.textContent).toContain('Refus : Mobilité incompatible');
    expect(items[2]!.textContent).toContain('Trop loin du site');
    expect(items.map((li) => li.querySelector('[data-testid="flagged"]')?.textContent ?? null)).toEqual([null, null, null, 'à vérifier']);
  });

  it('says when nothing has happened yet', () => {
    render(<PromotionTimeline promotion={{ events: [] }} />, root);
    expect(root.textContent).toContain("Pas encore d'événement");
  });
});
