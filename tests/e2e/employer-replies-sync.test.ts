/**
 * A reply recorded from the webmail leaves like any outcome: the extension, signed in to a real endpoint on
 * loopback, pushes the « Entretien » dated from the message; a colleague's install pulls exactly that event.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteClientDatabases, SyncClient } from '../sync/clients';
import { startServers, TOKENS, type TestServers } from '../sync/server';
import { useExtension, waitForTestIdText } from './harness';
import { until } from './server-rows';

describe('a reply recorded from the webmail syncs like any outcome (Chromium, endpoint on loopback)', () => {
  let servers: TestServers;
  const { browser, demo } = useExtension({ demo: true });

  beforeAll(async () => {
    servers = await startServers('sqlite', { listen: true });
  });
  afterAll(async () => {
    await servers?.close();
    await deleteClientDatabases();
  });

  it('sends the interview, dated from the message, to the endpoint', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.locator('#sync-serverUrl').fill(servers.urls[0]!);
    await options.locator('#sync-devToken').fill(TOKENS.jeanne);
    await options.getByRole('button', { name: 'Enregistrer' }).last().click();
    await waitForTestIdText(options, 'sync-settings-status', 'Connecté : Jeanne MARTIN', 30_000);

    const webmail = await browser.context.newPage();
    await webmail.goto(demo.url('messagerie', '/'));
    const establishment = await browser.context.newPage();
    await establishment.goto(demo.url('fiche-entreprise', '/etablissement/73282932000074'));
    const panel = await browser.openExtensionPage('sidepanel.html');
    const file = await browser.context.newPage();
    await file.goto(demo.url('dossier-demandeur', '/dossier/1234567A'));
    await file.bringToFront();
    await panel.getByTestId('promote').click();
    await panel.getByLabel(/LOGICIELS DU RHÔNE/).waitFor();
    await panel.getByRole('button', { name: "Préparer l'e-mail" }).click();
    await webmail.waitForURL(/\/mail\/nouveau/);
    await webmail.waitForFunction(() => (document.querySelector('input[name="subject"]') as HTMLInputElement | null)?.value.includes('PRF-'));
    await webmail.getByRole('button', { name: 'Envoyer' }).click();
    await webmail.waitForURL(/\/mail\/envoye\//);

    const [sent] = demo.mailbox.list();
    const reply = demo.inbox.reply(sent!.id, { text: 'Nous la recevons lundi à 14 h.' });
    await webmail.goto(demo.url('messagerie', '/mail/dossier/reception'));
    await webmail.getByRole('link', { name: `RE: ${sent!.subject}` }).click();
    await webmail.bringToFront();
    const card = panel.getByTestId('reply-promotion').filter({ hasText: 'Marie DUPONT' });
    await card.waitFor({ timeout: 15_000 });
    await card.getByRole('button', { name: 'Entretien', exact: true }).click();
    await waitForTestIdText(panel, 'reply-recorded', 'Entretien');

    // What the endpoint holds, as a colleague's install pulls it.
    const paul = new SyncClient({ token: TOKENS.paul, fetch: (url, init) => fetch(url.replace('http://sync.test', servers.urls[0]!), init), counsellor: 'Paul BERNARD' });
    const pulled = await until(
      async () => {
        await paul.sync();
        return paul.promotions();
      },
      (rows) => rows.some((p) => p.status === 'interview'),
    );
    const promotion = pulled.find((p) => sent!.subject.includes(p.reference))!;
    expect(promotion.status).toBe('interview');
    const interview = promotion.events.find((e) => e.type === 'interview')!;
    // The webmail shows minutes: the event is at the message's minute, by the counsellor who clicked.
    expect(Date.parse(interview.at)).toBe(Math.floor(Date.parse(reply.receivedAt) / 60_000) * 60_000);
    expect(interview).toMatchObject({ by: 'jeanne.martin', byName: 'Jeanne MARTIN' });
    expect(JSON.stringify(promotion)).not.toContain('lundi à 14 h');
  });
});
