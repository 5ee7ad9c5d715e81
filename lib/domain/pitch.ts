/**
 * The short e-mail that proposes a profile to an employer. Pure: the side panel shows it for
 * editing, the background fills it for each establishment, the webmail's compose form receives it.
 * The signature is left to the webmail.
 *
 * The message is a template: the parts that belong to one establishment (the greeting of its contact,
 * its name) are placeholders, `[Salutation]` and `[Établissement]`, filled in for each e-mail. The
 * counsellor edits the template once; every establishment still gets its own greeting and name.
 *
 * Anonymous mode carries nothing that identifies the job seeker: the rule is `./anonymity`'s, the same
 * the background and the server apply before anything leaves. Any fragment (a skill, a label, a name
 * given in the options) that happens to contain identifying data is left out rather than sent.
 */
import { findReferences } from './reply-references';
import { anonymityProblem, findIdentifyingData, type PersonIdentifiers } from './anonymity';
import type { ContractType } from './formats';
import type { EstablishmentContact, JobSeekerProfile } from './legacy';

export interface PitchTemplateOptions {
  mode: 'named' | 'anonymous';
  /** The job proposed; the profile's main job when omitted. */
  rome?: string;
  /** Label of `rome` when it is not one of the profile's target jobs. */
  romeLabel?: string;
}

/** Who one e-mail goes to: fills the template's placeholders. */
export interface PitchRecipient {
  establishmentName?: string;
  /** How to greet the employer's contact, e.g. `Madame ROUSSEL` (see `contactSalutation`). */
  contactName?: string;
}

export interface PitchOptions extends PitchTemplateOptions, PitchRecipient {
  /** `PRF-XXXXXX`: matched on the webmail's sent confirmation. */
  reference: string;
}

export interface Pitch {
  subject: string;
  body: string;
}

/** The placeholders of a template, as the counsellor sees and types them. */
export const PITCH_PLACEHOLDERS = { salutation: '[Salutation]', establishment: '[Établissement]' } as const;
// Typed by hand, they may lose their accent or capital: `[etablissement]` is the same placeholder.
const SALUTATION_PATTERN = /\[\s*salutation\s*\]/giu;
const ESTABLISHMENT_PATTERN = /\[\s*[ée]tablissement\s*\]/giu;

/** Whether `text` still has the per-establishment placeholders (an edit may have removed them). */
export function placeholdersIn(text: string): { salutation: boolean; establishment: boolean } {
  return { salutation: new RegExp(SALUTATION_PATTERN.source, 'iu').test(text), establishment: new RegExp(ESTABLISHMENT_PATTERN.source, 'iu').test(text) };
}

const MAX_SKILLS = 4;
const MAX_SOFT_SKILLS = 3;

const CONTRACT_WORDS: Record<ContractType, string> = {
  CDI: 'CDI',
  CDD: 'CDD',
  MIS: 'intérim',
  SAI: 'saisonnier',
  ALT: 'alternance',
  LIB: 'exercice libéral',
};

/** `Madame ROUSSEL`, `Monsieur GARNIER`, or the first and last name when the civility is unknown. */
export function contactSalutation(contact: Pick<EstablishmentContact, 'civility' | 'firstName' | 'lastName'>): string {
  if (contact.civility === 'Mme') return `Madame ${contact.lastName}`;
  if (contact.civility === 'M.') return `Monsieur ${contact.lastName}`;
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
}

/** The promotion reference written in a subject, e.g. from the webmail's sent confirmation. */
export function referenceInSubject(subject: string): string | undefined {
  return findReferences(subject)[0];
}

// ── Wording ───────────────────────────────────────────────────────────────────

/** `a, b, c et d` */
function listFr(items: readonly string[], last = 'et'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** Inline form of a label: first letter lowered unless the word is an acronym (`CACES`, `SST`). */
function inline(s: string): string {
  const t = s.trim().replace(/[.;]+$/, '');
  return /^\p{Lu}\p{Ll}/u.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t;
}

function isoToFrench(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

function years(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  const text = String(rounded).replace('.', ',');
  return `${text} ${rounded >= 2 ? 'ans' : 'an'}`;
}

interface Voice {
  /** Who the intro presents: `Madame Marie DUPONT`, `une candidate`, `un profil`. */
  introduced: string;
  /** Sentence subject afterwards: `Elle`, `Marie`, `Cette candidate`, `Ce profil`. */
  subject: string;
}

function voiceOf(profile: JobSeekerProfile, mode: PitchOptions['mode']): Voice {
  const { civility, firstName, lastName } = profile;
  if (mode === 'named') {
    const title = civility === 'Mme' ? 'Madame ' : civility === 'M.' ? 'Monsieur ' : '';
    const subject = civility === 'Mme' ? 'Elle' : civility === 'M.' ? 'Il' : firstName;
    return { introduced: `${title}${firstName} ${lastName}`, subject };
  }
  if (civility === 'Mme') return { introduced: 'une candidate', subject: 'Cette candidate' };
  if (civility === 'M.') return { introduced: 'un candidat', subject: 'Ce candidat' };
  return { introduced: 'un profil', subject: 'Ce profil' };
}

/** In anonymous mode, the fragments that would identify the job seeker are dropped. */
function guardFor(profile: JobSeekerProfile, mode: PitchTemplateOptions['mode']) {
  return (s: string | undefined): string | undefined => {
    const t = s?.trim();
    if (!t) return undefined;
    return mode === 'anonymous' && findIdentifyingData(t, profile).length > 0 ? undefined : t;
  };
}

function jobLabelOf(profile: JobSeekerProfile, options: PitchTemplateOptions): string | undefined {
  const main = profile.targetJobs.find((j) => j.main) ?? profile.targetJobs[0];
  const chosen = options.rome ? profile.targetJobs.find((j) => j.rome === options.rome) : main;
  return guardFor(profile, options.mode)(options.romeLabel ?? chosen?.label ?? (options.rome ? undefined : main?.label));
}

/** The subject of the e-mail: the job and the reference, nothing about the person. */
export function pitchSubject(profile: JobSeekerProfile, options: PitchTemplateOptions & { reference: string }): string {
  return ['Proposition de candidature', jobLabelOf(profile, options), `réf. ${options.reference}`].filter(Boolean).join(' – ');
}

/** The body of the e-mail proposing `profile`, its per-establishment parts left as placeholders. */
export function pitchTemplate(profile: JobSeekerProfile, options: PitchTemplateOptions): string {
  return [
    PITCH_PLACEHOLDERS.salutation,
    '',
    ...pitchPresentation(profile, options),
    '',
    'Je reste à votre disposition pour organiser un échange ou un entretien.',
    'Bien cordialement,',
  ].join('\n');
}

/**
 * The lines that present the person (who, job, experience, skills, conditions, mobility, CV), without greeting
 * or closing: the whole of a single e-mail's middle, and one paragraph of a shortlist (./shortlist.ts).
 */
export function pitchPresentation(profile: JobSeekerProfile, options: PitchTemplateOptions): string[] {
  const anonymous = options.mode === 'anonymous';
  const safe = guardFor(profile, options.mode);
  const safeList = (items: readonly string[], max: number) =>
    items.map((s) => safe(s)).filter((s): s is string => !!s).slice(0, max);

  const jobLabel = jobLabelOf(profile, options);
  const voice = voiceOf(profile, options.mode);
  const lines: string[] = [];

  const forJob = jobLabel ? ` pour un poste dans le domaine « ${jobLabel} »` : ' pour un poste';
  const within = ` au sein de ${PITCH_PLACEHOLDERS.establishment}`;
  lines.push(
    anonymous
      ? `Je me permets de vous présenter ${voice.introduced}${forJob}${within}.`
      : `Je me permets de vous proposer la candidature de ${voice.introduced}${forJob}${within}.`,
  );

  const qualification = safe(profile.qualification?.label);
  const experience =
    profile.experienceYears === undefined
      ? undefined
      : profile.experienceYears === 0
        ? 'débute dans le métier'
        : `justifie de ${years(profile.experienceYears)} d'expérience professionnelle`;
  if (experience && qualification) {
    lines.push(`${voice.subject} ${experience}, avec un niveau de qualification « ${qualification} ».`);
  } else if (experience) {
    lines.push(`${voice.subject} ${experience}.`);
  } else if (qualification) {
    lines.push(`Niveau de qualification : ${qualification}.`);
  }

  const skills = safeList(profile.skills, MAX_SKILLS);
  if (skills.length) lines.push(`Compétences principales : ${skills.map(inline).join(' ; ')}.`);
  const softSkills = safeList(profile.softSkills, MAX_SOFT_SKILLS);
  if (softSkills.length) lines.push(`Qualités professionnelles : ${listFr(softSkills.map(inline))}.`);

  const conditions: string[] = [];
  if (profile.availability?.immediate) conditions.push('disponible immédiatement');
  else if (profile.availability?.from) conditions.push(`disponible à partir du ${isoToFrench(profile.availability.from)}`);
  const contracts = [...new Set(profile.contractTypes.map((c) => CONTRACT_WORDS[c]))];
  if (contracts.length) conditions.push(`contrat recherché : ${listFr(contracts, 'ou')}`);
  if (conditions.length) lines.push(`${capitalize(conditions.join(' ; '))}.`);

  const mobility: string[] = [];
  if (profile.mobility?.radiusKm !== undefined) mobility.push(`mobile dans un rayon de ${profile.mobility.radiusKm} km`);
  if (profile.mobility?.vehicle) mobility.push('véhicule personnel');
  const licences = profile.drivingLicences.filter((l) => /^[A-Z][A-Z0-9]{0,2}$/.test(l));
  if (licences.length) mobility.push(`permis ${listFr(licences)}`);
  if (mobility.length) lines.push(`${capitalize(mobility.join(', '))}.`);

  if (anonymous) {
    lines.push('Son identité et son CV peuvent vous être communiqués sur demande.');
  } else if (profile.cv) {
    lines.push('Vous trouverez son CV en pièce jointe.');
  } else {
    lines.push('Son CV peut vous être transmis sur demande.');
  }
  return lines;
}

/**
 * The template filled for one establishment. In anonymous mode, a contact or establishment name that
 * would identify the job seeker (a namesake) gives way to the neutral wording.
 */
export function fillPitch(
  template: string,
  recipient: PitchRecipient,
  guard?: { profile: JobSeekerProfile; mode: PitchTemplateOptions['mode'] },
): string {
  const safe = guard ? guardFor(guard.profile, guard.mode) : (s: string | undefined) => s?.trim() || undefined;
  const contact = safe(recipient.contactName);
  const establishment = safe(recipient.establishmentName);
  // Replaced by functions: a `$` in a name is text, not a replacement pattern.
  return template
    .replace(SALUTATION_PATTERN, () => (contact ? `Bonjour ${contact},` : 'Madame, Monsieur,'))
    .replace(ESTABLISHMENT_PATTERN, () => establishment ?? 'votre entreprise');
}

/** Subject and body of the e-mail proposing `profile` to one establishment, in the given mode. */
export function generatePitch(profile: JobSeekerProfile, options: PitchOptions): Pitch {
  return {
    subject: pitchSubject(profile, options),
    body: fillPitch(pitchTemplate(profile, options), options, { profile, mode: options.mode }),
  };
}

/**
 * What the counsellor must remove from an anonymous text before it may leave, in French; `undefined`
 * when nothing in it identifies the job seeker. The same rule as the server's.
 */
export function anonymousTextProblem(person: PersonIdentifiers, text: string): string | undefined {
  return anonymityProblem(findIdentifyingData(text, person));
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
