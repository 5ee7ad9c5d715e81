/** Display formats of the legacy tools (French, Europe/Paris). */

/** `2025-03-12` → `12/03/2025`. */
export function frDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function parisParts(at: Date): Record<string, string> {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  return Object.fromEntries(parts.map((p) => [p.type, p.value]));
}

/** `20/11/2026 à 14:32`, the webmail's "Envoyé le" format, Paris local time. */
export function frDateTimeAt(at: Date): string {
  const p = parisParts(at);
  return `${p.day}/${p.month}/${p.year} à ${p.hour}:${p.minute}`;
}

/** `20/11/2026 14:05:12`, Paris local time. */
export function frDateTimeSeconds(at: Date): string {
  const p = parisParts(at);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** `20261120`, Paris local date. */
export function compactParisDate(at: Date): string {
  const p = parisParts(at);
  return `${p.year}${p.month}${p.day}`;
}

/** File size as the webmail shows it: `184 Ko`. */
export function sizeKo(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} Ko`;
}

/** `Élodie` → `Elodie`, `Thi Lan` → `Thi-Lan`: ASCII file-name fragment. */
export function fileNamePart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
