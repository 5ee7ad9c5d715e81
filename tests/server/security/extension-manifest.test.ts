/** The extension's own security settings: a strict CSP for its pages and only the permissions README.md explains. */
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

describe('extension manifest', () => {
  const manifest = config.manifest as { permissions: string[]; host_permissions?: string[]; content_security_policy: { extension_pages: string } };

  it('runs only its own bundled scripts on its pages', () => {
    const csp = manifest.content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('asks for the fewest permissions: no tabs, no history, no host permission', () => {
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'identity', 'notifications', 'sidePanel', 'storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
  });
});
