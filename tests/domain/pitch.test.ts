import { describe, expect, it } from 'vitest';
import profilePage from '../fixtures/legacy/dossier-demandeur/dossier-1234567A.expected.json';
import partialProfilePage from '../fixtures/legacy/dossier-demandeur/dossier-7654321B.expected.json';
import { jobSeekerProfileSchema, type JobSeekerProfile } from '../../lib/domain/legacy';
import {
  anonymousTextProblem,
  contactSalutation,
  fillPitch,
  generatePitch,
  pitchTemplate,
  placeholdersIn,
  referenceInSubject,
} from '../../lib/domain/pitch';

const profile = jobSeekerProfileSchema.parse(profilePage.data);
const partial = jobSeekerProfileSchema.parse(partialProfilePage.data);
const reference = 'PRF-8K2M4Q';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const lines = (body: string) => body.split('\n').filter((l) => l.trim());

describe('generatePitch, named', () => {
  const pitch = generatePitch(profile, {
    mode: 'named',
    reference,
    establishmentName: 'LOGICIELS DU RHÔNE',
    contactName: 'Madame ROUSSEL',
  });

  it('puts the job and the reference in the subject', () => {
    expect(pitch.subject).toBe('Proposition de candidature – Secrétariat – réf. PRF-8K2M4Q');
    expect(referenceInSubject(pitch.subject)).toBe(reference);
  });

  it('greets the contact and presents the job seeker by name with the main job', () => {
    expect(pitch.body.startsWith('Bonjour Madame ROUSSEL,\n')).toBe(true);
    expect(pitch.body).toContain('Madame Marie DUPONT');
    expect(pitch.body).toContain('« Secrétariat »');
    expect(pitch.body).toContain('LOGICIELS DU RHÔNE');
    expect(pitch.body).toMatch(/CV en pièce jointe/);
  });

  it('sums up skills, qualities, experience, availability, mobility and contracts', () => {
    const body = pitch.body;
    expect(body).toContain('rédiger des courriers administratifs');
    expect(body).toContain('gérer un agenda');
    expect(body).toContain('accueillir et orienter les visiteurs');
    // Four key skills at most: the fifth is left out.
    expect(body).not.toContain('Classer et archiver');
    expect(body).not.toContain('classer et archiver');
    expect(body).toContain('rigueur');
    expect(body).toContain("4 ans d'expérience");
    expect(body).toContain('« Employé qualifié »');
    expect(body).toContain('Disponible immédiatement');
    expect(body).toContain('CDI ou CDD');
    expect(body).toContain('30 km');
    expect(body).toContain('permis B');
  });

  it('stays a short e-mail and leaves the signature to the webmail', () => {
    expect(lines(pitch.body).length).toBeGreaterThanOrEqual(8);
    expect(pitch.body.split('\n').length).toBeLessThanOrEqual(14);
    expect(pitch.body.length).toBeLessThan(1200);
    expect(pitch.body.trimEnd().endsWith('Bien cordialement,')).toBe(true);
    expect(pitch.body).not.toContain('Jeanne MARTIN');
  });

  it('greets « Madame, Monsieur » without a contact, and proposes the chosen job', () => {
    const other = generatePitch(profile, { mode: 'named', reference, rome: 'M1602' });
    expect(other.body.startsWith('Madame, Monsieur,\n')).toBe(true);
    expect(other.subject).toBe('Proposition de candidature – Opérations administratives – réf. PRF-8K2M4Q');
    expect(other.body).toContain('« Opérations administratives »');
    expect(other.body).not.toContain('Secrétariat');
  });

  it('uses the label given for a job outside the profile’s targets', () => {
    const other = generatePitch(profile, { mode: 'named', reference, rome: 'M1606', romeLabel: 'Saisie de données' });
    expect(other.subject).toContain('Saisie de données');
  });

  it('offers the CV on request when the file has none', () => {
    const { cv: _cv, ...withoutCv } = profile;
    const body = generatePitch(withoutCv, { mode: 'named', reference }).body;
    expect(body).not.toMatch(/pièce jointe/);
    expect(body).toMatch(/CV peut vous être transmis sur demande/);
  });

  it('names a man « Monsieur » and a person of unknown civility by first and last name', () => {
    const man = generatePitch({ ...profile, civility: 'M.', firstName: 'Karim', lastName: 'BENALI' }, { mode: 'named', reference });
    expect(man.body).toContain('Monsieur Karim BENALI');
    expect(man.body).toMatch(/\nIl justifie/);
    const { civility: _c, ...unknown } = profile;
    const neutral = generatePitch(unknown, { mode: 'named', reference }).body;
    expect(neutral).toContain('candidature de Marie DUPONT');
    expect(neutral).not.toMatch(/Madame Marie|\bElle\b/);
  });
});

describe('generatePitch, anonymous', () => {
  const pitch = generatePitch(profile, {
    mode: 'anonymous',
    reference,
    establishmentName: 'LOGICIELS DU RHÔNE',
    contactName: 'Madame ROUSSEL',
  });
  const text = fold(`${pitch.subject}\n${pitch.body}`);

  it('contains nothing that identifies the job seeker', () => {
    expect(text).not.toContain('marie');
    expect(text).not.toContain('dupont');
    expect(text).not.toContain('marie.dupont@example.fr');
    expect(text).not.toContain('@');
    expect(text.replace(/\D/g, '')).not.toContain('612345678');
    expect(text).not.toContain('69003');
    expect(text).not.toContain('lyon');
    expect(text).not.toContain('cv_marie_dupont');
    expect(text).not.toContain('.pdf');
  });

  it('still presents the job, the skills and the reference', () => {
    expect(pitch.subject).toBe('Proposition de candidature – Secrétariat – réf. PRF-8K2M4Q');
    expect(pitch.body).toContain('une candidate');
    expect(pitch.body).toContain('gérer un agenda');
    expect(pitch.body).toContain("4 ans d'expérience");
    expect(pitch.body).toMatch(/CV peuvent vous être communiqués sur demande/);
    expect(pitch.body).not.toMatch(/pièce jointe/);
  });

  it('says « un candidat » for a man and « ce profil » when the civility is unknown', () => {
    expect(generatePitch({ ...profile, civility: 'M.' }, { mode: 'anonymous', reference }).body).toMatch(/un candidat\b/);
    const { civility: _c, ...unknown } = profile;
    const body = generatePitch(unknown, { mode: 'anonymous', reference }).body;
    expect(body).toContain('Ce profil justifie');
    expect(body).not.toMatch(/candidate?\b/);
  });

  it('leaves out any fragment that would give the job seeker away', () => {
    const leaky: JobSeekerProfile = {
      ...profile,
      skills: ['Accueillir les clients comme Marie sait le faire', 'Gérer un agenda', 'Répondre au 06.12.34.56.78', 'Écrire à marie.dupont'],
      softSkills: ['Dupont-like rigueur', 'Dossier 1234567A à jour', 'Habite 8 rue Paul Bert'],
    };
    const body = fold(
      generatePitch(leaky, { mode: 'anonymous', reference, establishmentName: 'DUPONT ET FILS', contactName: 'Madame DUPONT' }).body,
    );
    expect(body).toContain('gerer un agenda');
    for (const leak of ['marie', 'dupont', '06.12', '1234567a', 'paul bert']) expect(body).not.toContain(leak);
    // A namesake establishment or contact gives way to the neutral wording.
    expect(body.startsWith('madame, monsieur,')).toBe(true);
    expect(body).toContain('au sein de votre entreprise');
    expect(anonymousTextProblem(leaky, body)).toBeUndefined();
  });
});

describe('pitch template, one e-mail per establishment', () => {
  const template = pitchTemplate(profile, { mode: 'named' });

  it('keeps the greeting and the establishment as placeholders', () => {
    expect(template.startsWith('[Salutation]\n')).toBe(true);
    expect(template).toContain('au sein de [Établissement].');
    expect(placeholdersIn(template)).toEqual({ salutation: true, establishment: true });
  });

  it('fills an edited template with each establishment’s own greeting and name', () => {
    const edited = template.replace('Bien cordialement,', 'Elle peut commencer dès lundi.\nBien cordialement,');
    const first = fillPitch(edited, { establishmentName: 'LOGICIELS DU RHÔNE', contactName: 'Madame ROUSSEL' });
    const second = fillPitch(edited, { establishmentName: 'BOULANGERIE DES PENTES', contactName: 'Monsieur BONNET' });
    expect(first.startsWith('Bonjour Madame ROUSSEL,\n')).toBe(true);
    expect(first).toContain('au sein de LOGICIELS DU RHÔNE.');
    expect(second.startsWith('Bonjour Monsieur BONNET,\n')).toBe(true);
    expect(second).toContain('au sein de BOULANGERIE DES PENTES.');
    expect(second).not.toMatch(/ROUSSEL|LOGICIELS/);
    for (const e of [first, second]) expect(e).toContain('Elle peut commencer dès lundi.');
  });

  it('reads placeholders typed without accent or capital, and greets « Madame, Monsieur » without a contact', () => {
    const filled = fillPitch('[salutation]\nChez [etablissement], …', { establishmentName: 'LA POSTE' });
    expect(filled).toBe('Madame, Monsieur,\nChez LA POSTE, …');
    expect(placeholdersIn('Bonjour,\nrien à remplacer')).toEqual({ salutation: false, establishment: false });
    expect(fillPitch('Chez [Établissement].', { establishmentName: "CAFÉ $& CIE $'" })).toBe("Chez CAFÉ $& CIE $'.");
  });
});

describe('anonymous text check', () => {
  it('says in French what to remove from a text that identifies the job seeker', () => {
    const problem = anonymousTextProblem(profile, 'Bonjour,\nMarie peut commencer ; joignable au 06 12 34 56 78.');
    expect(problem).toBe('Message anonyme : retirez le prénom et le numéro de téléphone du demandeur avant l\'envoi.');
    expect(anonymousTextProblem(profile, generatePitch(profile, { mode: 'anonymous', reference }).body)).toBeUndefined();
  });
});

describe('generatePitch, sparse profile', () => {
  it('gives a sensible text without skills, mobility or licence', () => {
    const sparse: JobSeekerProfile = {
      ...partial,
      skills: [],
      softSkills: [],
      drivingLicences: [],
      contractTypes: [],
    };
    const pitch = generatePitch(sparse, { mode: 'named', reference });
    expect(pitch.subject).toBe('Proposition de candidature – Nettoyage de locaux – réf. PRF-8K2M4Q');
    expect(pitch.body).toContain('Madame Sandrine LEFÈVRE');
    expect(pitch.body).toContain('disponible à partir du 05/01/2027'.replace(/^d/, 'D'));
    expect(pitch.body).not.toMatch(/Compétences|Qualités|Mobile|permis|undefined|null| : \./);
    expect(pitch.body).not.toMatch(/\n\n\n/);
    expect(lines(pitch.body).length).toBeGreaterThanOrEqual(5);
  });

  it('still reads when almost nothing is known', () => {
    const bare: JobSeekerProfile = {
      ftId: '12345678901',
      lastName: 'MARTIN',
      firstName: 'Lou',
      phones: [],
      promotionConsent: { granted: true },
      targetJobs: [],
      skills: [],
      softSkills: [],
      drivingLicences: [],
      contractTypes: [],
    };
    const pitch = generatePitch(bare, { mode: 'anonymous', reference });
    expect(pitch.subject).toBe('Proposition de candidature – réf. PRF-8K2M4Q');
    expect(pitch.body).toContain('vous présenter un profil pour un poste au sein de votre entreprise.');
    expect(pitch.body).not.toMatch(/undefined|null|«\s*»/);
    expect(fold(pitch.body)).not.toMatch(/\blou\b|martin/);
  });

  it('writes one year in the singular and a beginner as such', () => {
    expect(generatePitch({ ...profile, experienceYears: 1 }, { mode: 'named', reference }).body).toContain("1 an d'expérience");
    expect(generatePitch({ ...profile, experienceYears: 0 }, { mode: 'named', reference }).body).toContain('débute dans le métier');
  });
});

describe('helpers', () => {
  it('greets a contact by civility and last name', () => {
    expect(contactSalutation({ civility: 'Mme', firstName: 'Claire', lastName: 'ROUSSEL' })).toBe('Madame ROUSSEL');
    expect(contactSalutation({ civility: 'M.', firstName: 'Olivier', lastName: 'GARNIER' })).toBe('Monsieur GARNIER');
    expect(contactSalutation({ firstName: 'Alex', lastName: 'PETIT' })).toBe('Alex PETIT');
  });

  it('finds the reference in a webmail subject', () => {
    expect(referenceInSubject('RE: Proposition – réf. prf-8k2m4q')).toBe('PRF-8K2M4Q');
    expect(referenceInSubject('Proposition de profil – Secrétariat (Mme Marie DUPONT)')).toBeUndefined();
    expect(referenceInSubject('XPRF-8K2M4Q7')).toBeUndefined();
  });
});
