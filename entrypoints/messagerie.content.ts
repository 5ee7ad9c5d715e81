import { read } from '@/lib/adapters/messagerie';
import { fillCompose, parseComposeFill } from '@/lib/content/compose-filler';
import { runReader } from '@/lib/content/run-reader';
import { answerBackground, sendToBackground } from '@/lib/messaging/content';

// The real origins are set at build time (legacy-origins.ts); this default serves the demo tool.
export default defineContentScript({
  matches: ['http://messagerie.localhost/*'],
  runAt: 'document_idle',
  main() {
    runReader(read, (result) => sendToBackground('page.read', result));
    answerBackground('compose.fill', (fill) => fillCompose(document, parseComposeFill(fill)));
  },
});
