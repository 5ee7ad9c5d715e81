/** An establishment's page (`/etablissement/{siret}`) → `Establishment`. */
import { NAF_PATTERN, normalizeNaf } from '@/lib/domain/formats';
import type { Establishment } from '@/lib/domain/legacy';
import { fieldsOf, type Field } from '../kit/fields';
import { Missing, compact, type Extraction } from '../kit/result';
import { normalizeText, saysNothing } from '../kit/text';
import { parseAddress } from './address';
import { readContacts } from './contacts';
import { siretFromPath, siretsInUrl } from './detect';
import { siretIn } from './siret';
import { withTaught, type ReadOptions, type TaughtLabels } from '../kit/taught';
import { LABELS as OWN_LABELS } from './labels';
import { readNeeds } from './needs';

const NAF_IN_TEXT = /\b(\d{2}\.?\d{2}[A-Z])\b\s*(?:[-–—:]\s*)?(.*)$/;

function parseNaf(text: string): Establishment['naf'] {
  const match = NAF_IN_TEXT.exec(normalizeText(text));
  if (!match || !NAF_PATTERN.test(match[1]!)) return undefined;
  const label = normalizeText(match[2]!.replace(/^[()\s]+|[()\s]+$/g, ''));
  return label ? { code: normalizeNaf(match[1]!), label } : undefined;
}

/** The label groups under the key a counsellor teaches (the key of `missing`, or of the data). */
const TAUGHT_KEY: Partial<Record<keyof typeof OWN_LABELS, string>> = { street: 'address', postcode: 'address', city: 'address' };

function labelsWith(taught: TaughtLabels | undefined): Record<keyof typeof OWN_LABELS, readonly string[]> {
  const out = { ...OWN_LABELS } as Record<keyof typeof OWN_LABELS, readonly string[]>;
  if (taught) for (const key of Object.keys(OWN_LABELS) as (keyof typeof OWN_LABELS)[]) out[key] = withTaught(OWN_LABELS[key], TAUGHT_KEY[key] ?? key, taught);
  return out;
}
type Labels = ReturnType<typeof labelsWith>;

export function extractEstablishment(document: Document, url: URL, options?: ReadOptions): Extraction<'establishment'> | undefined {
  const root = document.body;
  if (!root) return undefined;
  const LABELS = labelsWith(options?.taught);
  const fields = fieldsOf(root);
  const find = (labels: readonly string[], accept?: (f: Field) => boolean) => fields.find(labels, accept);
  const missing = new Missing();

  // The SIRET shown must be the one in the address, and valid: an error page at this address is not the establishment.
  const shown = siretIn(find(LABELS.siret, (f) => siretIn(f.text) !== undefined)?.text ?? '');
  const fromPath = siretFromPath(url);
  const expected = fromPath ?? (shown && siretsInUrl(url).includes(shown) ? shown : undefined);
  const name = find(LABELS.name, (f) => !saysNothing(f.text))?.text;
  if (!shown || shown !== expected || !name) return undefined;

  const address = readAddress(find, LABELS);
  if (!address) return undefined;

  const nafField = find(LABELS.naf, (f) => parseNaf(f.text) !== undefined);
  if (!nafField) missing.add('naf');

  const headcountField = find(LABELS.headcount);
  if (!headcountField) missing.add('headcount');

  const contacts = readContacts(root, options?.taught);
  if (!contacts && !/aucun (interlocuteur|contact)/i.test(root.textContent ?? '')) missing.add('contacts');

  const needs = readNeeds(root, fields, options?.taught);
  if (!needs) missing.add('needs');

  const data: Establishment = compact({
    siret: expected,
    name,
    naf: nafField ? parseNaf(nafField.text) : undefined,
    address,
    headcount: headcountField && !saysNothing(headcountField.text) ? headcountField.text : undefined,
    contacts: contacts ?? [],
    needs: needs ?? [],
  });
  return { data, missing: missing.fields };
}

type Find = (labels: readonly string[], accept?: (f: Field) => boolean) => Field | undefined;

function readAddress(find: Find, LABELS: Labels): Establishment['address'] | undefined {
  const field = find(LABELS.address, (f) => parseAddress(f) !== undefined);
  if (field) return parseAddress(field);
  // Separate rows: "Code postal", "Commune", and perhaps "Voie".
  const postcode = find(LABELS.postcode, (f) => /^\d{5}$/.test(f.text))?.text;
  const city = find(LABELS.city, (f) => !saysNothing(f.text))?.text;
  if (!postcode || !city) return undefined;
  const street = find(LABELS.street, (f) => !saysNothing(f.text))?.text;
  return compact({ street, postcode, city });
}
