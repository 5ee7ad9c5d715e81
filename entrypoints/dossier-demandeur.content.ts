import { readWithEvidence } from '@/lib/adapters/dossier-demandeur';
import { fetchCv } from '@/lib/content/fetch-cv';
import { runTaughtReader } from '@/lib/content/taught-reading';
import { answerBackground } from '@/lib/messaging/content';

// The real origins are set at build time (legacy-origins.ts); this default serves the demo tool.
export default defineContentScript({
  matches: ['http://dossiers.localhost/*'],
  runAt: 'document_idle',
  main() {
    // With how the consent was shown: the background keeps it with each promotion as its evidence.
    runTaughtReader(readWithEvidence);
    answerBackground('cv.fetch', (request) => fetchCv(request.url, location.href, request.fileName));
  },
});
