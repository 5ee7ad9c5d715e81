import type { LegacyTool } from '@/lib/domain/legacy';

/** The legacy tools as counsellors name them. */
export const TOOL_NAMES: Record<LegacyTool, string> = {
  'dossier-demandeur': 'Dossier demandeur',
  'fiche-entreprise': 'Fiche entreprise',
  messagerie: 'Messagerie',
};
