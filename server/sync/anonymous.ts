/**
 * What the server keeps of the job seeker on an anonymous promotion (docs/privacy.md): the France Travail id
 * (a colleague following up opens the file with it; statistics count distinct profiles by it) and the first
 * name (the counsellors recognise the person in their lists); never the last name, which the employer never
 * gets and nobody in the follow-up needs, since the file that shows it is one click away.
 */
import type { RowCache } from './row-cache';

export function minimisedJobSeeker<T extends Record<string, unknown>>(jobSeeker: T): T {
  return { ...jobSeeker, lastName: '' };
}

/**
 * After an edit that made a promotion anonymous: its last name is forgotten in the same write. `since` is the
 * scope version when the batch began; a row this batch did not write is left alone. Written with the batch's rows.
 */
export async function forgetNameIfAnonymous(rows: RowCache, id: string, since: number): Promise<void> {
  const row = await rows.get('promotion', id);
  if (!row || row.deleted || row.data === null || Number(row.version) <= since) return;
  const data = JSON.parse(row.data) as { mode?: string; jobSeeker?: Record<string, unknown> };
  if (data.mode !== 'anonymous' || !data.jobSeeker?.lastName) return;
  const written = JSON.stringify({ ...data, jobSeeker: minimisedJobSeeker(data.jobSeeker) });
  rows.rewrite('promotion', { ...row, data: written });
}
