/** The employer's contact, ready to call or write: `tel:` and `mailto:` links, and copy buttons. */
import { useState } from 'preact/hooks';
import type { Promotion } from '@/lib/domain/promotion';
import { groupedPhone } from '../format';

function CopyButton({ value, what }: { value: string; what: string }) {
  const [done, setDone] = useState<boolean>();
  const copy = () =>
    navigator.clipboard
      .writeText(value)
      .then(() => setDone(true), () => setDone(false))
      .finally(() => setTimeout(() => setDone(undefined), 2000));
  return (
    <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline pf-copy" aria-label={`Copier ${what}`} onClick={() => void copy()}>
      {done === true ? 'Copié' : done === false ? 'Copie impossible' : 'Copier'}
    </button>
  );
}

export function ContactLinks({ contact }: { contact: NonNullable<Promotion['contact']> }) {
  return (
    <div class="pf-contact fr-mb-1v" data-testid="follow-up-contact">
      <span>{contact.name}</span>
      {contact.phone && (
        <span class="pf-contact__line">
          <a href={`tel:${contact.phone}`}>{groupedPhone(contact.phone)}</a>
          <CopyButton value={contact.phone} what={`le numéro de ${contact.name}`} />
        </span>
      )}
      {contact.email && (
        <span class="pf-contact__line">
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
          <CopyButton value={contact.email} what={`l'adresse de ${contact.name}`} />
        </span>
      )}
    </div>
  );
}
