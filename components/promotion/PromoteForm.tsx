/**
 * The full promotion form: several establishments, the job, named or anonymous, the message, and the
 * three ways to promote (e-mail, call, visit). Every choice belongs to the file's draft.
 */
import { useState } from 'preact/hooks';
import { pickContact } from '@/lib/domain/contacts';
import type { Establishment, JobSeekerProfile } from '@/lib/domain/legacy';
import { anonymousTextProblem, contactSalutation, fillPitch, pitchSubject } from '@/lib/domain/pitch';
import type { PromotionMode } from '@/lib/domain/promotion';
import { CandidateList, type Candidate } from './CandidateList';
import { ConfirmReplace } from './ConfirmReplace';
import { DuplicateWarning } from './DuplicateWarning';
import { JobSelect } from './JobSelect';
import { ModeChoice } from './ModeChoice';
import { PitchEditor, type FilledMessage } from './PitchEditor';
import type { PromotionKind } from './submit';
import type { FormChoices } from './use-promotion-draft';
import { useDuplicates } from './use-duplicates';

interface Props {
  profile: JobSeekerProfile;
  choices: FormChoices;
  update(patch: Partial<FormChoices>): void;
  candidates: Candidate[];
  /** SIRETs ticked (the choices', or the defaults). */
  chosen: string[];
  /** The message template shown: the edited one, or the one written from the file. */
  template: string;
  query: string;
  onQuery(query: string): void;
  busy: boolean;
  onSubmit(kind: PromotionKind, acknowledgedDuplicates: boolean): void;
  onClose(): void;
}

/** A change that would regenerate an edited message waits for the counsellor's answer. */
type Pending = { question: string; patch: Partial<FormChoices> } | undefined;

export function PromoteForm(props: Props) {
  const { profile, choices, update, candidates, chosen, template, busy } = props;
  const [acknowledged, setAcknowledged] = useState(false);
  const [pending, setPending] = useState<Pending>();
  const duplicates = useDuplicates(profile.ftId, chosen);

  const chosenEstablishments: Establishment[] = chosen.flatMap(
    (s) => candidates.find((c) => c.establishment.siret === s)?.establishment ?? [],
  );
  const filled = chosenEstablishments.map((e) => {
    const contact = pickContact(e, choices.contactBySiret[e.siret]);
    const body = fillPitch(
      template,
      { establishmentName: e.name, contactName: contact ? contactSalutation(contact) : undefined },
      { profile, mode: choices.mode },
    );
    return { establishment: e, contact, body };
  });
  const messages: FilledMessage[] = filled.map(({ establishment, contact, body }) => ({
    siret: establishment.siret,
    establishmentName: establishment.name,
    greeting: body.split('\n')[0] ?? '',
    to: contact?.email,
  }));
  const subject = pitchSubject(profile, { mode: choices.mode, rome: choices.rome, reference: 'PRF-000000' });
  // The same check the background makes, on every e-mail as it will leave (and on the template alone
  // while no establishment is ticked).
  const anonymityProblem =
    choices.mode === 'anonymous'
      ? (filled.length ? filled.map((f) => f.body) : [template]).map((b) => anonymousTextProblem(profile, `${subject}\n${b}`)).find(Boolean)
      : undefined;

  /** Mode or job: regenerates the message, after asking if the counsellor edited it. */
  function change(patch: Partial<FormChoices>, question: string) {
    if (choices.editedTemplate === undefined) return update(patch);
    setPending({ question, patch });
  }

  const toggle = (siret: string) => update({ selected: chosen.includes(siret) ? chosen.filter((s) => s !== siret) : [...chosen, siret] });
  const blocked = busy || chosen.length === 0 || !!anonymityProblem || (duplicates.length > 0 && !acknowledged);

  return (
    <section class="pf-section" data-testid="promote-form" aria-labelledby="promote-form-title">
      <h2 class="fr-h5" id="promote-form-title">
        Promouvoir ce profil
      </h2>
      <CandidateList
        candidates={candidates}
        selected={chosen}
        contactBySiret={choices.contactBySiret}
        onToggle={toggle}
        onContact={(siret, i) => update({ contactBySiret: { ...choices.contactBySiret, [siret]: i } })}
      />
      <div class="fr-input-group">
        <label class="fr-label" for="establishment-search">
          Chercher un établissement déjà consulté (nom ou SIRET)
        </label>
        <input
          class="fr-input"
          id="establishment-search"
          type="search"
          value={props.query}
          onInput={(e) => props.onQuery((e.target as HTMLInputElement).value)}
        />
      </div>
      <JobSelect jobs={profile.targetJobs} value={choices.rome} onChange={(rome) => change({ rome }, 'Changer de métier proposé')} />
      <ModeChoice
        value={choices.mode}
        onChange={(mode: PromotionMode) => change({ mode }, mode === 'anonymous' ? 'Passer en mode anonyme' : 'Passer en mode nominatif')}
      />
      {pending && (
        <ConfirmReplace
          question={pending.question}
          onReplace={() => {
            update({ ...pending.patch, editedTemplate: undefined });
            setPending(undefined);
          }}
          onKeep={() => {
            update(pending.patch);
            setPending(undefined);
          }}
        />
      )}
      <PitchEditor
        template={template}
        edited={choices.editedTemplate !== undefined}
        messages={messages}
        anonymityProblem={anonymityProblem}
        onEdit={(editedTemplate) => update({ editedTemplate })}
        onRestore={() => update({ editedTemplate: undefined })}
      />
      <DuplicateWarning duplicates={duplicates} acknowledged={acknowledged} onAcknowledge={setAcknowledged} id="ack-duplicates" />
      <ul class="fr-btns-group fr-btns-group--inline-sm">
        <li>
          <button class="fr-btn" type="button" disabled={blocked} onClick={() => props.onSubmit('email', acknowledged)}>
            Préparer l'e-mail
          </button>
        </li>
        <li>
          <button class="fr-btn fr-btn--secondary" type="button" disabled={blocked} onClick={() => props.onSubmit('phone', acknowledged)}>
            Appel passé
          </button>
        </li>
        <li>
          <button class="fr-btn fr-btn--secondary" type="button" disabled={blocked} onClick={() => props.onSubmit('in_person', acknowledged)}>
            Visite faite
          </button>
        </li>
        <li>
          <button class="fr-btn fr-btn--tertiary-no-outline" type="button" onClick={props.onClose}>
            Fermer le formulaire
          </button>
        </li>
      </ul>
    </section>
  );
}
