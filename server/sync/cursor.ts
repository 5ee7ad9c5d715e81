/** The pull cursor: opaque to clients, `base64url("v1:<version>")` inside. */
import { ApiError } from '../errors';

export function encodeCursor(version: number): string {
  return Buffer.from(`v1:${version}`, 'utf8').toString('base64url');
}

/** Empty or absent cursor = from the start (0). Anything unreadable is a `400`. */
export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^v1:(\d{1,15})$/.exec(text);
  if (!match) {
    throw new ApiError(
      400,
      'invalid_cursor',
      'Curseur de synchronisation illisible : la synchronisation doit repartir du début.',
    );
  }
  return Number(match[1]);
}
