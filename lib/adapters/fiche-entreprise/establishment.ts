/** An establishment's page (`/etablissement/{siret}`) → `Establishment`. */
import { NAF_PATTERN, isValidSiret, normalizeNaf, normalizeSiret } from '@/lib/domain/formats';
import type { Establishment } from '@/lib/domain/legacy';
import { fieldsOf, type Field } from '../kit/fields';
import { Missing, compact, type Extraction } from '../kit/result';
import { normalizeText, saysNothing } from '../kit/text';
import { parseAddress } from './address';
import { readContacts } from './contacts';
import { siretFromPath } from './detect';
import { LABELS } from './labels';
import { readNeeds } from './needs';

const NAF_IN_TEXT = /\b(\d{2}\.?\d{2}[A-Z])\b\s*(?:[-–—:]\s*)?(.*)$/;

function parseNaf(text: string): Establishment['naf'] {
  const match = NAF_IN_TEXT.exec(normalizeText(text));
  if (!match || !NAF_PATTERN.test(match[1]!)) return undefined;
  const label = normalizeText(match[2]!.replace(/^[()\s]+|[()\s]+$/g, ''));
  return label ? { code: normalizeNaf(match[1]!), label } : undefined;
}

export function extractEstablishment(document: Document, url: URL): Extraction<'establishment'> | undefined {
  const expected = siretFromPath(url);
  const root = document.body;
  if (!expected || !root) return undefined;
  const fields = fieldsOf(root);
  const find = (labels: readonly string[], accept?: (f: Field) => boolean) => fields.find(labels, accept);
  const missing = new Missing();

  // The SIRET shown must be the one in the address, and valid: an error page at this address is not the establishment.
  const siretField = find(LABELS.siret, (f) => isValidSiret(f.text));
  const name = find(LABELS.name, (f) => !saysNothing(f.text))?.text;
  if (!siretField || normalizeSiret(siretField.text) !== expected || !name) return undefined;

  const address = readAddress(find);
  if (!address) return undefined;

  const nafField = find(LABELS.naf, (f) => parseNaf(f.text) !== undefined);
  if (!nafField) missing.add('naf');

  const headcountField = find(LABELS.headcount);
  if (!headcountField) missing.add('headcount');

  const contacts = readContacts(root);
  if (!contacts && !/aucun (interlocuteur|contact)/i.test(root.textContent ?? '')) missing.add('contacts');

  const needs = readNeeds(root, fields);
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

function readAddress(find: Find): Establishment['address'] | undefined {
  const field = find(LABELS.address, (f) => parseAddress(f) !== undefined);
  if (field) return parseAddress(field);
  // Separate rows: "Code postal", "Commune", and perhaps "Voie".
  const postcode = find(LABELS.postcode, (f) => /^\d{5}$/.test(f.text))?.text;
  const city = find(LABELS.city, (f) => !saysNothing(f.text))?.text;
  if (!postcode || !city) return undefined;
  const street = find(LABELS.street, (f) => !saysNothing(f.text))?.text;
  return compact({ street, postcode, city });
}
