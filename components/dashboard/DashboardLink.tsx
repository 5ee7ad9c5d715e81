/** « Tableau de bord »: opens the dashboard page in a tab (from the side panel or the popup). */
import { extensionUrl, tabs } from '@/lib/platform';

export const DASHBOARD_PATH = '/dashboard.html';

export function DashboardLink() {
  const url = extensionUrl(DASHBOARD_PATH);
  return (
    <p class="fr-mt-2w fr-mb-0">
      <a
        class="fr-link"
        href={url}
        data-testid="open-dashboard"
        onClick={(e) => {
          e.preventDefault();
          void tabs.openOrNavigate(undefined, url);
        }}
      >
        Tableau de bord
      </a>
    </p>
  );
}
