import { readWithEvidence } from '@/lib/adapters/dossier-demandeur';
import { assertFromBackground } from '@/lib/content/background-only';
import { fetchCv } from '@/lib/content/fetch-cv';
import { runReader } from '@/lib/content/run-reader';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';
import { extensionId } from '@/lib/platform';

// The real origins are set at build time (legacy-origins.ts); this default serves the demo tool.
export default defineContentScript({
  matches: ['http://dossiers.localhost/*'],
  runAt: 'document_idle',
  main() {
    // With how the consent was shown: the background keeps it with each promotion as its evidence.
    runReader(readWithEvidence, (result) => sendMessage('page.read', result));
    onMessage('cv.fetch', ({ data, sender }) => {
      assertFromBackground(sender, extensionId());
      return fetchCv(data.url, location.href, data.fileName);
    });
  },
});
