/**
 * Moves SQLite's WAL checkpoints off the request path. With `synchronous = NORMAL` a commit only appends to the
 * WAL; the checkpoint that copies it back into the database file is what waits on the disk (fsync), and SQLite
 * runs it inside whichever commit crosses `wal_autocheckpoint`: that commit, hence that push, paid it — about
 * 2.4 ms of a 10-mutation push's 9.4 ms, averaged (bench/server.ts). Here a worker thread with its own connection
 * checkpoints every `intervalMs` while the event loop goes on serving. The request connection keeps a large
 * automatic threshold as a safety net, should the worker ever stop: the WAL then stays bounded, as before.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Pages (4 kB) after which a commit checkpoints by itself: only reached if the worker is not keeping up. */
export const SAFETY_AUTOCHECKPOINT_PAGES = 16_000;

const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  const closed = new Int32Array(workerData.closed);
  Atomics.store(closed, 0, 1);
  Atomics.notify(closed, 0);
  parentPort.close();
});
`;

export interface Checkpointer {
  /**
   * Closes the worker's connection before returning (at most `STOP_WAIT_MS`), so that the database's files
   * may be removed or moved as soon as the server has closed: SQLite closes synchronously, and so does this.
   */
  stop(): void;
}

const STOP_WAIT_MS = 2000;

export function startCheckpointer(file: string, onError: (message: string) => void = () => {}, intervalMs = 500): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const closed = new SharedArrayBuffer(4);
  const worker = new Worker(CHECKPOINTER_SOURCE, { eval: true, workerData: { file, driver, intervalMs, closed } });
  worker.on('message', (message: { error?: string }) => message.error && onError(message.error));
  worker.on('error', (err) => onError(err.message));
  // The server may exit while the worker sleeps between checkpoints.
  worker.unref();
  return {
    stop: () => {
      worker.postMessage('stop');
      Atomics.wait(new Int32Array(closed), 0, 0, STOP_WAIT_MS);
    },
  };
}
