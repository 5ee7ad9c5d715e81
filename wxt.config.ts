import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { legacyMatches, type LegacyTool } from './legacy-origins';

export default defineConfig({
  manifest: ({ browser }) => ({
    name: 'Profilence',
    description: "Promouvoir le profil des demandeurs d'emploi auprès des entreprises, depuis les outils existants.",
    // Each permission is explained in README.md ("Permissions demandées").
    // Firefox shows the panel as a sidebar (`sidebar_action`), which needs no permission.
    permissions: ['storage', ...(browser === 'firefox' ? [] : ['sidePanel']), 'alarms', 'notifications', 'identity'],
    action: { default_title: 'Ouvrir Profilence' },
    // The administrator's policy (docs/deploy.md, 2.2): Chrome and Edge need its schema to hand it over;
    // Firefox reads the same keys from policies.json without one (and rejects the key).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    // A fixed add-on id: Firefox policies (ExtensionSettings) and updates name the extension by it.
    // It reads job seekers' files and sends promotions to the agency's own server: said to Firefox as such.
    browser_specific_settings: {
      gecko: {
        id: 'profilence@francetravail.fr',
        strict_min_version: '128.0',
        data_collection_permissions: { required: ['personallyIdentifyingInfo'] },
      },
    },
    // Extension pages run only their own bundled scripts: no inline or remote code, no plugins,
    // no framing by other sites, no form posted elsewhere.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  }),
  vite: () => ({ plugins: [preact()] }),
  // Self-hosted by the agencies (docs/deploy.md): no sources archive for a store review.
  zip: { zipSources: false },
  hooks: {
    // Content scripts run on the legacy tools' origins, chosen at build time (legacy-origins.ts).
    'build:manifestGenerated': (_wxt, manifest) => {
      const matches = legacyMatches();
      for (const script of manifest.content_scripts ?? []) {
        const tool = (Object.keys(matches) as LegacyTool[]).find((t) =>
          script.js?.some((file) => file.includes(`content-scripts/${t}.js`)),
        );
        if (tool) script.matches = matches[tool];
      }
    },
  },
});
