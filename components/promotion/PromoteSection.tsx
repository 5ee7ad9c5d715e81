/**
 * « Promouvoir ce profil »: choose establishments, check the pitch, and let Profilence prepare one
 * e-mail each in the webmail (or record a call or a visit). The choices are kept as a draft.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { pickContact } from '@/lib/domain/contacts';
import { isConsentUnreadable, type Establishment, type JobSeekerProfile } from '@/lib/domain/legacy';
import { contactSalutation, generatePitch } from '@/lib/domain/pitch';
import type { PromotionMode } from '@/lib/domain/promotion';
import type { PrepareOutcome } from '@/lib/messaging/promotion-commands';
import { sendMessage } from '@/lib/messaging/protocol';
import { findRecentDuplicate, loadDraft, recentEstablishments, saveDraft, searchEstablishments } from '@/lib/store';
import { frenchDate } from '../format';
import { useLiveQuery } from '../hooks/use-live-query';
import { useOpenTabs } from '../hooks/use-open-tabs';
import { usePreselection } from '../matches/use-preselection';
import { CandidateList, type Candidate } from './CandidateList';
import { uiDb } from './db';

interface Props {
  profile: JobSeekerProfile;
  tabId: number;
}

type Feedback = { kind: 'success' | 'error' | 'warning'; text: string } | undefined;

export function PromoteSection({ profile, tabId }: Props) {
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<string[] | undefined>(undefined);
  const [contactBySiret, setContactBySiret] = useState<Record<string, number>>({});
  const [mode, setMode] = useState<PromotionMode>('named');
  const [rome, setRome] = useState(profile.targetJobs.find((j) => j.main)?.rome ?? profile.targetJobs[0]?.rome);
  const [editedBody, setEditedBody] = useState<string | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>();
  const [acknowledged, setAcknowledged] = useState(false);
  // Establishments a match's « Promouvoir » asked to tick (lib/background/board.ts): the form opens with them.
  const preselected = usePreselection(profile.ftId);
  const [draftLoaded, setDraftLoaded] = useState(false);

  const openTabs = useOpenTabs();
  const recent = useLiveQuery(() => recentEstablishments(uiDb(), 10), [], []);
  const found = useLiveQuery(() => (query.trim().length >= 2 ? searchEstablishments(uiDb(), query) : []), [query], []);

  const openEstablishments = openTabs.flatMap((c) =>
    c.result.recognized && c.result.page === 'establishment' ? [c.result.data] : [],
  );
  const candidates: Candidate[] = useMemo(() => {
    const bySiret = new Map<string, Candidate>();
    for (const e of openEstablishments) bySiret.set(e.siret, { establishment: e, open: true });
    for (const row of [...recent, ...found]) {
      if (!bySiret.has(row.siret)) bySiret.set(row.siret, { establishment: row.establishment, open: false });
    }
    return [...bySiret.values()];
  }, [openEstablishments.map((e) => e.siret).join(), recent, found]);

  // The open establishment tabs (and the preselected ones) are ticked unless a draft says otherwise.
  const chosen = selected ?? [...new Set([...openEstablishments.map((e) => e.siret), ...preselected])];
  const chosenEstablishments = chosen.flatMap((s) => candidates.find((c) => c.establishment.siret === s)?.establishment ?? []);

  useEffect(() => {
    void loadDraft(uiDb(), profile.ftId).then((draft) => {
      setDraftLoaded(true);
      if (!draft) return;
      setOpen(true);
      setSelected(draft.selectedSirets);
      setContactBySiret(draft.contactBySiret);
      setMode(draft.mode);
      if (draft.pitchEdited) setEditedBody(draft.pitch);
    });
  }, [profile.ftId]);

  useEffect(() => {
    if (!draftLoaded || preselected.length === 0) return;
    setOpen(true);
    setSelected((previous) => previous && [...new Set([...previous, ...preselected])]);
  }, [draftLoaded, preselected.join()]);

  const first: Establishment | undefined = chosenEstablishments[0];
  const firstContact = first && pickContact(first, contactBySiret[first.siret]);
  const generated = generatePitch(profile, {
    mode,
    rome,
    establishmentName: first?.name,
    contactName: firstContact ? contactSalutation(firstContact) : undefined,
    reference: 'PRF-000000',
  }).body;
  const body = editedBody ?? generated;

  useEffect(() => {
    if (!open) return;
    void saveDraft(uiDb(), {
      ftId: profile.ftId,
      selectedSirets: chosen,
      mode,
      channel: 'email',
      pitch: body,
      pitchEdited: editedBody !== undefined,
      contactBySiret,
    }).catch(() => undefined);
  }, [open, chosen.join(), mode, body, JSON.stringify(contactBySiret)]);

  const duplicates = useLiveQuery(
    async () => {
      const found = [];
      for (const e of chosenEstablishments) {
        const previous = await findRecentDuplicate(uiDb(), profile.ftId, e.siret);
        if (previous) found.push({ name: e.name, at: previous.createdAt });
      }
      return found;
    },
    [chosen.join(), profile.ftId],
    [] as { name: string; at: string }[],
  );

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

  if (!open) {
    return (
      <section class="pf-section">
        <button class="fr-btn" type="button" data-testid="promote" onClick={() => setOpen(true)}>
          Promouvoir ce profil
        </button>
      </section>
    );
  }

  const toggle = (siret: string) =>
    setSelected(chosen.includes(siret) ? chosen.filter((s) => s !== siret) : [...chosen, siret]);

  async function submit(kind: 'email' | 'phone' | 'in_person') {
    setBusy(true);
    setFeedback(undefined);
    const request = {
      jobSeekerTabId: tabId,
      targets: chosen.map((siret) => ({ siret, contactIndex: contactBySiret[siret] })),
      mode,
      rome,
      editedBody,
      acknowledgedDuplicates: acknowledged,
    };
    let outcome: PrepareOutcome;
    try {
      outcome =
        kind === 'email'
          ? await sendMessage('promotion.prepare', request)
          : await sendMessage('promotion.recordContact', { ...request, channel: kind });
    } catch {
      outcome = { ok: false, code: 'invalid', message: "Profilence n'a pas pu enregistrer la promotion : réessayez." };
    }
    setBusy(false);
    if (!outcome.ok) {
      setFeedback({ kind: outcome.code === 'duplicate' ? 'warning' : 'error', text: outcome.message });
      return;
    }
    setFeedback({
      kind: 'success',
      text:
        kind === 'email'
          ? outcome.mailsQueued > 1
            ? `${outcome.mailsQueued} e-mails préparés : vérifiez chacun dans la messagerie puis cliquez sur « Envoyer ».`
            : 'E-mail préparé dans la messagerie : vérifiez-le puis cliquez sur « Envoyer ».'
          : kind === 'phone'
            ? 'Appel enregistré.'
            : 'Visite enregistrée.',
    });
    setSelected([]);
    setEditedBody(undefined);
  }

  return (
    <section class="pf-section" data-testid="promote-form">
      <h2 class="fr-h5">Promouvoir ce profil</h2>
      <CandidateList
        candidates={candidates}
        selected={chosen}
        contactBySiret={contactBySiret}
        onToggle={toggle}
        onContact={(siret, i) => setContactBySiret({ ...contactBySiret, [siret]: i })}
      />
      <div class="fr-input-group">
        <label class="fr-label" for="establishment-search">
          Chercher un établissement déjà consulté (nom ou SIRET)
        </label>
        <input
          class="fr-input"
          id="establishment-search"
          type="search"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
      </div>
      {profile.targetJobs.length > 1 && (
        <div class="fr-select-group">
          <label class="fr-label" for="promote-rome">
            Métier proposé
          </label>
          <select class="fr-select" id="promote-rome" value={rome} onChange={(e) => setRome((e.target as HTMLSelectElement).value)}>
            {profile.targetJobs.map((j) => (
              <option key={j.rome} value={j.rome}>
                {j.label} ({j.rome})
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend fr-text--md">Mode</legend>
        {(
          [
            ['named', 'Nominatif, CV joint'],
            ['anonymous', 'Anonyme : ni nom, ni coordonnées, ni CV'],
          ] as const
        ).map(([value, label]) => (
          <div class="fr-fieldset__element fr-fieldset__element--inline" key={value}>
            <div class="fr-radio-group fr-radio-group--sm">
              <input type="radio" id={`mode-${value}`} name="mode" checked={mode === value} onChange={() => setMode(value)} />
              <label class="fr-label" for={`mode-${value}`}>
                {label}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
      <div class="fr-input-group">
        <label class="fr-label" for="pitch">
          Message à l'employeur
          <span class="fr-hint-text">Écrit à partir du dossier ; modifiable.</span>
        </label>
        <textarea
          class="fr-input"
          id="pitch"
          rows={10}
          value={body}
          data-testid="pitch"
          onInput={(e) => setEditedBody((e.target as HTMLTextAreaElement).value)}
        />
        {editedBody !== undefined && (
          <button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" type="button" onClick={() => setEditedBody(undefined)}>
            Revenir au texte proposé
          </button>
        )}
      </div>
      {duplicates.length > 0 && (
        <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" data-testid="duplicate-warning">
          <p>
            Déjà proposé ces 90 derniers jours :{' '}
            {duplicates.map((d) => `${d.name} (le ${frenchDate(d.at)})`).join(', ')}.
          </p>
          <div class="fr-checkbox-group fr-checkbox-group--sm fr-mt-1w">
            <input type="checkbox" id="ack-duplicates" checked={acknowledged} onChange={() => setAcknowledged(!acknowledged)} />
            <label class="fr-label" for="ack-duplicates">
              Proposer quand même
            </label>
          </div>
        </div>
      )}
      <ul class="fr-btns-group fr-btns-group--inline-sm">
        <li>
          <button class="fr-btn" type="button" disabled={busy || chosen.length === 0} onClick={() => void submit('email')}>
            Préparer l'e-mail
          </button>
        </li>
        <li>
          <button class="fr-btn fr-btn--secondary" type="button" disabled={busy || chosen.length === 0} onClick={() => void submit('phone')}>
            Appel passé
          </button>
        </li>
        <li>
          <button class="fr-btn fr-btn--secondary" type="button" disabled={busy || chosen.length === 0} onClick={() => void submit('in_person')}>
            Visite faite
          </button>
        </li>
      </ul>
      {feedback && (
        <div class={`fr-alert fr-alert--${feedback.kind} fr-alert--sm`} role="status" data-testid="promote-feedback">
          <p>{feedback.text}</p>
        </div>
      )}
    </section>
  );
}
