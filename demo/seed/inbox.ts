/**
 * The mail already in the demo inbox when the server starts, dated back from "now": everyday agency mail and
 * employers' answers to proposals this install never made (their references match no promotion) — a reply,
 * a colleague's forward, a reply quoting the reference only, a shortlist answer naming two profiles.
 */
import type { ReceivedMessage } from '../inbox';

const HOUR = 3_600_000;

interface Seed extends Omit<ReceivedMessage, 'receivedAt' | 'to' | 'cc'> {
  hoursAgo: number;
}

const SEEDS: readonly Seed[] = [
  {
    id: 'AAMkAGI2-0001',
    from: { name: 'Karim BENALI', address: 'k.benali@example.fr' },
    subject: "Réunion d'équipe entreprises – ordre du jour",
    body: "Bonjour à tous,\n\nVoici l'ordre du jour de la réunion de 15 h : bilan des MRS, job dating logistique, portefeuille des entreprises du 3e.\n\nKarim",
    hoursAgo: 3,
    read: false,
  },
  {
    id: 'AAMkAGI2-0002',
    from: { name: 'Sophie Garnier', address: 'rh@transports-garnier.example.com' },
    subject: 'RE: Proposition de candidature – Conducteur livreur sur véhicule utilitaire léger – réf. PRF-4XK2QH',
    body:
      "Bonjour Madame Martin,\n\nMerci pour ce profil. Nous aimerions rencontrer le candidat mardi prochain à 9 h 30 au dépôt de Vénissieux.\n\nBien cordialement,\nSophie Garnier\nResponsable RH\n\n" +
      "-----Message d'origine-----\nDe : jeanne.martin@example.fr\nEnvoyé : 12/11/2026 à 09:40\nÀ : rh@transports-garnier.example.com\nObjet : Proposition de candidature – Conducteur livreur sur véhicule utilitaire léger – réf. PRF-4XK2QH\n\nMadame, Monsieur,\nJe me permets de vous proposer la candidature d'une personne que nous accompagnons…",
    hoursAgo: 5,
    read: false,
  },
  {
    id: 'AAMkAGI2-0003',
    from: { name: 'BAL Agence Lyon Part-Dieu', address: 'bal.agence-69031@example.fr' },
    subject: 'Planning des permanences MRS – décembre',
    body: 'Bonjour,\n\nLe planning des permanences MRS de décembre est en pièce jointe. Merci de vérifier vos créneaux.\n\nL’équipe de direction',
    hoursAgo: 20,
    read: true,
  },
  {
    id: 'AAMkAGI2-0004',
    from: { name: 'Accueil Boulangerie des Pentes', address: 'accueil@boulangerie-pentes.example.com' },
    subject: 'TR: RE: Proposition de candidature – Vendeur en boulangerie-pâtisserie – réf. PRF-8M3TZA',
    body:
      "Bonjour,\n\nJe vous transfère la réponse de notre gérante.\n\nCordialement\n\n" +
      "-----Message d'origine-----\nDe : Nadia Ferrand <n.ferrand@boulangerie-pentes.example.com>\nEnvoyé : 18/11/2026 à 17:05\nÀ : accueil@boulangerie-pentes.example.com\nObjet : RE: Proposition de candidature – Vendeur en boulangerie-pâtisserie – réf. PRF-8M3TZA\n\nNous gardons le CV pour la saison des fêtes, rien d'ouvert pour l'instant.",
    hoursAgo: 26,
    read: false,
  },
  {
    id: 'AAMkAGI2-0005',
    from: { address: 'lettre-employeurs@example.fr' },
    subject: "Lettre d'information employeurs – novembre",
    body: 'Au sommaire : les aides à l’embauche en alternance, le calendrier des forums, les nouveaux ateliers.',
    hoursAgo: 30,
    read: true,
  },
  {
    id: 'AAMkAGI2-0006',
    from: { name: 'Marc Dubreuil', address: 'm.dubreuil@hotel-bellecour.example.com' },
    subject: 'Votre candidate pour la réception',
    body:
      "Bonjour,\n\nMalheureusement le poste a été pourvu en interne la semaine dernière. Merci tout de même.\n\nMarc Dubreuil\n\n" +
      "-----Message d'origine-----\nDe : jeanne.martin@example.fr\nEnvoyé : 10/11/2026 à 11:12\nÀ : m.dubreuil@hotel-bellecour.example.com\nObjet : Proposition de candidature – Réceptionniste – réf. PRF-2B7NWD\n\nMonsieur,\nJe me permets de vous proposer…",
    hoursAgo: 48,
    read: true,
  },
  {
    id: 'AAMkAGI2-0007',
    from: { name: 'Hélène ROUSSET', address: 'h.rousset@example.fr' },
    subject: 'Invitation job dating logistique du 04/12/2026',
    body: 'Bonjour Jeanne,\n\nPeux-tu relayer l’invitation auprès de tes entreprises du secteur ? Merci !\n\nHélène',
    hoursAgo: 52,
    read: true,
  },
  {
    id: 'AAMkAGI2-0008',
    from: { name: 'EHPAD Les Tilleuls', address: 'direction@ehpad-tilleuls.example.com' },
    subject: 'RE: Proposition de candidatures – Aide-soignant – réf. PRF-6QW1RT, PRF-9JD4LM',
    body:
      "Bonjour,\n\nNous recevrons la première personne en entretien ; le second profil ne correspond pas à nos horaires de nuit.\n\nLa direction\n\n" +
      "-----Message d'origine-----\nDe : jeanne.martin@example.fr\nEnvoyé : 09/11/2026 à 14:20\nObjet : Proposition de candidatures – Aide-soignant – réf. PRF-6QW1RT, PRF-9JD4LM",
    hoursAgo: 70,
    read: true,
  },
];

export function seedInbox(now: Date): ReceivedMessage[] {
  return SEEDS.map(({ hoursAgo, ...m }) => ({
    ...m,
    to: ['jeanne.martin@example.fr'],
    cc: [],
    receivedAt: new Date(now.getTime() - hoursAgo * HOUR).toISOString(),
  }));
}
