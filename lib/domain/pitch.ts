/**
 * The short e-mail that proposes a profile to an employer. Pure: the side panel shows it for
 * editing, the webmail's compose form receives it. The signature is left to the webmail.
 *
 * Anonymous mode carries nothing that identifies the job seeker: no name, e-mail, phone,
 * postcode, city or CV file name. Any fragment (a skill, a label, a name given in the options)
 * that happens to contain one of them is left out rather than sent.
 */
import type { ContractType } from './formats';
import type { EstablishmentContact, JobSeekerProfile } from './legacy';

export interface PitchOptions {
  mode: 'named' | 'anonymous';
  /** The job proposed; the profile's main job when omitted. */
  rome?: string;
  /** Label of `rome` when it is not one of the profile's target jobs. */
  romeLabel?: string;
  establishmentName?: string;
  /** How to greet the employer's contact, e.g. `Madame ROUSSEL` (see `contactSalutation`). */
  contactName?: string;
  /** `PRF-XXXXXX`: matched on the webmail's sent confirmation. */
  reference: string;
}

export interface Pitch {
  subject: string;
  body: string;
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
  return /(?:^|[^0-9A-Z])(PRF-[0-9A-Z]{6})(?![0-9A-Z])/i.exec(subject)?.[1]?.toUpperCase();
}

// ── Anonymity ─────────────────────────────────────────────────────────────────

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches, as whole words (accents, case and separators ignored), what identifies the job seeker. */
function identifyingPattern(profile: JobSeekerProfile): RegExp | undefined {
  const phrases = [
    profile.firstName,
    profile.lastName,
    profile.email,
    profile.email?.split('@')[0],
    profile.address?.postcode,
    profile.address?.city,
    profile.cv?.fileName,
    profile.cv?.fileName.replace(/\.[a-z0-9]{2,5}$/i, ''),
  ];
  const alternatives = phrases
    .filter((p): p is string => !!p && p.trim().length > 1)
    .map((p) => fold(p).split(/[^a-z0-9]+/).filter(Boolean).map(escapeRegExp).join('[^a-z0-9]+'))
    .filter(Boolean);
  for (const phone of profile.phones) {
    // Any grouping of the digits: 0612345678, 06 12 34 56 78, 06.12…
    const sep = '[^a-z0-9+]*';
    const digits = phone.replace(/\D/g, '').replace(/^0/, '').split('').join(sep);
    if (digits) alternatives.push(`(?:0|\\+33|0033)${sep}${digits}`);
  }
  if (!alternatives.length) return undefined;
  return new RegExp(`(?:^|[^a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`);
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

/** Subject and body of the e-mail proposing `profile`, in the given mode. */
export function generatePitch(profile: JobSeekerProfile, options: PitchOptions): Pitch {
  const anonymous = options.mode === 'anonymous';
  const identifying = anonymous ? identifyingPattern(profile) : undefined;
  /** In anonymous mode, a fragment that would identify the job seeker is dropped. */
  const safe = (s: string | undefined): string | undefined => {
    const t = s?.trim();
    if (!t) return undefined;
    return identifying && identifying.test(fold(t)) ? undefined : t;
  };
  const safeList = (items: readonly string[], max: number) =>
    items.map((s) => safe(s)).filter((s): s is string => !!s).slice(0, max);

  const main = profile.targetJobs.find((j) => j.main) ?? profile.targetJobs[0];
  const chosen = options.rome ? profile.targetJobs.find((j) => j.rome === options.rome) : main;
  const jobLabel = safe(options.romeLabel ?? chosen?.label ?? (options.rome ? undefined : main?.label));
  const establishment = safe(options.establishmentName);
  const contact = safe(options.contactName);
  const voice = voiceOf(profile, options.mode);
  const lines: string[] = [];

  lines.push(contact ? `Bonjour ${contact},` : 'Madame, Monsieur,', '');

  const forJob = jobLabel ? ` pour un poste dans le domaine « ${jobLabel} »` : ' pour un poste';
  const within = establishment ? ` au sein de ${establishment}` : ' dans votre entreprise';
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

  lines.push(
    '',
    'Je reste à votre disposition pour organiser un échange ou un entretien.',
    'Bien cordialement,',
  );

  const subject = ['Proposition de candidature', jobLabel, `réf. ${options.reference}`].filter(Boolean).join(' – ');
  return { subject, body: lines.join('\n') };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
