import type { Page } from 'playwright-core';

/**
 * Puts rows straight into a table of the extension's IndexedDB, from one of its pages (opened first, so Dexie has
 * created the tables): seeds what a sync would have pulled. (tests/e2e/dashboard.test.ts keeps a copy of this.)
 */
export async function putRows(page: Page, table: string, rows: unknown[]): Promise<void> {
  await page.evaluate(
    ({ table, rows }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('profilence');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(table, 'readwrite');
          for (const row of rows) tx.objectStore(table).put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { table, rows },
  );
}
