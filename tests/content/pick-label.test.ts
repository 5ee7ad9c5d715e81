// @vitest-environment happy-dom
// « Montrer où se trouve ce champ » on the page: the hint, the click that teaches (and does nothing else), Échap.
import { afterEach, describe, expect, it } from 'vitest';
import { labelIntroducing } from '@/lib/adapters/kit/label-of';
import { pickLabel } from '@/lib/content/pick-label';
import { matchedAliases, taughtOf } from '@/lib/content/taught-reading';

const hint = () => document.querySelector('[data-profilence="pick-hint"]');

describe('picking the value of a missing field', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows a hint, takes the clicked value and answers the label that introduces it, never the value', async () => {
    document.body.innerHTML = `<dl><dt>Nombre de collaborateurs :</dt><dd><a href="/ailleurs" id="v">20 à 49 salariés</a></dd></dl>`;
    const picked = pickLabel(document, 'Effectif', labelIntroducing);
    expect(hint()?.textContent).toBe('Profilence : cliquez sur la valeur « Effectif » dans la page (Échap pour annuler).');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    document.getElementById('v')!.dispatchEvent(click);
    expect(await picked).toEqual({ picked: true, label: 'Nombre de collaborateurs' });
    // The link of the legacy tool was not followed, and the hint is gone.
    expect(click.defaultPrevented).toBe(true);
    expect(hint()).toBeNull();
  });

  it('answers no label when nothing introduces the value, and cancels on Échap', async () => {
    document.body.innerHTML = `<p id="alone">20 à 49 salariés</p>`;
    const none = pickLabel(document, 'Effectif', labelIntroducing);
    document.getElementById('alone')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(await none).toEqual({ picked: true });

    const cancelled = pickLabel(document, 'Effectif', labelIntroducing);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(await cancelled).toEqual({ picked: false });
    expect(hint()).toBeNull();
  });

  it('cancels a picking under way when another field is asked, so one click never teaches two fields', async () => {
    document.body.innerHTML = `<dl><dt>Secteur</dt><dd id="v">6201Z</dd></dl>`;
    const first = pickLabel(document, 'Effectif', labelIntroducing);
    const second = pickLabel(document, 'Code NAF', labelIntroducing);
    expect(await first).toEqual({ picked: false });
    expect(document.querySelectorAll('[data-profilence="pick-hint"]')).toHaveLength(1);
    document.getElementById('v')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(await second).toEqual({ picked: true, label: 'Secteur' });
  });
});

describe('taught labels in a content script', () => {
  it('groups labels by field and tells which ones introduce a value on the page', () => {
    const aliases = [
      { id: '1', field: 'headcount', label: 'Nombre de collaborateurs' },
      { id: '2', field: 'headcount', label: 'Taille du site' },
      { id: '3', field: 'naf', label: 'Secteur' },
    ];
    expect(taughtOf(aliases)).toEqual({ headcount: ['Nombre de collaborateurs', 'Taille du site'], naf: ['Secteur'] });
    document.body.innerHTML = `<dl><dt>Nombre de collaborateurs</dt><dd>20 à 49 salariés</dd><dt>Secteur</dt><dd>6201Z</dd></dl>`;
    expect(matchedAliases(document.body, aliases)).toEqual(['1', '3']);
  });
});
