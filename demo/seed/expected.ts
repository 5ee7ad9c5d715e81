/**
 * What a reader should extract from the demo pages, derived from the seed in the
 * shapes of docs/domain.md (JobSeekerProfile, PortfolioEntry, Establishment,
 * EstablishmentHit). Tests compare the readers' output with these.
 */
import { QUALIFICATION_LABELS } from './labels';
import type { SeedEstablishment, SeedJobSeeker } from './types';

/** `+33 6 48 90 12 34` → `0648901234`. */
export function normalisePhone(display: string): string {
  const compact = display.replace(/[\s.\-\u00a0]/g, '').replace(/\(0\)/, '');
  return compact.replace(/^(\+33|0033)/, '0');
}

const DOSSIERS = 'dossiers.localhost';
const ENTREPRISES = 'entreprises.localhost';

/** `http://dossiers.localhost:8090` from a port (undefined → no port, as the reference pages). */
export function origin(host: string, port?: number): string {
  return `http://${host}${port ? `:${port}` : ''}`;
}

/** The fields a reader reports missing on a demo file: an absent mobility block, an unreadable consent. */
export function expectedMissing(s: SeedJobSeeker): string[] {
  return [...(s.consentDisplay === 'pending' ? ['promotionConsent'] : []), ...(s.mobility ? [] : ['mobility'])];
}

export function expectedProfile(s: SeedJobSeeker, port?: number) {
  return {
    ftId: s.ftId,
    civility: s.civility,
    lastName: s.lastName,
    firstName: s.firstName,
    ...(s.email ? { email: s.email.toLowerCase() } : {}),
    phones: s.phones.map((p) => normalisePhone(p.number)),
    address: { postcode: s.postcode, city: s.city },
    promotionConsent:
      s.consentDisplay === 'pending'
        ? { granted: false, reason: 'consent_unreadable' }
        : s.promotionConsent.granted
          ? { granted: true, ...(s.consentDisplay === 'switch' ? {} : { since: s.promotionConsent.since }) }
          : { granted: false },
    targetJobs: s.targetJobs.map((j) => ({ rome: j.rome, label: j.label, main: j.main })),
    skills: s.skills,
    softSkills: s.softSkills,
    qualification: { code: s.qualification, label: QUALIFICATION_LABELS[s.qualification] },
    experienceYears: s.experienceYears,
    drivingLicences: s.drivingLicences,
    ...(s.mobility ? { mobility: { radiusKm: s.mobility.radiusKm, vehicle: s.mobility.vehicle } } : {}),
    availability: s.availability.immediate ? { immediate: true } : { immediate: false, from: s.availability.from },
    contractTypes: s.contractTypes,
    ...(s.cv ? { cv: { url: `${origin(DOSSIERS, port)}/dossier/${s.ftId}/cv`, fileName: s.cv.fileName } } : {}),
  };
}

export function expectedPortfolioEntry(s: SeedJobSeeker, port?: number) {
  const main = s.targetJobs.find((j) => j.main);
  return {
    ftId: s.ftId,
    lastName: s.lastName,
    firstName: s.firstName,
    ...(main ? { mainRome: main.rome } : {}),
    promotionConsent: s.promotionConsent.granted,
    url: `${origin(DOSSIERS, port)}/dossier/${s.ftId}`,
  };
}

export function expectedEstablishment(e: SeedEstablishment) {
  return {
    siret: e.siret,
    name: e.name,
    naf: { code: e.naf.code, label: e.naf.label },
    address: { street: e.address.street, postcode: e.address.postcode, city: e.address.city },
    headcount: e.headcount,
    contacts: e.contacts.map((c) => ({
      ...(c.civility ? { civility: c.civility } : {}),
      lastName: c.lastName,
      ...(c.firstName ? { firstName: c.firstName } : {}),
      ...(c.role ? { role: c.role } : {}),
      ...(c.email ? { email: c.email.toLowerCase() } : {}),
      ...(c.phone ? { phone: normalisePhone(c.phone) } : {}),
    })),
    needs: e.needs.map((n) => ({
      ...(n.rome ? { rome: n.rome } : {}),
      label: n.label,
      ...(n.positions ? { positions: n.positions } : {}),
      ...(n.contractType ? { contractType: n.contractType } : {}),
      notedAt: n.notedAt,
    })),
  };
}

export function expectedHit(e: SeedEstablishment, port?: number) {
  return { siret: e.siret, name: e.name, city: e.address.city, url: `${origin(ENTREPRISES, port)}/etablissement/${e.siret}` };
}
