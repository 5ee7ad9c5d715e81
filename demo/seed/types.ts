/**
 * Seed records of the demo. They hold what the legacy pages show: the domain
 * fields of docs/domain.md (same names) plus the display-only fields the
 * reference pages carry (registration date, history, JSF ids…).
 * Dates are ISO `YYYY-MM-DD`; phone numbers are written as displayed.
 */

export type ContractCode = 'CDI' | 'CDD' | 'MIS' | 'SAI' | 'ALT' | 'LIB';
export type Civility = 'M.' | 'Mme';
export type QualificationCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface SeedPhone {
  kind: 'mobile' | 'fixed' | 'other';
  /** As displayed, e.g. `06 12 34 56 78` or `+33 6 48 90 12 34`. */
  number: string;
}

export interface SeedTargetJob {
  rome: string;
  label: string;
  main: boolean;
}

export interface SeedFileEvent {
  date: string;
  type: string;
  subject: string;
  author: string;
}

export interface SeedJobSeeker {
  ftId: string;
  civility: Civility;
  lastName: string;
  firstName: string;
  registeredOn: string;
  category: 'A' | 'B' | 'C';
  /** Modalité d'accompagnement: Suivi, Guidé, Renforcé. */
  support: string;
  street: string;
  postcode: string;
  city: string;
  email?: string;
  phones: SeedPhone[];
  preferredContact: string;
  promotionConsent: { granted: true; since: string } | { granted: false };
  /**
   * How a redesigned file shows the consent, when it is not the legacy text: `switch`, a disabled switch (ticked
   * or not) beside « Promotion du profil autorisée »; `pending`, a wording no reader can take for a yes or a no
   * (« En attente de signature ») — the file then reads as `consent_unreadable`.
   */
  consentDisplay?: 'switch' | 'pending';
  targetJobs: SeedTargetJob[];
  contractTypes: ContractCode[];
  workingTime: string;
  availability: { immediate: true } | { immediate: false; from: string };
  salary: string;
  skills: string[];
  softSkills: string[];
  qualification: QualificationCode;
  experienceYears: number;
  education: string;
  languages: string;
  /** Codes as displayed (`B`, `C`, `CE`); empty shows "Aucun". */
  drivingLicences: string[];
  /** CACES, FIMO… shown in their own row; never driving licences. */
  certifications?: string;
  mobility?: { radiusKm: number; vehicle: boolean; publicTransport: string };
  cv?: { fileName: string; sizeKo: number; uploadedOn: string };
  /** The info banner at the top of the file. */
  notice: string;
  events: SeedFileEvent[];
  /** Generated JSF ids of the page (form and panel), as the legacy tool numbers them. */
  jsf: { form: number; panel: number; viewState: string };
}

export interface SeedContact {
  civility?: Civility;
  lastName: string;
  firstName?: string;
  role?: string;
  email?: string;
  /** As displayed. */
  phone?: string;
}

export interface SeedNeed {
  rome?: string;
  /** The ROME label when `rome` is set, a free label otherwise. */
  label: string;
  positions?: number;
  contractType?: ContractCode;
  notedAt: string;
  notedBy: string;
  notedByAgency: string;
  comment?: string;
}

export interface SeedContactHistory {
  date: string;
  type: string;
  contact: string;
  counsellor: string;
  subject: string;
}

export interface SeedEstablishment {
  siret: string;
  /** How the SIRET is written on the file when it differs (La Poste: `356 000 000 09075`). */
  siretDisplay?: string;
  /** Raison sociale. */
  name: string;
  tradeName: string;
  /** Shown after the name in the title (`établissement siège`, `PPDC Lyon Gerland`). */
  subtitle: string;
  legalForm: string;
  naf: { code: string; label: string };
  address: { street: string; postcode: string; city: string };
  headcount: string;
  createdOn: string;
  collectiveAgreement: string;
  counsellor: string;
  offers: string;
  contacts: SeedContact[];
  needs: SeedNeed[];
  history: SeedContactHistory[];
}
