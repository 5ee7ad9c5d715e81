import { read } from '@/lib/adapters/messagerie';
import { assertFromBackground } from '@/lib/content/background-only';
import { fillCompose, parseComposeFill } from '@/lib/content/compose-filler';
import { runReader } from '@/lib/content/run-reader';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';
import { extensionId } from '@/lib/platform';

// The real origins are set at build time (legacy-origins.ts); this default serves the demo tool.
export default defineContentScript({
  matches: ['http://messagerie.localhost/*'],
  runAt: 'document_idle',
  main() {
    runReader(read, (result) => sendMessage('page.read', result));
    onMessage('compose.fill', ({ data, sender }) => {
      assertFromBackground(sender, extensionId());
      return fillCompose(document, parseComposeFill(data));
    });
  },
});
