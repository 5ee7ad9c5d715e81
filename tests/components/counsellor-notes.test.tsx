// @vitest-environment happy-dom
// What a counsellor noticed in the panel: counts in the singular when there is one, phone numbers in one
// piece, contract types as the CRM writes them, needs of the page told apart from the agency board.
// (Portfolio rows that open the file: tests/components/worklist.test.tsx.)
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EstablishmentCard } from '@/components/context/EstablishmentCard';
import { KeyFigures } from '@/components/dashboard/KeyFigures';
import { groupedPhone, plural } from '@/components/format';
import { CandidateList } from '@/components/promotion/CandidateList';
import type { Establishment } from '@/lib/domain/legacy';
import { figuresOf } from '@/lib/stats/report';
import { readingOf } from '../background/fixtures';

const establishment = (readingOf('fiche-entreprise', 'etablissement-73282932000074') as { data: Establishment }).data;
let root: HTMLElement;
const text = () => (root.textContent ?? '').replace(/\s+/g, ' ');

describe('what a counsellor noticed', () => {
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('writes counts in the singular for 0 and 1, as French does', () => {
    expect(plural(1, 'profil promu', 'profils promus')).toBe('1 profil promu');
    expect(plural(0, 'profil promu', 'profils promus')).toBe('0 profil promu');
    expect(plural(2, 'profil promu', 'profils promus')).toBe('2 profils promus');
  });

  it('shows « 1 promotion envoyée » and « 1 profil promu » on the dashboard', async () => {
    const figures = { ...figuresOf([], { profiles: 1 } as never), sent: 1, profiles: 1, replied: 1, hires: 1, interviews: 1 };
    await act(() => render(<KeyFigures figures={figures} />, root));
    const tile = (id: string) => (root.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').replace(/\s+/g, ' ');
    const label = (id: string) => root.querySelector(`[data-testid="${id}"] .pf-tile__label`)?.textContent;
    expect(label('kf-sent')).toBe('promotion envoyée');
    expect(tile('kf-sent')).toContain('1 profil promu');
    expect(tile('kf-reply-rate')).toContain('1 réponse');
    expect(label('kf-hires')).toBe('embauche');
    expect(label('kf-interviews')).toBe('entretien ou essai');
    await act(() => render(<KeyFigures figures={{ ...figures, sent: 3, profiles: 2 }} />, root));
    expect(label('kf-sent')).toBe('promotions envoyées');
    expect(tile('kf-sent')).toContain('2 profils promus');
  });

  it('never breaks a phone number: its groups are joined by non-breaking spaces', () => {
    expect(groupedPhone('0678451230')).toBe('06\u00a078\u00a045\u00a012\u00a030');
  });

  it('shows the needs noted in the CRM page with their contract type spelt out, apart from the agency board', async () => {
    const withAlternance: Establishment = { ...establishment, needs: [{ ...establishment.needs[0]!, contractType: 'ALT', positions: 1 }] };
    await act(() => render(<EstablishmentCard establishment={withAlternance} />, root));
    const needs = root.querySelector('[data-testid="establishment-needs"]')!.textContent!;
    expect(needs).toContain('1 poste · Alternance');
    expect(needs).not.toContain('ALT');
    expect(text()).toContain('Besoins notés dans la fiche entreprise');
    expect(text()).not.toContain('Besoins repérés');
    const contacts = root.querySelector('[data-testid="establishment-contacts"]')!.textContent!;
    expect(contacts).toContain('06\u00a078\u00a045\u00a012\u00a030');
  });

  it('shows in full the address the e-mail will go to, for the Interlocuteur chosen', async () => {
    const show = (contactIndex: number) =>
      act(() =>
        render(
          <CandidateList
            candidates={[{ establishment, open: true }]}
            selected={[establishment.siret]}
            contactBySiret={{ [establishment.siret]: contactIndex }}
            onToggle={() => undefined}
            onContact={() => undefined}
          />,
          root,
        ),
      );
    await show(0);
    expect(root.querySelector('[data-testid="contact-email"]')?.textContent).toBe(`E-mail envoyé à ${establishment.contacts[0]!.email}`);
    await show(1);
    expect(root.querySelector('[data-testid="contact-email"]')?.textContent).toBe(`E-mail envoyé à ${establishment.contacts[1]!.email}`);
  });
});
