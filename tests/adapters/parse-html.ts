/** Parses a saved page with happy-dom, as a browser would show it at `url`, scripts and resources disabled. */
import { Window } from 'happy-dom';

export function parseHtml(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  return document as unknown as Document;
}
