import { read } from '@/lib/adapters/fiche-entreprise';
import { runReader } from '@/lib/content/run-reader';
import { sendToBackground } from '@/lib/messaging/content';

// The real origins are set at build time (legacy-origins.ts); this default serves the demo tool.
export default defineContentScript({
  matches: ['http://entreprises.localhost/*'],
  runAt: 'document_idle',
  main() {
    runReader(read, (result) => sendToBackground('page.read', result));
  },
});
