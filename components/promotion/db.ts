import { openDb, type ProfilenceDb } from '@/lib/store';

let db: ProfilenceDb | undefined;
/** The extension's IndexedDB, read by the UI with live queries (writes go through the background). */
export const uiDb = (): ProfilenceDb => (db ??= openDb());
