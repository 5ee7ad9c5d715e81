import { read } from '@/lib/adapters/messagerie';
import { fillCompose, parseComposeFill } from '@/lib/content/compose-filler';
import { runTaughtReader } from '@/lib/content/taught-reading';
import { answerBackground } from '@/lib/messaging/content';

// The real origins are set at build time (legacy-origins.ts); this default serves the demo tool.
export default defineContentScript({
  matches: ['http://messagerie.localhost/*'],
  runAt: 'document_idle',
  main() {
    runTaughtReader(read);
    answerBackground('compose.fill', (fill) => fillCompose(document, parseComposeFill(fill)));
  },
});
