import { describe, expect, it } from 'vitest';
import {
  FT_ID_PATTERN,
  isValidEmail,
  isValidPhone,
  isValidSiren,
  isValidSiret,
  NAF_PATTERN,
  POSTCODE_PATTERN,
  ROME_PATTERN,
} from '../../lib/domain/formats';
import { ESTABLISHMENTS } from '../../demo/seed/establishments';
import { expectedEstablishment, expectedPortfolioEntry, expectedProfile } from '../../demo/seed/expected';
import { JOB_SEEKERS } from '../../demo/seed/job-seekers';
import { NAF_LABELS, ROME_LABELS } from '../../demo/seed/rome';
import { buildSiret, luhnValid } from '../../demo/seed/siret';
import { fixture } from './support';

const expectedOf = (relative: string) => JSON.parse(fixture(relative)) as { data: unknown };

/** Communes of the Lyon area and their postcodes, as the seed may use them. */
const LYON_AREA: Record<string, string[]> = {
  Lyon: ['69001', '69002', '69003', '69004', '69005', '69006', '69007', '69008', '69009'],
  Villeurbanne: ['69100'], 'Vénissieux': ['69200'], 'Saint-Priest': ['69800'], 'Vaulx-en-Velin': ['69120'],
  Bron: ['69500'], 'Caluire-et-Cuire': ['69300'], Oullins: ['69600'], 'Saint-Fons': ['69190'],
  'Villefranche-sur-Saône': ['69400'], 'Décines-Charpieu': ['69150'], Meyzieu: ['69330'], 'Rillieux-la-Pape': ['69140'],
  'Écully': ['69130'], 'Tassin-la-Demi-Lune': ['69160'], 'Sainte-Foy-lès-Lyon': ['69110'], Corbas: ['69960'],
  'Saint-Genis-Laval': ['69230'], Genas: ['69740'], Feyzin: ['69320'], 'Neuville-sur-Saône': ['69250'],
  "Champagne-au-Mont-d'Or": ['69410'],
};

describe('demo seed: job seekers', () => {
  it('holds at least 30 people with unique, well-formed identifiers, some of 11 digits', () => {
    expect(JOB_SEEKERS.length).toBeGreaterThanOrEqual(30);
    const ids = JOB_SEEKERS.map((s) => s.ftId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, id).toMatch(FT_ID_PATTERN);
    expect(ids.filter((id) => /^\d{11}$/.test(id)).length).toBeGreaterThanOrEqual(2);
  });

  it('mixes consents, and has files without CV or e-mail', () => {
    const granted = JOB_SEEKERS.filter((s) => s.promotionConsent.granted).length;
    expect(granted).toBeGreaterThanOrEqual(10);
    expect(JOB_SEEKERS.length - granted).toBeGreaterThanOrEqual(5);
    expect(JOB_SEEKERS.filter((s) => !s.cv).length).toBeGreaterThanOrEqual(3);
    expect(JOB_SEEKERS.filter((s) => !s.email).length).toBeGreaterThanOrEqual(3);
  });

  it('varies jobs, availabilities, mobility, licences and contract types', () => {
    const mainJobs = new Set(JOB_SEEKERS.map((s) => s.targetJobs.find((j) => j.main)?.rome).filter(Boolean));
    expect(mainJobs.size).toBeGreaterThanOrEqual(20);
    expect(JOB_SEEKERS.some((s) => !s.availability.immediate)).toBe(true);
    expect(JOB_SEEKERS.some((s) => !s.mobility)).toBe(true);
    expect(JOB_SEEKERS.some((s) => s.drivingLicences.length === 0)).toBe(true);
    expect(JOB_SEEKERS.some((s) => s.drivingLicences.includes('CE'))).toBe(true);
    expect(new Set(JOB_SEEKERS.flatMap((s) => s.contractTypes))).toEqual(new Set(['CDI', 'CDD', 'MIS', 'SAI', 'ALT', 'LIB']));
  });

  it('uses fictitious e-mails and phones, real ROME codes with their labels and Lyon-area communes', () => {
    for (const s of JOB_SEEKERS) {
      if (s.email) {
        expect(isValidEmail(s.email), s.email).toBe(true);
        expect(s.email).toMatch(/@example\.(fr|com)$/);
      }
      for (const p of s.phones) expect(isValidPhone(p.number), p.number).toBe(true);
      for (const j of s.targetJobs) {
        expect(j.rome).toMatch(ROME_PATTERN);
        expect(j.label).toBe(ROME_LABELS[j.rome]);
      }
      if (s.targetJobs.length) expect(s.targetJobs.filter((j) => j.main)).toHaveLength(1);
      expect(s.postcode).toMatch(POSTCODE_PATTERN);
      expect(LYON_AREA[s.city], s.city).toContain(s.postcode);
    }
  });

  it('carries the reference people with the values of their reference pages', () => {
    for (const id of ['1234567A', '12345678901', '7654321B']) {
      const seeker = JOB_SEEKERS.find((s) => s.ftId === id)!;
      expect(expectedProfile(seeker)).toEqual(expectedOf(`dossier-demandeur/dossier-${id}.expected.json`).data);
    }
    const portfolio = expectedOf('dossier-demandeur/portefeuille.expected.json').data as { ftId: string }[];
    for (const entry of portfolio) {
      const seeker = JOB_SEEKERS.find((s) => s.ftId === entry.ftId);
      expect(seeker, entry.ftId).toBeDefined();
      expect(expectedPortfolioEntry(seeker!)).toEqual(entry);
    }
  });
});

describe('demo seed: establishments', () => {
  it('holds at least 20 establishments with unique SIRETs, all valid (Luhn, or the La Poste rule)', () => {
    expect(ESTABLISHMENTS.length).toBeGreaterThanOrEqual(20);
    const sirets = ESTABLISHMENTS.map((e) => e.siret);
    expect(new Set(sirets).size).toBe(sirets.length);
    for (const e of ESTABLISHMENTS) {
      expect(isValidSiret(e.siret), `${e.name} ${e.siret}`).toBe(true);
      if (!e.siret.startsWith('356000000')) {
        expect(luhnValid(e.siret), e.siret).toBe(true);
        expect(isValidSiren(e.siret.slice(0, 9)), e.siret).toBe(true);
      }
    }
    expect(isValidSiret('12345678912345')).toBe(false);
    expect(ESTABLISHMENTS.some((e) => e.siret === '12345678912345')).toBe(false);
  });

  it('builds SIRETs whose SIREN and full number are Luhn-valid', () => {
    const siret = buildSiret('51284736', '0001');
    expect(siret).toBe('51284736900018');
    expect(isValidSiren(siret.slice(0, 9))).toBe(true);
    expect(luhnValid(siret)).toBe(true);
  });

  it('gives each one 1 to 3 contacts (some without e-mail) and 0 to 3 needs, with and without ROME', () => {
    for (const e of ESTABLISHMENTS) {
      expect(e.contacts.length, e.name).toBeGreaterThanOrEqual(1);
      expect(e.contacts.length, e.name).toBeLessThanOrEqual(3);
      expect(e.needs.length, e.name).toBeLessThanOrEqual(3);
      for (const c of e.contacts) {
        if (c.email) expect(c.email).toMatch(/^[a-z0-9.-]+@example\.(fr|com)$/);
        if (c.phone) expect(isValidPhone(c.phone), c.phone).toBe(true);
      }
      for (const n of e.needs) {
        if (n.rome) expect(n.label).toBe(ROME_LABELS[n.rome]);
        expect(n.notedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      expect(e.naf.code).toMatch(NAF_PATTERN);
      expect(e.naf.label).toBe(NAF_LABELS[e.naf.code]);
      expect(LYON_AREA[e.address.city], e.address.city).toContain(e.address.postcode);
    }
    const contacts = ESTABLISHMENTS.flatMap((e) => e.contacts);
    expect(contacts.some((c) => !c.email)).toBe(true);
    expect(ESTABLISHMENTS.filter((e) => e.contacts.some((c) => c.email)).length).toBeGreaterThanOrEqual(15);
    expect(ESTABLISHMENTS.some((e) => e.needs.length === 0)).toBe(true);
    const needs = ESTABLISHMENTS.flatMap((e) => e.needs);
    expect(needs.some((n) => !n.rome)).toBe(true);
    expect(needs.filter((n) => n.rome).length).toBeGreaterThanOrEqual(20);
  });

  it('carries LOGICIELS DU RHÔNE and La Poste with the values of their reference pages', () => {
    for (const siret of ['73282932000074', '35600000009075']) {
      const e = ESTABLISHMENTS.find((x) => x.siret === siret)!;
      expect(expectedEstablishment(e)).toEqual(expectedOf(`fiche-entreprise/etablissement-${siret}.expected.json`).data);
    }
    const hits = expectedOf('fiche-entreprise/recherche.expected.json').data as { siret: string; name: string; city: string }[];
    for (const hit of hits) {
      const e = ESTABLISHMENTS.find((x) => x.siret === hit.siret);
      expect(e, hit.siret).toBeDefined();
      expect({ name: e!.name, city: e!.address.city }).toEqual({ name: hit.name, city: hit.city });
    }
  });
});
