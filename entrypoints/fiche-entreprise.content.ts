import { read } from '@/lib/adapters/fiche-entreprise';
import { runReader } from '@/lib/content/run-reader';
import { sendMessage } from '@/lib/messaging/protocol';

// The real origins are set at build time (legacy-origins.ts); this default serves the demo tool.
export default defineContentScript({
  matches: ['http://entreprises.localhost/*'],
  runAt: 'document_idle',
  main() {
    runReader(read, (result) => sendMessage('page.read', result));
  },
});
