// @vitest-environment happy-dom
// « Libellés appris » in the options: who taught each label and when, the ones no page used for 30 days flagged,
// « Retirer » for their author only (a manager sees it on every one), and the withdrawal asked of the background.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AliasList } from '@/components/aliases/AliasList';
import { AliasSummary } from '@/components/aliases/AliasSummary';
import { uiDb } from '@/components/promotion/db';
import { sendMessage } from '@/lib/messaging/protocol';
import { setMeta, type StoredReaderAlias } from '@/lib/store';
import { SYNC_META } from '@/lib/sync/keys';
import { eventually } from '../support/eventually';

vi.mock('@/lib/messaging/protocol', () => ({ sendMessage: vi.fn(async () => ({ ok: true })), onMessage: vi.fn() }));

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

function alias(label: string, createdBy: string, createdByName: string, extra: Partial<StoredReaderAlias> & { createdAt: string }): StoredReaderAlias {
  return { id: crypto.randomUUID(), agencyCode: '69031', tool: 'fiche-entreprise', field: 'headcount', label, createdBy, createdByName, ...extra };
}

describe('the agency’s taught labels', () => {
  let root: HTMLElement;
  beforeEach(async () => {
    fakeBrowser.reset();
    await uiDb().aliases.clear();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const items = () => Array.from(root.querySelectorAll('[data-testid="alias-item"]'));
  const item = (label: string) => items().find((li) => li.textContent?.includes(label))!;

  it('shows author and date, flags one unused for 30 days, and offers « Retirer » to its author only', async () => {
    await setMeta(uiDb(), SYNC_META.identity, { sub: 'jeanne.martin', agencyCode: '69031', name: 'Jeanne MARTIN', roles: [] });
    const mine = alias('Nombre de collaborateurs', 'jeanne.martin', 'Jeanne MARTIN', { createdAt: ago(40), lastMatchedAt: ago(2) });
    const stale = alias('Taille du site', 'paul.bernard', 'Paul BERNARD', { createdAt: ago(45), lastMatchedAt: ago(31) });
    const revoked = alias('Ancien libellé', 'jeanne.martin', 'Jeanne MARTIN', { createdAt: ago(50), revokedAt: ago(1), revokedBy: 'jeanne.martin' });
    await uiDb().aliases.bulkPut([mine, stale, revoked]);
    await act(() => render(<AliasList />, root));
    await eventually(() => expect(items()).toHaveLength(2));
    expect(item('Nombre de collaborateurs').textContent).toContain('Appris par Jeanne MARTIN');
    expect(item('Nombre de collaborateurs').querySelector('[data-testid="alias-unused"]')).toBeNull();
    expect(item('Taille du site').querySelector('[data-testid="alias-unused"]')?.textContent).toBe('Inutilisé depuis 30 jours');
    expect(item('Taille du site').querySelector('button')).toBeNull();

    await act(() => (item('Nombre de collaborateurs').querySelector('button') as HTMLButtonElement).click());
    expect(sendMessage).toHaveBeenCalledWith('alias.revoke', { id: mine.id });
  });

  it('offers « Retirer » on every label to an agency manager', async () => {
    await setMeta(uiDb(), SYNC_META.identity, { sub: 'claire.durand', agencyCode: '69031', name: 'Claire DURAND', roles: ['manager'] });
    await uiDb().aliases.bulkPut([alias('Taille du site', 'paul.bernard', 'Paul BERNARD', { createdAt: ago(1) })]);
    await act(() => render(<AliasList />, root));
    await eventually(() => expect(item('Taille du site').querySelector('button')?.textContent?.trim()).toBe('Retirer'));
  });

  it('lists the live ones, flagged when unused, in the dashboard’s readers’ health', async () => {
    await uiDb().aliases.bulkPut([
      alias('Taille du site', 'paul.bernard', 'Paul BERNARD', { createdAt: ago(45) }),
      alias('Retiré', 'paul.bernard', 'Paul BERNARD', { createdAt: ago(45), revokedAt: ago(1) }),
    ]);
    await act(() => render(<AliasSummary />, root));
    const rows = await eventually(() => {
      const shown = Array.from(root.querySelectorAll('[data-testid="health-taught-label"]')).map((li) => li.textContent);
      expect(shown).toHaveLength(1);
      return shown;
    });
    expect(rows[0]).toContain('« Taille du site » → Effectif (Fiche entreprise), appris par Paul BERNARD');
    expect(rows[0]).toContain('Inutilisé depuis 30 jours');
  });
});
