/**
 * Where the three legacy tools live. The demo tools answer on *.localhost; a build for the
 * real intranet sets PROFILENCE_<TOOL>_MATCHES to a comma-separated list of match patterns,
 * e.g. PROFILENCE_DOSSIERS_MATCHES="https://dde.intra.example/*".
 * Readers detect pages by URL path and DOM, never by host, so only these patterns change.
 */
export type LegacyTool = 'dossier-demandeur' | 'fiche-entreprise' | 'messagerie';

const fromEnv = (name: string, fallback: string[]) =>
  process.env[name]?.split(',').map((s) => s.trim()).filter(Boolean) ?? fallback;

export function legacyMatches(): Record<LegacyTool, string[]> {
  return {
    'dossier-demandeur': fromEnv('PROFILENCE_DOSSIERS_MATCHES', ['http://dossiers.localhost/*']),
    'fiche-entreprise': fromEnv('PROFILENCE_ENTREPRISES_MATCHES', ['http://entreprises.localhost/*']),
    messagerie: fromEnv('PROFILENCE_MESSAGERIE_MATCHES', ['http://messagerie.localhost/*']),
  };
}
