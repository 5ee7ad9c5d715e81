/** The labels the webmail shows (and close synonyms), preferred first. */
export const LABELS = {
  to: ['À', 'A', 'Destinataire', 'Destinataires', 'Pour'],
  cc: ['Cc', 'Copie', 'Copie à'],
  subject: ['Objet', 'Sujet'],
  body: ['Corps du message', 'Message', 'Texte du message', 'Contenu'],
  attachments: ['Pièces jointes', 'Pièce jointe', 'Joindre un fichier', 'Joindre des fichiers'],
  messageId: ['Identifiant du message', 'Identifiant', 'ID du message', 'Référence du message', 'N° du message', 'Message-ID'],
  sentAt: ["Envoyé le", "Date d'envoi", 'Date et heure d’envoi', 'Envoyé', 'Date'],
  /** A received message's header (the quoted text below repeats these labels: the first in page order wins). */
  from: ['De', 'Expéditeur', 'Expéditrice', 'From', 'Envoyé par'],
  receivedAt: ['Reçu le', 'Date de réception', 'Reçu', 'Date', 'Envoyé le', 'Envoyé'],
} as const;

/** The columns of a folder's message list. */
export const INBOX_COLUMNS = {
  from: ['De', 'Expéditeur', 'Expéditrice', 'From'],
  subject: ['Objet', 'Sujet', 'Subject'],
  receivedAt: ['Reçu', 'Reçu le', 'Date de réception', 'Date', 'Reçu à'],
} as const;

/** How a list marks a message not yet read (text, tooltip or accessible name of an icon). */
export const UNREAD = /^(non\s+lu|nouveau|unread)$/i;

/** The confirmation the webmail shows once a message has left. */
export const SENT_CONFIRMATION = /(message|courriel|e-?mail)\s+(a\s+(bien\s+)?)?(été\s+)?envoy[ée]|envoi\s+(effectu[ée]|r[ée]ussi)/i;
