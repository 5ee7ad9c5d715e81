// @vitest-environment happy-dom
// The panel shows the tab the counsellor is looking at: when they switch tabs while the first reading is still on
// its way, the later tab wins, whatever order the answers come back in (seen in Firefox on a loaded machine: the
// panel stayed on « Aucune page à lire » with a job-seeker file in front).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTabContext } from '@/components/hooks/use-tab-context';

const platform = vi.hoisted(() => ({ activated: [] as ((tabId: number) => void)[], activeTabId: vi.fn() }));
vi.mock('@/lib/platform', () => ({
  tabs: {
    activeTabId: platform.activeTabId,
    onActivated: (listener: (tabId: number) => void) => {
      platform.activated.push(listener);
      return () => undefined;
    },
  },
  sessionStore: { onChanged: () => () => undefined },
}));
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
    await act(() => platform.activated.forEach((listener) => listener(7)));
    await act(async () => fileReading.settle({ title: 'Marie DUPONT' }));
    expect(root.textContent).toBe('lu : Marie DUPONT');

    // The first request (the tab active when the panel opened: the panel itself, nothing to read) answers now.
    await act(async () => panelTab.settle(3));
    await act(async () => panelReading.settle(null));
    expect(root.textContent).toBe('lu : Marie DUPONT');
  });

  it('still follows the counsellor to the next tab', async () => {
    platform.activeTabId.mockResolvedValueOnce(7);
    sendMessage.mockImplementation(async (_: string, { tabId }: { tabId: number }) => (tabId === 7 ? { title: 'Marie DUPONT' } : null));
    await act(() => render(<Shown />, root));
    await act(async () => undefined);
    expect(root.textContent).toBe('lu : Marie DUPONT');
    await act(async () => platform.activated.forEach((listener) => listener(9)));
    await act(async () => undefined);
    expect(root.textContent).toBe('Aucune page à lire');
  });
});
