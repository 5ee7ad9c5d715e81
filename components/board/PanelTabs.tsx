/**
 * The side panel's views: the page of the active tab, the agency board, the agency pool, the portfolio's worklist.
 * ARIA tabs, arrow keys.
 */
import type { ComponentChildren } from 'preact';
import './board.css';

export type PanelTab = 'page' | 'board' | 'pool' | 'worklist';
export const PANEL_TABS: readonly { id: PanelTab; label: string }[] = [
  { id: 'page', label: 'Page' },
  { id: 'board', label: 'Besoins' },
  { id: 'pool', label: 'Vivier' },
  { id: 'worklist', label: 'À promouvoir' },
];

export function PanelTabs({ current, onChange, children }: { current: PanelTab; onChange(tab: PanelTab): void; children: ComponentChildren }) {
  function onKeyDown(e: KeyboardEvent) {
    const index = PANEL_TABS.findIndex((t) => t.id === current);
    const next =
      e.key === 'ArrowRight' ? (index + 1) % PANEL_TABS.length
      : e.key === 'ArrowLeft' ? (index + PANEL_TABS.length - 1) % PANEL_TABS.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? PANEL_TABS.length - 1
      : undefined;
    if (next === undefined) return;
    e.preventDefault();
    const tab = PANEL_TABS[next]!;
    onChange(tab.id);
    document.getElementById(`pf-tab-${tab.id}`)?.focus();
  }
  return (
    <>
      <div class="pf-tabs" role="tablist" aria-label="Vues du panneau" onKeyDown={onKeyDown}>
        {PANEL_TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`pf-tab-${t.id}`}
            aria-selected={current === t.id}
            aria-controls="pf-tabpanel"
            tabIndex={current === t.id ? 0 : -1}
            class={`fr-btn fr-btn--sm ${current === t.id ? '' : 'fr-btn--tertiary'}`}
            onClick={() => onChange(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="pf-tabpanel" aria-labelledby={`pf-tab-${current}`}>
        {children}
      </div>
    </>
  );
}
