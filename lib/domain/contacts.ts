import type { Establishment, EstablishmentContact } from './legacy';

/** The contact to write to: the one chosen, else the first with an e-mail, else the first. */
export function pickContact(e: Establishment, index?: number): EstablishmentContact | undefined {
  if (index !== undefined && e.contacts[index]) return e.contacts[index];
  return e.contacts.find((c) => c.email) ?? e.contacts[0];
}
