/**
 * A redesign of the job-seeker file, as the tool's editor might ship it (`/refonte/dossier/{ftId}`): the e-mail's
 * label renamed « Contact numérique » (unknown to the reader, which then misses the e-mail), the events' « Objet »
 * column renamed « Sujet », and a heading announcing the new version — a new label set, so a new variant in the
 * readers' health report.
 */
import type { SeedJobSeeker } from '../seed/types';
import { renderProfile } from './dossier-demandeur';

export function renderRedesignedProfile(s: SeedJobSeeker): string {
  return renderProfile(s)
    .replace('<td class="libelle">Courriel</td>', '<td class="libelle">Contact numérique</td>')
    .replace('<th>Objet</th>', '<th>Sujet</th>')
    .replace('<div class="ui-messages-info"', '<h2 style="font-size:12px">Nouvelle version du dossier</h2>\n    <div class="ui-messages-info"');
}
