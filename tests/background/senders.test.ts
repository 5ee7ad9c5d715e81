// Every runtime message's sender is checked before its payload is used.
import { describe, expect, it } from 'vitest';
import { assertExtensionPageSender, assertLegacyTabSender, UntrustedSenderError } from '@/lib/messaging/senders';

const OWN = 'abcdefghijklmnopabcdefghijklmnop';
const PATTERNS = ['http://dossiers.localhost/*'];

describe('sender checks', () => {
  it('accepts our content script in the top frame of a legacy tab', () => {
    expect(
      assertLegacyTabSender({ id: OWN, url: 'http://dossiers.localhost:8090/dossier/1234567A', tab: { id: 4 }, frameId: 0 }, OWN, PATTERNS),
    ).toEqual({ tabId: 4, url: 'http://dossiers.localhost:8090/dossier/1234567A' });
  });

  it.each([
    ['another extension', { id: 'other', url: 'http://dossiers.localhost/x', tab: { id: 4 }, frameId: 0 }],
    ['a page outside the legacy tools', { id: OWN, url: 'https://evil.example/', tab: { id: 4 }, frameId: 0 }],
    ['an iframe', { id: OWN, url: 'http://dossiers.localhost/x', tab: { id: 4 }, frameId: 3 }],
    ['no tab', { id: OWN, url: 'http://dossiers.localhost/x', frameId: 0 }],
  ])('refuses page readings from %s', (_, sender) => {
    expect(() => assertLegacyTabSender(sender, OWN, PATTERNS)).toThrow(UntrustedSenderError);
  });

  it('accepts commands only from our own pages', () => {
    const origin = `chrome-extension://${OWN}/`;
    expect(() => assertExtensionPageSender({ id: OWN, url: `${origin}sidepanel.html` }, OWN, origin)).not.toThrow();
    expect(() => assertExtensionPageSender({ id: OWN, url: 'http://dossiers.localhost/x', tab: { id: 1 } }, OWN, origin)).toThrow(
      /page de Profilence/,
    );
    expect(() => assertExtensionPageSender({ id: 'other', url: `${origin}popup.html` }, OWN, origin)).toThrow(/étranger/);
  });
});
