/** The job seeker's file (`/dossier/{ftId}`) → `JobSeekerProfile`. */
import { QUALIFICATION_LABELS, contractTypeFromLabel, isValidFtId, normalizeFtId, type ContractType } from '@/lib/domain/formats';
import { CONSENT_UNREADABLE } from '@/lib/domain/consent-states';
import type { ConsentShown, JobSeekerProfile, TargetJob } from '@/lib/domain/legacy';
import { readConsent, type ConsentReading } from '../kit/consent';
import { fieldsOf, type Field } from '../kit/fields';
import { Missing, absoluteHref, compact, type Extraction } from '../kit/result';
import { withTaught, type ReadOptions, type TaughtLabels } from '../kit/taught';
import { fold, itemsOf, itemsOfLines, normalizeText, saysNothing } from '../kit/text';
import { findEmails, findFrenchDate, findPhones, parseCivility, parseYesNo } from '../kit/values';
import { ftIdFromPath, ftIdInUrl } from './detect';
import { LABELS, PHONE_LABEL_INITIALS, isPhoneLabel } from './labels';

type Profile = JobSeekerProfile;

/** The reading as the profile gives it: granted with its date, refused, or not granted for want of certainty. */
export function consentOf(reading: ConsentReading): Profile['promotionConsent'] {
  if (reading.status === 'granted') return compact({ granted: true, since: reading.since });
  return reading.status === 'refused' ? { granted: false } : { granted: false, reason: CONSENT_UNREADABLE };
}

export const evidenceOf = (reading: ConsentReading): ConsentShown | undefined =>
  reading.wording ? compact({ wording: reading.wording, date: reading.date }) : undefined;

const MAIN_MARK = /\(?\s*(m[ée]tier|emploi)\s+principal\s*\)?|\(\s*principal\s*\)|\s[-–—]\s*principal$/i;

/** "M1607 - Secrétariat (métier principal)" or "Secrétariat (M1607)". */
export function parseTargetJob(item: string): TargetJob | undefined {
  const main = MAIN_MARK.test(item) || /^[★*]/.test(item);
  const text = normalizeText(item.replace(MAIN_MARK, ' ').replace(/^[★*]\s*/, ''));
  const codeFirst = /^([A-N]\d{4})\b\s*[-–—:]?\s*(.*)$/i.exec(text);
  const codeLast = /^(.*?)\s*[(\[]\s*([A-N]\d{4})\s*[)\]]\s*$/i.exec(text);
  const [rome, label] = codeFirst ? [codeFirst[1]!, codeFirst[2]!] : codeLast ? [codeLast[2]!, codeLast[1]!] : [];
  if (!rome || !label) return undefined;
  return { rome: rome.toUpperCase(), label: normalizeText(label.replace(/^[-–—:\s]+|[-–—:\s]+$/g, '')), main };
}

const LICENCES = new Set(['AM', 'A1', 'A2', 'A', 'B1', 'B', 'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE']);

export function parseLicences(text: string): string[] {
  const codes: string[] = [];
  for (const token of text.toUpperCase().split(/[\s,;/+]+|\bET\b/)) {
    const code = token.replace(/^PERMIS$|[().]/g, '');
    if (LICENCES.has(code) && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

export function parseContractTypes(text: string): ContractType[] {
  const codes: ContractType[] = [];
  for (const part of text.split(/\s*(?:[,;/+\n]|\bet\b|\bou\b)\s*/i)) {
    const code = contractTypeFromLabel(part);
    if (code && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

export function parseExperienceYears(text: string): number | undefined {
  const k = fold(text);
  const years = /(\d+(?:[.,]\d+)?)\s*(an|annee)/.exec(k);
  if (years) return Number(years[1]!.replace(',', '.'));
  const months = /(\d+)\s*mois/.exec(k);
  if (months) return Math.round((Number(months[1]) / 12) * 10) / 10;
  if (/debutant|sans experience|aucune|moins d.un an/.test(k)) return 0;
  return undefined;
}

function parseQualification(text: string): Profile['qualification'] {
  const code = /^\s*(\d)\b/.exec(text)?.[1];
  if (code && QUALIFICATION_LABELS[Number(code)]) return { code: Number(code), label: QUALIFICATION_LABELS[Number(code)]! };
  const k = fold(text);
  for (const [c, label] of Object.entries(QUALIFICATION_LABELS)) {
    if (fold(label) === k) return { code: Number(c), label };
  }
  return undefined;
}

const items = (field: Field) => (field.lines ? itemsOfLines(field.lines) : field.element ? itemsOf(field.element) : [field.text]);

/** The label groups of LABELS under the key a counsellor teaches (the key of `missing`). */
const TAUGHT_KEY: Partial<Record<keyof typeof LABELS, string>> = {
  postcode: 'address',
  city: 'address',
  consent: 'promotionConsent',
  experience: 'experienceYears',
  licences: 'drivingLicences',
  radius: 'mobility',
  vehicle: 'mobility',
};

/** LABELS with the taught labels of each group's field after its own. */
function labelsWith(taught: TaughtLabels | undefined): Record<keyof typeof LABELS, readonly string[]> {
  const out = { ...LABELS } as Record<keyof typeof LABELS, readonly string[]>;
  if (taught) for (const key of Object.keys(LABELS) as (keyof typeof LABELS)[]) out[key] = withTaught(LABELS[key], TAUGHT_KEY[key] ?? key, taught);
  return out;
}
type Labels = ReturnType<typeof labelsWith>;

export function extractProfile(document: Document, url: URL, options?: ReadOptions): Extraction<'profile'> | undefined {
  const root = document.body;
  if (!root) return undefined;
  const LABELS = labelsWith(options?.taught);
  const fields = fieldsOf(root);
  const missing = new Missing();
  const find = (labels: readonly string[], accept?: (f: Field) => boolean) => fields.find(labels, accept);

  // Identity: the identifier shown must be the one in the address, else this is not that file.
  const ftId = find(LABELS.ftId, (f) => isValidFtId(f.text))?.text;
  const lastName = find(LABELS.lastName, (f) => !saysNothing(f.text))?.text;
  const firstName = find(LABELS.firstName, (f) => !saysNothing(f.text))?.text;
  const expectedId = ftId ? expectedFtId(url, normalizeFtId(ftId)) : undefined;
  if (!expectedId || !lastName || !firstName) return undefined;

  const civilityField = find(LABELS.civility, (f) => parseCivility(f.text) !== undefined);
  if (!civilityField) missing.add('civility');

  let email: string | undefined;
  const emailField = find(LABELS.email, (f) => saysNothing(f.text) || findEmails(f.text).length > 0);
  if (!emailField) missing.add('email');
  else if (!saysNothing(emailField.text)) email = findEmails(emailField.text)[0];

  const taughtPhones = options?.taught?.phones;
  const phoneFields = fields.findAll(isPhoneLabel, PHONE_LABEL_INITIALS);
  if (taughtPhones?.length) for (const f of fields.findAllOf(taughtPhones)) if (!phoneFields.includes(f)) phoneFields.push(f);
  const phones = phoneFields.flatMap((f) => findPhones(f.text)).filter((p, i, all) => all.indexOf(p) === i);
  if (phones.length === 0 && !phoneFields.some((f) => saysNothing(f.text))) missing.add('phones');

  const address = readAddress(find, LABELS);
  if (!address) missing.add('address');

  // From the value shown, never from the label; anything short of certainty is not granted (kit/consent.ts).
  const consentReading = readConsent(root, LABELS.consent, fields);
  const promotionConsent = consentOf(consentReading);
  if (consentReading.status === 'unreadable') missing.add('promotionConsent');

  const targetJobs = readTargetJobs(find, LABELS);
  if (!targetJobs) missing.add('targetJobs');

  const list = (labels: readonly string[], name: string): string[] => {
    const field = find(labels);
    if (!field) {
      missing.add(name);
      return [];
    }
    return saysNothing(field.text) ? [] : items(field);
  };
  const skills = list(LABELS.skills, 'skills');
  const softSkills = list(LABELS.softSkills, 'softSkills');

  const qualificationField = find(LABELS.qualification, (f) => parseQualification(f.text) !== undefined);
  if (!qualificationField) missing.add('qualification');
  const experienceField = find(LABELS.experience, (f) => parseExperienceYears(f.text) !== undefined);
  if (!experienceField) missing.add('experienceYears');

  const licencesField = find(LABELS.licences, (f) => saysNothing(f.text) || parseLicences(f.text).length > 0);
  if (!licencesField) missing.add('drivingLicences');

  const radius = find(LABELS.radius, (f) => /\d+\s*km\b/i.test(f.text));
  const vehicle = find(LABELS.vehicle, (f) => parseYesNo(f.text) !== undefined);
  const mobility =
    radius || vehicle
      ? compact({
          radiusKm: radius ? Number(/(\d+)\s*km\b/i.exec(radius.text)![1]) : undefined,
          vehicle: vehicle ? parseYesNo(vehicle.text) : undefined,
        })
      : undefined;
  if (!mobility) missing.add('mobility');

  const availability = readAvailability(find, LABELS);
  if (!availability) missing.add('availability');

  const contractField = find(LABELS.contractTypes, (f) => saysNothing(f.text) || parseContractTypes(f.text).length > 0);
  if (!contractField) missing.add('contractTypes');

  const cv = readCv(find, LABELS, url, missing);

  const data: Profile = compact({
    ftId: expectedId,
    civility: civilityField ? parseCivility(civilityField.text) : undefined,
    lastName,
    firstName,
    email,
    phones,
    address,
    promotionConsent,
    targetJobs: targetJobs ?? [],
    skills,
    softSkills,
    qualification: qualificationField ? parseQualification(qualificationField.text) : undefined,
    experienceYears: experienceField ? parseExperienceYears(experienceField.text) : undefined,
    drivingLicences: licencesField && !saysNothing(licencesField.text) ? parseLicences(licencesField.text) : [],
    mobility,
    availability,
    // Item by item: « Intérim<br>CDD<br>CDI » is three contracts.
    contractTypes: contractField && !saysNothing(contractField.text) ? parseContractTypes(items(contractField).join(' ; ')) : [],
    cv,
  });
  return compact({ data, missing: missing.fields, consentEvidence: evidenceOf(consentReading) });
}

type Find = (labels: readonly string[], accept?: (f: Field) => boolean) => Field | undefined;

/**
 * The identifier of the file the address is about: `/dossier/{ftId}`, else the one shown when the address
 * names it too (a path segment or a query value, for a tool whose addresses we do not know).
 */
function expectedFtId(url: URL, shown: string): string | undefined {
  const fromPath = ftIdFromPath(url);
  if (fromPath) return fromPath === shown ? shown : undefined;
  return ftIdInUrl(url).includes(shown) ? shown : undefined;
}

function readAddress(find: Find, LABELS: Labels): Profile['address'] {
  const postcode = find(LABELS.postcode, (f) => /^\d{5}$/.test(f.text))?.text;
  const city = find(LABELS.city, (f) => !saysNothing(f.text) && /\p{L}/u.test(f.text))?.text;
  if (postcode && city) return { postcode, city };
  // A single "Adresse" block whose last line is "69003 Lyon".
  const block = find(LABELS.address, (f) => /\b\d{5}\s+\p{L}/u.test(f.text));
  const match = block && /\b(\d{5})\s+([^\d,]+?)\s*$/u.exec(block.text);
  return match ? { postcode: match[1]!, city: match[2]! } : undefined;
}

/** One item per job: a part without a ROME code continues the previous one (a label with a comma). */
function jobItems(parts: string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    if (out.length > 0 && !/\b[A-N]\d{4}\b/i.test(part)) out[out.length - 1] += `, ${part}`;
    else out.push(part);
  }
  return out;
}

function readTargetJobs(find: Find, LABELS: Labels): TargetJob[] | undefined {
  const field = find(LABELS.targetJobs, (f) => /\b[A-N]\d{4}\b/i.test(f.text));
  if (!field) return find(LABELS.targetJobs, (f) => saysNothing(f.text)) ? [] : undefined;
  const jobs: TargetJob[] = [];
  for (const item of jobItems(items(field))) {
    const job = parseTargetJob(item);
    if (job && !jobs.some((j) => j.rome === job.rome)) jobs.push(job);
  }
  // A separate "Métier principal" row, when the page has one, says which job is the main one.
  const mainRome = /\b([A-N]\d{4})\b/i.exec(find(LABELS.mainJob)?.text ?? '')?.[1]?.toUpperCase();
  if (mainRome && jobs.some((j) => j.rome === mainRome)) for (const job of jobs) job.main = job.rome === mainRome;
  // Exactly one main job: the first marked one, else the first listed.
  const mainIndex = Math.max(0, jobs.findIndex((j) => j.main));
  jobs.forEach((job, i) => (job.main = i === mainIndex));
  return jobs;
}

function readAvailability(find: Find, LABELS: Labels): Profile['availability'] {
  const immediate = (t: string) => /imm[ée]diat|d[èe]s maintenant|tout de suite|de suite/i.test(t);
  const field = find(LABELS.availability, (f) => immediate(f.text) || findFrenchDate(f.text) !== undefined);
  if (!field) return undefined;
  if (immediate(field.text)) return { immediate: true };
  return { immediate: false, from: findFrenchDate(field.text) };
}

function readCv(find: Find, LABELS: Labels, url: URL, missing: Missing): Profile['cv'] {
  const linkOf = (f: Field) => (f.element?.tagName === 'A' ? f.element : f.element?.querySelector('a[href]'));
  const field = find(LABELS.cv, (f) => absoluteHref(linkOf(f), url) !== undefined || saysNothing(f.text));
  if (!field) {
    missing.add('cv');
    return undefined;
  }
  const link = linkOf(field);
  const href = absoluteHref(link, url);
  if (!link || !href) return undefined; // "Aucun CV déposé"
  // The file name as shown ("Télécharger CV_Marie_DUPONT.pdf"), else from the link's target.
  const fileNameIn = (s: string | null | undefined) => /[^\s/\\()]+\.[a-z0-9]{2,5}(?=$|[\s)])/i.exec(normalizeText(s ?? ''))?.[0];
  const fromPath = decodeURIComponent(new URL(href).pathname.split('/').pop() ?? '');
  const fileName =
    fileNameIn(link.getAttribute('download')) ?? fileNameIn(link.textContent) ?? fileNameIn(fromPath) ?? (normalizeText(link.textContent ?? '') || undefined);
  return fileName ? { url: href, fileName } : undefined;
}
