// A legacy page whose fields hold markup and scripts: the side panel shows them as text, runs nothing.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useExtension, waitForTestIdText } from './harness';

const reference = readFileSync(resolve(import.meta.dirname, '../fixtures/legacy/dossier-demandeur/dossier-1234567A.html'), 'utf8');
const HOSTILE_NAME = '&lt;img src=x onerror="window.__pwned=1"&gt;DUPONT';
const hostilePage = reference
  .replace('<span id="j_idt47:nom">DUPONT</span>', `<span id="j_idt47:nom">${HOSTILE_NAME}</span>`)
  .replace('<li>Rigueur</li>', '<li>Rigueur<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=1"></li>');

describe('hostile legacy pages (Chromium, built extension)', () => {
  let server: Server;
  let port: number;
  const { browser } = useExtension();

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(hostilePage);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((done) => server?.close(done));
  });

  it('renders markup found in page fields as plain text in the side panel', async () => {
    const panel = await browser.openExtensionPage('sidepanel.html');
    const page = await browser.context.newPage();
    await page.goto(`http://dossiers.localhost:${port}/dossier/1234567A`);
    await page.bringToFront();
    const name = await waitForTestIdText(panel, 'profile-name', 'DUPONT');
    expect(name).toContain('<img src=x onerror="window.__pwned=1">DUPONT');
    expect(await panel.locator('[data-testid="profile"] img, [data-testid="profile"] script').count()).toBe(0);
    expect(await panel.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await browser.worker.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
