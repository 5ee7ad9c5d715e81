/** The labels the webmail shows (and close synonyms), preferred first. */
export const LABELS = {
  to: ['À', 'A', 'Destinataire', 'Destinataires', 'Pour'],
  cc: ['Cc', 'Copie', 'Copie à'],
  subject: ['Objet', 'Sujet'],
  body: ['Corps du message', 'Message', 'Texte du message', 'Contenu'],
  attachments: ['Pièces jointes', 'Pièce jointe', 'Joindre un fichier', 'Joindre des fichiers'],
  messageId: ['Identifiant du message', 'Identifiant', 'ID du message', 'Référence du message', 'N° du message', 'Message-ID'],
  sentAt: ["Envoyé le", "Date d'envoi", 'Date et heure d’envoi', 'Envoyé', 'Date'],
} as const;

/** The confirmation the webmail shows once a message has left. */
export const SENT_CONFIRMATION = /(message|courriel|e-?mail)\s+(a\s+(bien\s+)?)?(été\s+)?envoy[ée]|envoi\s+(effectu[ée]|r[ée]ussi)/i;
