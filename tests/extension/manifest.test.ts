/**
 * The extension's security settings as the browser receives them: the built manifest (.output/chrome-mv3, which
 * `npm test` builds first), not the config object — what WXT adds or drops on the way counts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { legacyMatches } from '../../legacy-origins';

const MANIFEST = resolve(import.meta.dirname, '../../.output/chrome-mv3/manifest.json');

interface BuiltManifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_security_policy?: { extension_pages?: string };
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: unknown[];
}

function builtManifest(): BuiltManifest {
  if (!existsSync(MANIFEST)) throw new Error(`Extension non construite : lancez « WXT_PROFILENCE_TEST_HOOKS=1 npx wxt build » (attendu : ${MANIFEST}).`);
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as BuiltManifest;
}

describe('built extension manifest (Chromium)', () => {
  const manifest = builtManifest();

  it('runs only its own bundled scripts on its pages', () => {
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('asks for the fewest permissions: no tabs, no history, no host permission', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['alarms', 'identity', 'notifications', 'sidePanel', 'storage']);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it('injects its readers into the three legacy tools only', () => {
    const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches).sort();
    expect(matches).toEqual(Object.values(legacyMatches()).flat().sort());
  });
});
