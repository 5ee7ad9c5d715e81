/**
 * A shortlist: up to five profiles of the agency pool proposed to one establishment for one of its needs, in one
 * e-mail — a paragraph each (written by ./pitch.ts), each with the reference of its own promotion so the employer
 * can answer about one of them. Pure: the background previews and prepares it, the tests read it.
 *
 * Named profiles carry their name and CV (their file must be open: the pool keeps neither). Anonymous ones carry
 * nothing that identifies the person: ./anonymity.ts is checked on their paragraph and on the e-mail's common
 * parts, never on a colleague's paragraph (another person's name is not theirs).
 */
import { findIdentifyingData, type PersonIdentifiers } from './anonymity';
import type { JobSeekerProfile } from './legacy';
import { anonymousTextProblem, contactSalutation, fillPitch, pitchPresentation } from './pitch';
import type { EstablishmentContact } from './legacy';
import { plural } from './plural';
import type { PoolEntry } from './pool';
import type { PromotionMode } from './promotion';

/** At most this many profiles in one e-mail: an employer reads five paragraphs, not twenty. */
export const SHORTLIST_MAX = 5;
export const SHORTLIST_MAX_MESSAGE = `Une sélection compte au plus ${SHORTLIST_MAX} profils : décochez-en un avant d'en cocher un autre.`;

export type ShortlistPoolEntry = Pick<PoolEntry, 'ftId' | 'firstName' | 'mainRome' | 'romeLabel' | 'postcode' | 'city' | 'pitch' | 'availability'>;

export interface ShortlistCandidate {
  entry: ShortlistPoolEntry;
  mode: PromotionMode;
  /** The job-seeker file as the background read it, when it is open: a named profile needs it (name, CV). */
  profile?: JobSeekerProfile;
}

export interface ShortlistInput {
  candidates: readonly ShortlistCandidate[];
  need: { label: string; rome?: string };
  establishmentName: string;
  contact?: Pick<EstablishmentContact, 'civility' | 'firstName' | 'lastName'>;
  /** One per candidate, in the same order: `PRF-XXXXXX`. */
  references: readonly string[];
}

export type ShortlistMail =
  | { ok: true; subject: string; body: string; paragraphs: string[]; romes: string[] }
  | { ok: false; message: string };

/** Who a candidate is, to name them to the counsellor: the first name the pool keeps, else the id. */
export const candidateName = (entry: Pick<ShortlistPoolEntry, 'firstName' | 'ftId'>) => entry.firstName.trim() || entry.ftId;

/** What the file allows: named only when it is open and grants consent (the pool keeps no name nor CV). */
export function allowedModes(profile: JobSeekerProfile | undefined): PromotionMode[] {
  return profile?.promotionConsent.granted ? ['named', 'anonymous'] : ['anonymous'];
}

/** The little the pool knows, as a file: enough for ./pitch.ts to write an anonymous paragraph. */
export function profileFromPoolEntry(entry: ShortlistPoolEntry): JobSeekerProfile {
  return {
    ftId: entry.ftId,
    firstName: entry.firstName,
    lastName: '',
    phones: [],
    address: { postcode: entry.postcode, city: entry.city },
    promotionConsent: { granted: true },
    targetJobs: [{ rome: entry.mainRome, label: entry.romeLabel, main: true }],
    skills: [],
    softSkills: [],
    drivingLicences: [],
    contractTypes: [],
    ...(entry.availability ? { availability: entry.availability } : {}),
  };
}

/** The job a profile is proposed for: the need's when it is one of theirs, else the main job it matched on. */
export function proposedRome(candidate: ShortlistCandidate, needRome: string | undefined): string {
  const jobs = candidate.profile?.targetJobs.map((j) => j.rome) ?? [candidate.entry.mainRome];
  return needRome && jobs.includes(needRome) ? needRome : candidate.entry.mainRome;
}

/** What identifies this person: the file's values when open, else the pool's first name and id. */
const identifiersOf = (c: ShortlistCandidate): PersonIdentifiers => c.profile ?? { firstName: c.entry.firstName, ftId: c.entry.ftId };

/** The subject: one reference per profile, the first after « réf. » as in a single promotion's subject. */
export function shortlistSubject(references: readonly string[]): string {
  return `Proposition de candidatures – réf. ${references.join(', ')}`;
}

/** The paragraph presenting one candidate to this establishment (its heading apart). */
export function shortlistParagraph(candidate: ShortlistCandidate, establishmentName: string, needRome?: string): string {
  const { entry, mode } = candidate;
  const profile = candidate.profile ?? profileFromPoolEntry(entry);
  const rome = proposedRome(candidate, needRome);
  const lines = pitchPresentation(profile, { mode, rome });
  // Without the file, the colleague's presentation in the pool says what the file would; dropped if it identifies.
  const poolText = entry.pitch.trim();
  if (!candidate.profile && poolText && (mode === 'named' || findIdentifyingData(poolText, identifiersOf(candidate)).length === 0)) {
    lines.splice(1, 0, poolText);
  }
  return fillPitch(lines.join('\n'), { establishmentName }, { profile, mode });
}

/** Subject and body of the e-mail, or why it cannot be written, in French. */
export function composeShortlist(input: ShortlistInput): ShortlistMail {
  const { candidates, references } = input;
  if (candidates.length === 0) return { ok: false, message: 'Cochez au moins un profil du vivier.' };
  if (candidates.length > SHORTLIST_MAX) return { ok: false, message: SHORTLIST_MAX_MESSAGE };
  if (references.length !== candidates.length) throw new Error('One reference per candidate.');
  const unnamed = candidates.find((c) => c.mode === 'named' && !c.profile?.promotionConsent.granted);
  if (unnamed) {
    return { ok: false, message: `Ouvrez le dossier de ${candidateName(unnamed.entry)} pour le proposer nominativement, ou choisissez « Anonyme ».` };
  }
  const anonymous = candidates.filter((c) => c.mode === 'anonymous');
  // A contact or need label that names an anonymous candidate (a namesake) gives way to the neutral wording.
  const safe = (text: string | undefined) =>
    text && anonymous.every((c) => findIdentifyingData(text, identifiersOf(c)).length === 0) ? text : undefined;
  const contactName = safe(input.contact && contactSalutation(input.contact));
  const needLabel = safe(input.need.label.trim());

  const paragraphs = candidates.map((c) => shortlistParagraph(c, input.establishmentName, input.need.rome));
  const subject = shortlistSubject(references);
  const opening = [
    contactName ? `Bonjour ${contactName},` : 'Madame, Monsieur,',
    '',
    `${needLabel ? `Pour votre besoin « ${needLabel} », je` : 'Je'} me permets de vous proposer ${plural(candidates.length, 'candidature', 'candidatures')} : ` +
      `${candidates.length > 1 ? 'chacune porte sa référence' : 'elle porte sa référence'}, à rappeler dans votre réponse.`,
  ];
  const closing = [
    `Je reste à votre disposition pour organiser ${candidates.length > 1 ? 'des échanges ou des entretiens' : 'un échange ou un entretien'}.`,
    'Bien cordialement,',
  ];
  const sections = paragraphs.map((p, i) => `Candidature ${i + 1} – réf. ${references[i]}\n${p}`);
  const body = [...opening, '', sections.join('\n\n'), '', ...closing].join('\n');

  for (const [i, c] of candidates.entries()) {
    if (c.mode !== 'anonymous') continue;
    const seen = [subject, ...opening, ...closing, paragraphs[i]!].join('\n');
    const problem = anonymousTextProblem(identifiersOf(c), seen);
    if (problem) return { ok: false, message: `${candidateName(c.entry)} (anonyme) : ${problem}` };
  }
  return { ok: true, subject, body, paragraphs, romes: candidates.map((c) => proposedRome(c, input.need.rome)) };
}
