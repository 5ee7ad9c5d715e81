/** Routes of dossiers.localhost — the "Dossier Demandeur d'Emploi" tool. */
import { cleanPath, decodeSegment, type DemoRequest, htmlReply, isRead, methodNotAllowed, redirect, type Reply } from '../http';
import { renderCvPdf } from '../pdf';
import { findJobSeeker, JOB_SEEKERS } from '../seed/job-seekers';
import { renderDdeError, renderDdeHome, renderLogin, renderPortfolio, renderProfile } from '../tools/dossier-demandeur';
import { renderRedesignedProfile } from '../tools/dossier-demandeur-refonte';

function notFound(title: string, message: string): Reply {
  return htmlReply(renderDdeError(title, message), 404);
}

function pageNotFound(path: string): Reply {
  return notFound('Page introuvable', `La page demandée (${path}) n'existe pas dans l'application.`);
}

function unknownFile(ftId: string): Reply {
  return notFound('Dossier introuvable', `Aucun dossier ne correspond à l'identifiant « ${ftId} » dans votre portefeuille.`);
}

export function dossiersRoute(req: DemoRequest): Reply {
  const path = cleanPath(req.url);

  if (req.method === 'POST' && path === '/j_security_check') return redirect('/portefeuille');
  if (!isRead(req)) return methodNotAllowed(['GET', 'HEAD']);

  if (path === '/' || path === '/accueil') return htmlReply(renderDdeHome(JOB_SEEKERS));
  if (path === '/portefeuille') return htmlReply(renderPortfolio(JOB_SEEKERS));
  if (path === '/connexion') return htmlReply(renderLogin());
  if (path === '/deconnexion') return redirect('/connexion');
  if (path === '/dossier/acces-rapide') {
    const wanted = (req.url.searchParams.get('j_idt9:accesRapide') ?? '').trim();
    const found = findJobSeeker(wanted);
    return found ? redirect(`/dossier/${found.ftId}`) : unknownFile(wanted);
  }

  // The same file after the tool's redesign (demo/tools/dossier-demandeur-refonte.ts): the readers' health report sees it.
  const redesigned = /^\/refonte\/dossier\/([^/]+)$/.exec(path);
  if (redesigned) {
    const seeker = findJobSeeker(decodeSegment(redesigned[1]!));
    return seeker ? htmlReply(renderRedesignedProfile(seeker)) : unknownFile(redesigned[1]!);
  }

  const file = /^\/dossier\/([^/]+)(\/cv)?$/.exec(path);
  if (file) {
    const id = decodeSegment(file[1]!);
    const seeker = findJobSeeker(id);
    if (!seeker) return unknownFile(id);
    if (!file[2]) return htmlReply(renderProfile(seeker));
    if (!seeker.cv) return notFound('Document introuvable', `Aucun CV n'a été déposé dans le dossier ${seeker.ftId}.`);
    return {
      status: 200,
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${seeker.cv.fileName}"`,
      },
      body: renderCvPdf(seeker),
    };
  }

  return pageNotFound(path);
}
