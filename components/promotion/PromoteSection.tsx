/**
 * « Promouvoir ce profil » for the file in front of the counsellor: a first screen with one-click
 * shortcuts to the known establishments, the full form one click away, and what happened last.
 * Mounted once per file (`key={ftId}`): nothing of one job seeker's form reaches another's.
 */
import { useState } from 'preact/hooks';
import { isConsentUnreadable, type JobSeekerProfile } from '@/lib/domain/legacy';
import { pitchTemplate } from '@/lib/domain/pitch';
import { usePreselection } from '../matches/use-preselection';
import { PromoteForm } from './PromoteForm';
import { QuickPromote } from './QuickPromote';
import { outcomeFeedback, sendPromotion, type Feedback, type PromotionKind } from './submit';
import { useCandidates } from './use-candidates';
import { useDraftSaving, usePromotionDraft } from './use-promotion-draft';

interface Props {
  profile: JobSeekerProfile;
  tabId: number;
}

export function PromoteSection({ profile, tabId }: Props) {
  if (!profile.promotionConsent.granted) {
    return (
      <section class="pf-section">
        <button class="fr-btn" type="button" disabled aria-describedby="promote-disabled-reason">
          Promouvoir ce profil
        </button>
        <p id="promote-disabled-reason" class="fr-hint-text fr-mt-1w" data-testid="promote-disabled-reason">
          {isConsentUnreadable(profile.promotionConsent)
            ? "Indisponible tant que le consentement de la personne n'est pas lisible sur son dossier."
            : "Indisponible : la personne n'a pas autorisé la promotion de son profil."}
        </p>
      </section>
    );
  }
  return <ConsentedPromotion profile={profile} tabId={tabId} />;
}

function ConsentedPromotion({ profile, tabId }: Props) {
  // Establishments a match's « Promouvoir » chose (lib/background/board.ts), then those open in a tab.
  const preselected = usePreselection(profile.ftId);
  const { choices, changedHere, update, reset } = usePromotionDraft(profile, preselected);
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>();
  const { candidates, openEstablishments } = useCandidates(query, preselected);

  const defaults = [...new Set([...preselected, ...openEstablishments.map((e) => e.siret)])];
  const chosen = choices.selected ?? defaults;
  const template = choices.editedTemplate ?? pitchTemplate(profile, { mode: choices.mode, rome: choices.rome });
  useDraftSaving(profile, choices, changedHere, chosen, template);

  const known = defaults.flatMap((s) => candidates.find((c) => c.establishment.siret === s)?.establishment ?? []);

  async function submit(kind: PromotionKind, request: { targets: { siret: string; contactIndex?: number }[]; acknowledgedDuplicates: boolean; quick?: boolean }) {
    setBusy(true);
    setFeedback(undefined);
    const outcome = await sendPromotion(kind, {
      jobSeekerTabId: tabId,
      ftId: profile.ftId,
      targets: request.targets,
      rome: choices.rome,
      // The shortcut is a named e-mail written from the file; the form sends what it shows.
      mode: request.quick ? 'named' : choices.mode,
      editedTemplate: request.quick ? undefined : choices.editedTemplate,
      acknowledgedDuplicates: request.acknowledgedDuplicates,
    });
    setBusy(false);
    setFeedback(outcomeFeedback(kind, outcome));
    // Sent: the form closes, the new promotion heads the history below.
    if (outcome.ok) reset();
  }

  return (
    <section class="pf-section fr-mt-2w" data-testid="promote-section">
      {choices.open ? (
        <PromoteForm
          profile={profile}
          choices={choices}
          update={update}
          candidates={candidates}
          chosen={chosen}
          template={template}
          query={query}
          onQuery={setQuery}
          busy={busy}
          onSubmit={(kind, acknowledgedDuplicates) =>
            void submit(kind, { targets: chosen.map((siret) => ({ siret, contactIndex: choices.contactBySiret[siret] })), acknowledgedDuplicates })
          }
          onClose={() => update({ open: false })}
        />
      ) : (
        <QuickPromote
          ftId={profile.ftId}
          hasCv={!!profile.cv}
          jobLabel={profile.targetJobs.find((j) => j.rome === choices.rome)?.label}
          establishments={known}
          busy={busy}
          onPropose={(siret, acknowledgedDuplicates) => void submit('email', { targets: [{ siret }], acknowledgedDuplicates, quick: true })}
          onOpenForm={() => {
            setFeedback(undefined);
            update({ open: true });
          }}
        />
      )}
      {feedback && (
        <div class={`fr-alert fr-alert--${feedback.kind} fr-alert--sm fr-mt-2w`} role="status" data-testid="promote-feedback">
          <p>{feedback.text}</p>
        </div>
      )}
    </section>
  );
}
