/**
 * Fetches the job seeker's CV from the job-seeker tool, inside its own page: same origin, the
 * counsellor's session, and no host permission for the extension.
 */
import type { Attachment } from './compose-filler';

const MAX_CV_BYTES = 15 * 1024 * 1024;

export async function fetchCv(cvUrl: string, pageUrl: string, fileName: string): Promise<Attachment> {
  const url = new URL(cvUrl, pageUrl);
  if (url.origin !== new URL(pageUrl).origin) throw new Error("Le CV n'est pas hébergé sur l'outil dossier demandeur.");
  const response = await fetch(url, { credentials: 'include' });
  if (!response.ok) throw new Error(`Le CV n'a pas pu être récupéré (erreur ${response.status}).`);
  const buffer = await response.arrayBuffer();
  if (buffer.byteLength > MAX_CV_BYTES) throw new Error('Le CV dépasse 15 Mo : joignez-le à la main.');
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName, type: response.headers.get('content-type')?.split(';')[0] ?? 'application/pdf', base64: btoa(binary) };
}
