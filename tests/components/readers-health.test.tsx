// @vitest-environment happy-dom
// « Santé des lecteurs » as a manager reads it: why it is missing when the server says no, the fields that
// jumped above 5 % apart from those that stayed under, a layout first read before the period not called new.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadersHealth } from '@/components/dashboard/ReadersHealth';
import type { ReadersHealthReport } from '@/lib/domain/reader-health';
import type { ReadersHealthOutcome, ReadersHealthRequest } from '@/lib/messaging/reader-health-commands';

let root: HTMLElement;
const text = () => (root.textContent ?? '').replace(/\s+/g, ' ');

const report: ReadersHealthReport = {
  scope: 'agency:69031',
  perimeter: 'agency',
  from: '2026-11-04',
  to: '2026-12-03',
  generatedAt: '2026-12-03T08:00:00Z',
  installs: 3,
  pages: [{ tool: 'fiche-entreprise', page: 'establishment', readings: 120 }],
  fields: [
    {
      tool: 'fiche-entreprise',
      page: 'establishment',
      field: 'headcount',
      readings: 120,
      misses: 3,
      missRate: 0.025,
      days: [{ day: '2026-12-01', readings: 120, misses: 3, missRate: 0.025 }],
      jump: null,
    },
    {
      tool: 'fiche-entreprise',
      page: 'establishment',
      field: 'contacts',
      readings: 120,
      misses: 30,
      missRate: 0.25,
      days: [{ day: '2026-12-02', readings: 120, misses: 30, missRate: 0.25 }],
      jump: { day: '2026-12-02', missRate: 0.25, previousMissRate: 0.01 },
    },
  ],
  variants: [{ tool: 'fiche-entreprise', page: 'establishment', hash: '0123456789abcdef', readings: 120, firstSeen: '2026-06-01', lastSeen: '2026-12-03' }],
};

async function show(answer: ReadersHealthOutcome): Promise<ReadersHealthRequest[]> {
  const asked: ReadersHealthRequest[] = [];
  await act(async () => {
    render(<ReadersHealth scope="agency:69031" ask={async (request) => (asked.push(request), answer)} />, root);
  });
  await act(async () => undefined);
  return asked;
}

describe('« Santé des lecteurs »', () => {
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('says in French why the report is missing', async () => {
    await show({ ok: false, kind: 'offline', message: 'Serveur injoignable' });
    expect(root.querySelector('[data-testid="readers-health-notice"]')?.textContent).toBe('Santé des lecteurs indisponible : Serveur injoignable');
  });

  it('flags the field that jumped, not the one under 5 %, and asks the last 30 days of the scope', async () => {
    const [request] = await show({ ok: true, report });
    expect(request!.scope).toBe('agency:69031');
    expect((Date.parse(request!.to) - Date.parse(request!.from)) / 86_400_000).toBe(29);
    const flags = root.querySelector('[data-testid="readers-health-flags"]')!.textContent!.replace(/\s+/g, ' ');
    expect(flags).toContain('Fiche entreprise — Établissement : « Contacts » non trouvé dans 25 % des lectures le 02/12/2026 (1 % les 7 jours précédents)');
    expect(flags).not.toContain('Effectif');
    const rows = [...root.querySelectorAll('[data-testid="health-fields"] tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).toEqual([
      expect.stringMatching(/^EffectifFiche entreprise — Établissement12032,5 %non$/),
      expect.stringMatching(/^ContactsFiche entreprise — Établissement1203025 %au-dessus de 5 % le 02\/12\/2026$/),
    ]);
    expect(root.querySelector('[data-testid="health-variants"] tbody tr')!.textContent).toMatch(/01\/06\/2026non$/);
    expect(text()).toContain('3 postes ont envoyé leurs comptes');
  });
});
