import { read } from '@/lib/adapters/fiche-entreprise';
import { runTaughtReader } from '@/lib/content/taught-reading';

// The real origins are set at build time (legacy-origins.ts); this default serves the demo tool.
export default defineContentScript({
  matches: ['http://entreprises.localhost/*'],
  runAt: 'document_idle',
  main() {
    runTaughtReader(read);
  },
});
