// @vitest-environment happy-dom
// The panel shows the tab the counsellor is looking at: when they switch tabs while the first reading is still on
// its way, the later tab wins, whatever order the answers come back in (seen in Firefox on a loaded machine: the
// panel stayed on « Aucune page à lire » with a job-seeker file in front).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTabContext } from '@/components/hooks/use-tab-context';

const PANEL_WINDOW = 1;
const OTHER_WINDOW = 2;
const platform = vi.hoisted(() => ({ activated: [] as ((tabId: number, windowId: number) => void)[], activeTabId: vi.fn() }));
vi.mock('@/lib/platform', () => ({
  tabs: {
    activeTabId: platform.activeTabId,
    onActivated: (listener: (tabId: number, windowId: number) => void) => {
      platform.activated.push(listener);
      return () => undefined;
    },
  },
  windows: { currentId: async () => 1 },
  sessionStore: { onChanged: () => () => undefined },
}));
/** Lets every pending answer land (the panel first learns its window, then asks for the tab's reading). */
const flush = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
const activate = (tabId: number, windowId = PANEL_WINDOW) => platform.activated.forEach((listener) => listener(tabId, windowId));
const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/protocol', () => ({ sendMessage, onMessage: vi.fn() }));

function Shown() {
  const state = useTabContext();
  return <p>{state.kind === 'ready' ? (state.context ? `lu : ${(state.context as unknown as { title: string }).title}` : 'Aucune page à lire') : state.kind}</p>;
}

/** A promise and the function that settles it, so the test decides when each answer arrives. */
function later<T>() {
  let settle!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return { promise, settle };
}

describe('useTabContext', () => {
  let root: HTMLElement;
  beforeEach(() => {
    platform.activated.length = 0;
    sendMessage.mockReset();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('shows the tab switched to, when the reading of the tab shown first answers last', async () => {
    const panelTab = later<number>();
    platform.activeTabId.mockReturnValueOnce(panelTab.promise);
    const fileReading = later<unknown>();
    const panelReading = later<unknown>();
    sendMessage.mockImplementation((_: string, { tabId }: { tabId: number }) => (tabId === 7 ? fileReading.promise : panelReading.promise));

    await act(() => render(<Shown />, root));
    await act(() => activate(7));
    await act(async () => fileReading.settle({ title: 'Marie DUPONT' }));
    await flush();
    expect(root.textContent).toBe('lu : Marie DUPONT');

    // The first request (the tab active when the panel opened: the panel itself, nothing to read) answers now.
    await act(async () => panelTab.settle(3));
    await act(async () => panelReading.settle(null));
    await flush();
    expect(root.textContent).toBe('lu : Marie DUPONT');
  });

  it('still follows the counsellor to the next tab', async () => {
    platform.activeTabId.mockResolvedValueOnce(7);
    sendMessage.mockImplementation(async (_: string, { tabId }: { tabId: number }) => (tabId === 7 ? { title: 'Marie DUPONT' } : null));
    await act(() => render(<Shown />, root));
    await act(async () => undefined);
    await flush();
    expect(root.textContent).toBe('lu : Marie DUPONT');
    await act(async () => activate(9));
    await act(async () => undefined);
    await flush();
    expect(root.textContent).toBe('Aucune page à lire');
  });

  it('stays on its own window: a tab brought to the front in another window (a second screen) changes nothing', async () => {
    platform.activeTabId.mockResolvedValueOnce(7);
    sendMessage.mockImplementation(async (_: string, { tabId }: { tabId: number }) => (tabId === 7 ? { title: 'Marie DUPONT' } : { title: 'LOGICIELS DU RHÔNE' }));
    await act(() => render(<Shown />, root));
    await act(async () => undefined);
    expect(platform.activeTabId).toHaveBeenCalledWith(PANEL_WINDOW);
    await act(async () => activate(12, OTHER_WINDOW));
    await act(async () => undefined);
    await flush();
    expect(root.textContent).toBe('lu : Marie DUPONT');
    await act(async () => activate(12, PANEL_WINDOW));
    await act(async () => undefined);
    await flush();
    expect(root.textContent).toBe('lu : LOGICIELS DU RHÔNE');
  });
});
