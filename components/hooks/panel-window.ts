/**
 * The window whose tabs the side panel follows: the one it is open in. Each browser window has its own panel, so
 * a tab brought to the front in another window (a second screen) must not change what this one shows.
 * Test builds (WXT_PROFILENCE_TEST_HOOKS=1) accept `?window=<id>`: the e2e tests open the panel's page in a
 * window of its own, beside the window of the tools, where it keeps rendering like a real side panel does
 * (a page in a background tab is drawn about once a second, which made every click wait).
 */
import { TEST_HOOKS } from '@/lib/reminders/clock';
import { windows } from '@/lib/platform';

export async function panelWindowId(search: string = globalThis.location?.search ?? ''): Promise<number | undefined> {
  if (TEST_HOOKS) {
    const given = Number(new URLSearchParams(search).get('window'));
    if (Number.isInteger(given) && given > 0) return given;
  }
  return windows.currentId().catch(() => undefined);
}
