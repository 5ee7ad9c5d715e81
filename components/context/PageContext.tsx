/** What the side panel shows for the reading of the active tab, whatever the tool and page. */
import type { TabContext } from '@/lib/messaging/tab-context';
import { EstablishmentBoard } from '../board/EstablishmentBoard';
import { NeedMatches } from '../matches/NeedMatches';
import { PoolMatches } from '../matches/PoolMatches';
import { PoolRecommend } from '../pool/PoolRecommend';
import { PromoteSection } from '../promotion/PromoteSection';
import { PromotionHistory } from '../promotion/PromotionHistory';
import { InboxReplies } from '../replies/InboxReplies';
import { MessageReplies } from '../replies/MessageReplies';
import { EstablishmentCard } from './EstablishmentCard';
import { ComposePage, SentMailCard } from './MailPage';
import { MissingFields } from './MissingFields';
import { ProfileCard } from './ProfileCard';
import { SearchHits } from './SearchHits';
import { PortfolioWorklist } from '../worklist/PortfolioWorklist';

export function NoPage() {
  return (
    <div class="fr-callout" data-testid="no-page">
      <h2 class="fr-callout__title fr-h5">Aucune page à lire</h2>
      <p class="fr-callout__text">
        Ouvrez un dossier demandeur, une fiche établissement ou la messagerie : Profilence en affichera ici les
        informations, sans rien ressaisir.
      </p>
    </div>
  );
}

export function UnrecognizedPage() {
  return (
    <div class="fr-callout" data-testid="unrecognized">
      <h2 class="fr-callout__title fr-h5">Page non reconnue</h2>
      <p class="fr-callout__text">
        Profilence ne reconnaît pas cette page (connexion, erreur ou page sans dossier). Rien n'a été lu ni
        enregistré. Ouvrez un dossier demandeur ou une fiche établissement pour continuer.
      </p>
    </div>
  );
}

export function PageContext({ context }: { context: TabContext | null }) {
  if (!context) return <NoPage />;
  const { result } = context;
  if (!result.recognized) return <UnrecognizedPage />;
  const body = (() => {
    switch (result.page) {
      case 'profile':
        return (
          <>
            {/* Keyed by file: switching between two job seekers' tabs never carries a form over. */}
            <ProfileCard profile={result.data}>
              <PromoteSection key={result.data.ftId} profile={result.data} tabId={context.tabId} />
            </ProfileCard>
            <NeedMatches profile={result.data} />
            <PoolRecommend profile={result.data} tabId={context.tabId} />
            <PromotionHistory key={result.data.ftId} ftId={result.data.ftId} profile={result.data} tabId={context.tabId} />
          </>
        );
      case 'portfolio':
        return <PortfolioWorklist entries={result.data} />;
      case 'establishment':
        return (
          <>
            <EstablishmentCard establishment={result.data} />
            <EstablishmentBoard establishment={result.data} tabId={context.tabId} />
            <PoolMatches establishment={result.data} />
            <PromotionHistory siret={result.data.siret} />
          </>
        );
      case 'search':
        return <SearchHits hits={result.data} />;
      case 'compose':
        return <ComposePage />;
      case 'sent':
        return <SentMailCard mail={result.data} />;
      case 'inbox':
        return <InboxReplies />;
      case 'message':
        return <MessageReplies mail={result.data} tabId={context.tabId} />;
    }
  })();
  return (
    <>
      {body}
      <MissingFields missing={result.missing} tabId={context.tabId} />
    </>
  );
}
