/**
 * Retries `check` while a rendered component settles: its live queries read IndexedDB, slower on a loaded machine,
 * so a fixed wait either wastes time or fails under load. The last failure is rethrown after `timeout`.
 */
import { act } from 'preact/test-utils';

const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 50)));

export async function eventually<T>(check: () => T, timeout = 3000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return check();
    } catch (err) {
      if (Date.now() > end) throw err;
      await settle();
    }
  }
}
