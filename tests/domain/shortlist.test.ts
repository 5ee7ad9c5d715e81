import { describe, expect, it } from 'vitest';
import mariePage from '../fixtures/legacy/dossier-demandeur/dossier-1234567A.expected.json';
import sandrinePage from '../fixtures/legacy/dossier-demandeur/dossier-7654321B.expected.json';
import { findIdentifyingData } from '../../lib/domain/anonymity';
import { jobSeekerProfileSchema } from '../../lib/domain/legacy';
import { referenceInSubject } from '../../lib/domain/pitch';
import { findReferences } from '../../lib/domain/reply-references';
import {
  allowedModes,
  composeShortlist,
  SHORTLIST_MAX,
  type ShortlistCandidate,
  type ShortlistInput,
  type ShortlistPoolEntry,
} from '../../lib/domain/shortlist';

const marie = jobSeekerProfileSchema.parse(mariePage.data);
const sandrine = jobSeekerProfileSchema.parse(sandrinePage.data);

const entryOf = (ftId: string, firstName: string, mainRome: string, romeLabel: string, pitch: string, city = 'Lyon'): ShortlistPoolEntry => ({
  ftId,
  firstName,
  mainRome,
  romeLabel,
  postcode: '69003',
  city,
  pitch,
  availability: { immediate: true },
});

const marieEntry = entryOf('1234567A', 'Marie', 'M1607', 'Secrétariat', 'Secrétariat (M1607), 4 ans d’expérience.');
const sandrineEntry = entryOf('7654321B', 'Sandrine', 'K2204', 'Nettoyage de locaux', 'Nettoyage de locaux, autonome.', 'Villeurbanne');
/** Known to the pool only (a colleague's recommendation, file not open): first name and id, nothing else. */
const karimEntry = entryOf('7777777X', 'Karim', 'M1607', 'Secrétariat', 'Accueil et standard, tenue d’agenda. Karim parle anglais.');

const named = (entry: ShortlistPoolEntry, profile = marie): ShortlistCandidate => ({ entry, mode: 'named', profile });
const anonymous = (entry: ShortlistPoolEntry, profile?: typeof marie): ShortlistCandidate => ({ entry, mode: 'anonymous', ...(profile ? { profile } : {}) });

const base: Omit<ShortlistInput, 'candidates' | 'references'> = {
  need: { label: 'Assistant administratif', rome: 'M1607' },
  establishmentName: "AUDIT & CONSEIL PRESQU'ÎLE",
  contact: { civility: 'Mme', firstName: 'Hélène', lastName: 'MICHEL' },
};
const refs = ['PRF-AAAAA1', 'PRF-BBBBB2', 'PRF-CCCCC3'];

/** The paragraph headed by `reference`, up to the next heading or the closing. */
function paragraphOf(body: string, reference: string): string {
  const start = body.indexOf(`réf. ${reference}\n`);
  const rest = body.slice(start);
  const end = rest.search(/\n\n(Candidature \d|Je reste)/);
  return rest.slice(0, end);
}

describe('composeShortlist', () => {
  const mail = composeShortlist({
    ...base,
    candidates: [named(marieEntry), anonymous(sandrineEntry, sandrine), anonymous(karimEntry)],
    references: refs,
  });
  if (!mail.ok) throw new Error(mail.message);

  it('writes one reference per profile in the subject, each found by the reply parser', () => {
    expect(mail.subject).toBe('Proposition de candidatures – réf. PRF-AAAAA1, PRF-BBBBB2, PRF-CCCCC3');
    expect(findReferences(mail.subject)).toEqual(refs);
    // A reader of single promotions still finds « réf. PRF-… ».
    expect(referenceInSubject(mail.subject)).toBe('PRF-AAAAA1');
  });

  it('greets the contact, presents each profile under its reference and signs with the agent', () => {
    expect(mail.body.startsWith('Bonjour Madame MICHEL,\n')).toBe(true);
    expect(mail.body).toContain('« Assistant administratif »');
    expect(mail.body.match(/^Candidature \d – réf\. PRF-/gm)).toHaveLength(3);
    // The webmail adds the counsellor's signature block under the text, as for a single promotion.
    expect(mail.body.trimEnd().endsWith('Bien cordialement,')).toBe(true);
    expect(mail.paragraphs).toHaveLength(3);
  });

  it('names the named profile, with her CV announced', () => {
    const paragraph = paragraphOf(mail.body, 'PRF-AAAAA1');
    expect(paragraph).toContain('Madame Marie DUPONT');
    expect(paragraph).toContain('CV en pièce jointe');
    expect(paragraph).toContain("AUDIT & CONSEIL PRESQU'ÎLE");
  });

  it('keeps every personal value out of the anonymous paragraphs', () => {
    const sandrineParagraph = paragraphOf(mail.body, 'PRF-BBBBB2');
    expect(findIdentifyingData(sandrineParagraph, sandrine)).toEqual([]);
    for (const secret of ['LEFÈVRE', 'Sandrine', '06 71', '0671234598', 'Villeurbanne', '7654321B']) expect(sandrineParagraph).not.toContain(secret);
    expect(sandrineParagraph).toContain('Nettoyage de locaux');
    expect(sandrineParagraph).toContain('sur demande');

    const karimParagraph = paragraphOf(mail.body, 'PRF-CCCCC3');
    expect(findIdentifyingData(karimParagraph, { firstName: 'Karim', ftId: '7777777X' })).toEqual([]);
    // The colleague's presentation names him: it is left out rather than sent.
    expect(karimParagraph).not.toContain('Karim');
    expect(karimParagraph).not.toContain('anglais');
    expect(karimParagraph).toContain('Secrétariat');
  });

  it('keeps a pool presentation that identifies nobody', () => {
    const quiet = { ...karimEntry, pitch: 'Accueil et standard, tenue d’agenda.' };
    const result = composeShortlist({ ...base, candidates: [anonymous(quiet)], references: ['PRF-CCCCC3'] });
    expect(result.ok && result.body).toContain('Accueil et standard');
  });

  it('drops a contact name that is an anonymous profile’s namesake', () => {
    const result = composeShortlist({
      ...base,
      contact: { civility: 'Mme', lastName: 'LEFÈVRE' },
      candidates: [anonymous(sandrineEntry, sandrine)],
      references: ['PRF-BBBBB2'],
    });
    expect(result.ok && result.body.startsWith('Madame, Monsieur,\n')).toBe(true);
    expect(result.ok && result.body).not.toContain('LEFÈVRE');
  });

  it(`refuses more than ${SHORTLIST_MAX} profiles, and none`, () => {
    const six = Array.from({ length: SHORTLIST_MAX + 1 }, (_, i) => anonymous({ ...karimEntry, ftId: `777777${i}X` }));
    const tooMany = composeShortlist({ ...base, candidates: six, references: six.map((_, i) => `PRF-00000${i}`) });
    expect(tooMany).toEqual({ ok: false, message: expect.stringContaining('au plus 5 profils') });
    const five = six.slice(0, SHORTLIST_MAX);
    expect(composeShortlist({ ...base, candidates: five, references: five.map((_, i) => `PRF-00000${i}`) }).ok).toBe(true);
    expect(composeShortlist({ ...base, candidates: [], references: [] })).toEqual({ ok: false, message: 'Cochez au moins un profil du vivier.' });
  });

  it('refuses a named profile whose file is not open, naming it', () => {
    const result = composeShortlist({ ...base, candidates: [{ entry: karimEntry, mode: 'named' }], references: ['PRF-CCCCC3'] });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('Ouvrez le dossier de Karim') });
  });

  it('offers named only when the file is open and grants consent', () => {
    expect(allowedModes(marie)).toEqual(['named', 'anonymous']);
    expect(allowedModes(undefined)).toEqual(['anonymous']);
    expect(allowedModes({ ...marie, promotionConsent: { granted: false } })).toEqual(['anonymous']);
  });

  it('proposes each profile for the need’s job when it is one of theirs, else for their main job', () => {
    const other = composeShortlist({ ...base, candidates: [named(marieEntry), anonymous(sandrineEntry, sandrine)], references: refs.slice(0, 2) });
    expect(other.ok && other.romes).toEqual(['M1607', 'K2204']);
  });
});
