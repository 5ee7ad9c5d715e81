/**
 * The formats of docs/domain.md: pure normalisers and checks, and the zod schemas built on them.
 * Every refusal carries a French message the counsellor can act on.
 *
 * The plain functions import nothing at run time, so a content script can use them without
 * bundling zod; the schemas are marked pure so a bundler drops the ones a caller does not use.
 */
import * as z from 'zod';

// ── Patterns ───────────────────────────────────────────────────────────────────

export const FT_ID_PATTERN = /^(\d{7}[A-Z0-9]|\d{11})$/;
export const ROME_PATTERN = /^[A-N]\d{4}$/;
export const NAF_PATTERN = /^\d{2}\.?\d{2}[A-Z]$/;
export const POSTCODE_PATTERN = /^\d{5}$/;
export const AGENCY_CODE_PATTERN = /^\d{5}$/;
export const PHONE_PATTERN = /^0\d{9}$/;
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const CONTRACT_TYPES = ['CDI', 'CDD', 'MIS', 'SAI', 'ALT', 'LIB'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** France Travail qualification levels (code 1–9). */
export const QUALIFICATION_LABELS: Readonly<Record<number, string>> = {
  1: 'Manœuvre',
  2: 'Ouvrier spécialisé',
  3: 'Ouvrier qualifié (P1,P2)',
  4: 'Ouvrier qualifié (P3,P4,OHQ)',
  5: 'Employé non qualifié',
  6: 'Employé qualifié',
  7: 'Technicien',
  8: 'Agent de maîtrise',
  9: 'Cadre',
};

export const FORMAT_MESSAGES = {
  ftId: "Identifiant France Travail invalide : 7 chiffres suivis d'une lettre ou d'un chiffre, ou 11 chiffres attendus",
  siretLength: 'SIRET invalide : 14 chiffres attendus',
  siretKey: 'SIRET invalide : la clé de contrôle ne correspond pas (vérifiez les chiffres saisis)',
  sirenLength: 'SIREN invalide : 9 chiffres attendus',
  sirenKey: 'SIREN invalide : la clé de contrôle ne correspond pas (vérifiez les chiffres saisis)',
  rome: 'Code ROME invalide : une lettre de A à N suivie de 4 chiffres attendue (ex. M1607)',
  naf: 'Code NAF invalide : 4 chiffres suivis d\'une lettre attendus (ex. 62.01Z ou 6201Z)',
  postcode: 'Code postal invalide : 5 chiffres attendus',
  phone: 'Numéro de téléphone invalide : 10 chiffres commençant par 0 attendus (ex. 06 12 34 56 78)',
  email: 'Adresse électronique invalide : une adresse de la forme nom@domaine est attendue',
  isoDate: "Date invalide : une date réelle au format AAAA-MM-JJ est attendue",
  agencyCode: "Code agence invalide : 5 chiffres attendus (code SAFIR)",
  contractType: 'Type de contrat inconnu : CDI, CDD, MIS, SAI, ALT ou LIB attendu',
  qualification: 'Niveau de qualification invalide : un code de 1 à 9 est attendu',
  text: 'Texte attendu',
} as const;

// ── Text ───────────────────────────────────────────────────────────────────────

/** Left after trimming, what `normalizeText` still rewrites: a whitespace other than a space, two spaces, a zero-width mark. */
const INNER_TO_NORMALIZE = /[^\S ]| {2}|[\u200b\u2060\ufeff]/;

/** Runs of whitespace (non-breaking and zero-width spaces included) become one space; ends are trimmed. */
export function normalizeText(s: string): string {
  // Most texts of a page are one line between indentation: trimmed, nothing is left to rewrite. Readers call this
  // for every element, so the test, cheaper than the rewrite, comes first (same result: tests/domain/formats.test.ts).
  const trimmed = s.trim();
  if (!INNER_TO_NORMALIZE.test(trimmed)) return trimmed;
  return s.replace(/[\s\u200b\u2060\ufeff]+/g, ' ').trim();
}

const stripSpaces = (s: string) => s.replace(/[\s\u200b]+/g, '');

// ── Identifiers ────────────────────────────────────────────────────────────────

export function normalizeFtId(s: string): string {
  return s.trim().toUpperCase();
}

export function isValidFtId(s: string): boolean {
  return FT_ID_PATTERN.test(normalizeFtId(s));
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const LA_POSTE_SIREN = '356000000';

/** Spaces (non-breaking ones included) removed: `356 000 000 09075` → `35600000009075`. */
export function normalizeSiret(s: string): string {
  return stripSpaces(s);
}

/** 14 digits, Luhn-valid, or La Poste's establishments (SIREN 356000000) whose digit sum is a multiple of 5. */
export function isValidSiret(s: string): boolean {
  const siret = normalizeSiret(s);
  if (!/^\d{14}$/.test(siret)) return false;
  if (luhnValid(siret)) return true;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    let sum = 0;
    for (const c of siret) sum += c.charCodeAt(0) - 48;
    return sum % 5 === 0;
  }
  return false;
}

export function isValidSiren(s: string): boolean {
  const siren = stripSpaces(s);
  return /^\d{9}$/.test(siren) && luhnValid(siren);
}

/** The SIREN is the first 9 digits of the SIRET. */
export function sirenOf(siret: string): string {
  return normalizeSiret(siret).slice(0, 9);
}

export function normalizeRome(s: string): string {
  return s.trim().toUpperCase();
}

/** `62.01Z` → `6201Z`; anything not shaped like a NAF code is returned trimmed, for the check to refuse. */
export function normalizeNaf(s: string): string {
  const t = s.trim().toUpperCase();
  return NAF_PATTERN.test(t) ? t.replace('.', '') : t;
}

// ── Contact details ────────────────────────────────────────────────────────────

/** Separators removed; `+33`, `0033` and `+33 (0)` become `0`. The result still has to be checked. */
export function normalizePhone(s: string): string {
  const compact = s.replace(/[\s.\-/\u200b]+/g, '');
  return compact.replace(/^(?:\+|00)33(?:\(0\))?/, '0').replace(/^\(0\)/, '0');
}

export function isValidPhone(s: string): boolean {
  return PHONE_PATTERN.test(normalizePhone(s));
}

export function normalizeEmail(s: string): string {
  return s.trim().toLowerCase();
}

/** Exactly one `@`, something on each side, no space. */
export function isValidEmail(s: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(normalizeEmail(s));
}

// ── Dates ──────────────────────────────────────────────────────────────────────

const pad2 = (n: number) => String(n).padStart(2, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

export function isValidIsoDate(s: string): boolean {
  if (!ISO_DATE_PATTERN.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return isRealDate(y, m, d);
}

/** `12/03/2025` → `2025-03-12`; `undefined` when the text is not a real date. */
export function frenchDateToIso(s: string): string | undefined {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(s);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? `${y}-${pad2(mo)}-${pad2(d)}` : undefined;
}

let parisFormat: Intl.DateTimeFormat | undefined;

/** Minutes east of UTC in Europe/Paris at the given instant (from the platform's time-zone data). */
function parisOffsetMinutes(epochMs: number): number {
  parisFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts: Record<string, number> = {};
  for (const p of parisFormat.formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - epochMs) / 60000);
}

/**
 * The Paris wall-clock time `dateIso` `HH:MM` written with that instant's offset:
 * `('2026-11-20', '14:32')` → `2026-11-20T14:32:00+01:00` (`+02:00` in summer time).
 */
export function parisOffsetIso(dateIso: string, time: string): string {
  const t = /^(\d{1,2})[:hH](\d{2})(?::(\d{2}))?$/.exec(time.trim());
  if (!isValidIsoDate(dateIso) || !t) {
    throw new RangeError('Date ou heure invalide : AAAA-MM-JJ et HH:MM attendus');
  }
  const [h, mi, sec] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  if (h > 23 || mi > 59 || sec > 59) throw new RangeError('Heure invalide : HH:MM attendu');
  const [y, mo, d] = dateIso.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, sec);
  // The offsets in force a day before and a day after bracket any DST change; keep the one that
  // maps back to this wall time. Repeated autumn times take the earlier instant (summer offset).
  const day = 86_400_000;
  const candidates = [parisOffsetMinutes(wall - day), parisOffsetMinutes(wall + day)].sort((a, b) => b - a);
  const offset = candidates.find((o) => parisOffsetMinutes(wall - o * 60000) === o) ?? candidates[1]!;
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${dateIso}T${pad2(h)}:${pad2(mi)}:${pad2(sec)}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

// ── Contract types ─────────────────────────────────────────────────────────────

const foldAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** A contract label as the legacy pages write it → its France Travail code (`Intérim` → `MIS`). */
export function contractTypeFromLabel(label: string): ContractType | undefined {
  const k = foldAccents(normalizeText(label)).toLowerCase();
  if (!k) return undefined;
  if ((CONTRACT_TYPES as readonly string[]).includes(k.toUpperCase())) return k.toUpperCase() as ContractType;
  if (/indetermine/.test(k)) return 'CDI';
  if (/determine/.test(k)) return 'CDD';
  if (/interim|travail temporaire|mission/.test(k)) return 'MIS';
  if (/saisonn/.test(k)) return 'SAI';
  if (/alternance|apprentissage|professionnalisation/.test(k)) return 'ALT';
  if (/liberal/.test(k)) return 'LIB';
  return undefined;
}

// ── Schemas ────────────────────────────────────────────────────────────────────

const text = () => z.string({ error: FORMAT_MESSAGES.text });
/** Each schema is built through a call marked pure, so bundlers drop unused schemas (and zod itself). */
const schema = <T>(build: () => T): T => build();

export const ftIdSchema = /* @__PURE__ */ schema(() =>
  text().trim().toUpperCase().regex(FT_ID_PATTERN, { error: FORMAT_MESSAGES.ftId }),
);

export const siretSchema = /* @__PURE__ */ schema(() =>
  text()
    .overwrite(normalizeSiret)
    .regex(/^\d{14}$/, { error: FORMAT_MESSAGES.siretLength, abort: true })
    .refine(isValidSiret, { error: FORMAT_MESSAGES.siretKey, abort: true }),
);

export const sirenSchema = /* @__PURE__ */ schema(() =>
  text()
    .overwrite(stripSpaces)
    .regex(/^\d{9}$/, { error: FORMAT_MESSAGES.sirenLength, abort: true })
    .refine(isValidSiren, { error: FORMAT_MESSAGES.sirenKey, abort: true }),
);

export const romeSchema = /* @__PURE__ */ schema(() =>
  text().overwrite(normalizeRome).regex(ROME_PATTERN, { error: FORMAT_MESSAGES.rome }),
);

/** Accepts `62.01Z` or `6201Z`; gives `6201Z`. */
export const nafSchema = /* @__PURE__ */ schema(() =>
  text().overwrite(normalizeNaf).regex(/^\d{4}[A-Z]$/, { error: FORMAT_MESSAGES.naf }),
);

export const postcodeSchema = /* @__PURE__ */ schema(() =>
  text().trim().regex(POSTCODE_PATTERN, { error: FORMAT_MESSAGES.postcode }),
);

export const phoneSchema = /* @__PURE__ */ schema(() =>
  text().overwrite(normalizePhone).regex(PHONE_PATTERN, { error: FORMAT_MESSAGES.phone }),
);

export const emailSchema = /* @__PURE__ */ schema(() =>
  text().trim().toLowerCase().regex(/^[^\s@]+@[^\s@]+$/, { error: FORMAT_MESSAGES.email }),
);

export const isoDateSchema = /* @__PURE__ */ schema(() =>
  text().refine(isValidIsoDate, { error: FORMAT_MESSAGES.isoDate }),
);

export const agencyCodeSchema = /* @__PURE__ */ schema(() =>
  text().trim().regex(AGENCY_CODE_PATTERN, { error: FORMAT_MESSAGES.agencyCode }),
);

export const contractTypeSchema = /* @__PURE__ */ schema(() =>
  z.enum(CONTRACT_TYPES, { error: FORMAT_MESSAGES.contractType }),
);

export const qualificationCodeSchema = /* @__PURE__ */ schema(() =>
  z
    .number({ error: FORMAT_MESSAGES.qualification })
    .int({ error: FORMAT_MESSAGES.qualification })
    .min(1, { error: FORMAT_MESSAGES.qualification })
    .max(9, { error: FORMAT_MESSAGES.qualification }),
);
