/**
 * What an anonymous promotion must never carry: the rule the pitch writer, the background (before the
 * e-mail is prepared) and the server (before a promotion is stored) all apply. One rule, one place.
 *
 * Two kinds of checks:
 * - the person's own values, when known: first name, last name, e-mail (and its local part), phones
 *   (any spacing, `+33`/`0033`), France Travail id, street address;
 * - shapes that are identifying whoever they belong to: any e-mail address, any French phone number,
 *   any France Travail id, any street address. An anonymous pitch is about skills, not contact details.
 */

export interface PersonIdentifiers {
  firstName?: string;
  lastName?: string;
  email?: string;
  phones?: readonly string[];
  ftId?: string;
  /** Street line of the postal address (`12 rue des Lilas`), when the file shows it. */
  street?: string;
}

export const IDENTIFYING_KINDS = ['firstName', 'lastName', 'email', 'phone', 'ftId', 'street'] as const;
export type IdentifyingKind = (typeof IDENTIFYING_KINDS)[number];

/** How each kind is named to the counsellor, in the sentence « retirez … ». */
export const IDENTIFYING_LABELS: Record<IdentifyingKind, string> = {
  firstName: 'le prénom',
  lastName: 'le nom',
  email: "l'adresse électronique",
  phone: 'le numéro de téléphone',
  ftId: "l'identifiant France Travail",
  street: "l'adresse postale",
};

export interface IdentifyingFinding {
  kind: IdentifyingKind;
  /** Where it starts in the text, for a UI that wants to highlight it. */
  index: number;
  /** The matched text, as written. */
  match: string;
}

/** Lower case, accents removed: `Élodie` and `elodie` are the same name. Length is preserved. */
export const foldText = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Word boundaries that work on folded text (letters and digits are "word" characters).
const BEFORE = '(?<![a-z0-9])';
const AFTER = '(?![a-z0-9])';
const ANY_SEPARATORS = '[^a-z0-9]+';

/** A phrase as a pattern on folded text: words in order, any separators between them. */
function phrasePattern(phrase: string): string | undefined {
  const words = foldText(phrase).split(/[^a-z0-9]+/).filter(Boolean).map(escapeRegExp);
  return words.length ? `${BEFORE}${words.join(ANY_SEPARATORS)}${AFTER}` : undefined;
}

/**
 * The local part of an e-mail address (`lucie.dupont`), as written: its words alone are the names, already
 * looked for (`Lucie Dupont` is a name, not an e-mail address). Too short to be telling below 3 characters.
 */
function localPartPattern(email: string): string | undefined {
  const local = foldText(email.split('@')[0] ?? '').trim();
  return local.length >= 3 ? `${BEFORE}${escapeRegExp(local)}${AFTER}` : undefined;
}

/** The digits of a French number after its leading 0, matched with any grouping and prefix. */
function phoneDigitsPattern(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '').replace(/^(?:0033|33)(?=\d{9}$)/, '').replace(/^0/, '');
  if (digits.length < 6) return undefined;
  const sep = '[\\s.\\-/()]*';
  return `${BEFORE}(?:0|\\+${sep}33${sep}(?:\\(0\\))?|0033)${sep}${digits.split('').join(sep)}${AFTER}`;
}

const GENERIC: { kind: IdentifyingKind; pattern: RegExp }[] = [
  { kind: 'email', pattern: /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/g },
  // 0X XX XX XX XX, +33 X…, 0033 X…, with spaces, dots, dashes or nothing between groups.
  {
    kind: 'phone',
    pattern: /(?<![0-9])(?:0|\+\s*33\s*(?:\(0\)\s*)?|0033\s*)[1-9](?:[\s.\-/]*\d){8}(?![0-9])/g,
  },
  // France Travail id: 7 digits and a letter or digit, or 11 digits.
  { kind: 'ftId', pattern: /(?<![a-z0-9])(?:\d{7}[a-z]|\d{11})(?![a-z0-9])/g },
  {
    kind: 'street',
    pattern:
      /(?<![a-z0-9])\d{1,4}\s*(?:bis|ter|[abc])?\s*,?\s*(?:rue|avenue|av\.?|boulevard|bd|chemin|allee|impasse|place|route|quai|cours|square|passage|lotissement|residence|chaussee|faubourg|hameau|lieu-dit|voie|sentier|parvis|esplanade|cite|rond-point|promenade|villa)\s+[a-z]/g,
  },
];

/**
 * Every identifying value found in `text`, first occurrence of each kind first.
 * Empty means the text may be sent anonymously.
 */
export function findIdentifyingData(text: string, person: PersonIdentifiers = {}): IdentifyingFinding[] {
  const folded = foldText(text);
  const findings: IdentifyingFinding[] = [];
  const add = (kind: IdentifyingKind, pattern: RegExp) => {
    for (const m of folded.matchAll(pattern)) {
      findings.push({ kind, index: m.index, match: text.slice(m.index, m.index + m[0].length) });
    }
  };
  const personal: [IdentifyingKind, string | undefined][] = [
    ['firstName', person.firstName && phrasePattern(person.firstName)],
    ['lastName', person.lastName && phrasePattern(person.lastName)],
    ['email', person.email && phrasePattern(person.email)],
    // The local part alone (`marie.dupont`) is as telling as the whole address.
    ['email', person.email && localPartPattern(person.email)],
    ['ftId', person.ftId && phrasePattern(person.ftId)],
    ['street', person.street && phrasePattern(person.street)],
    ...(person.phones ?? []).map((p): [IdentifyingKind, string | undefined] => ['phone', phoneDigitsPattern(p)]),
  ];
  for (const [kind, source] of personal) if (source) add(kind, new RegExp(source, 'g'));
  for (const { kind, pattern } of GENERIC) add(kind, pattern);

  const seen = new Set<string>();
  return findings
    .sort((a, b) => a.index - b.index)
    .filter((f) => {
      const key = `${f.kind}:${f.index}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The French sentence telling the counsellor what to remove, or `undefined` when nothing identifies. */
export function anonymityProblem(findings: readonly IdentifyingFinding[]): string | undefined {
  if (!findings.length) return undefined;
  const kinds = IDENTIFYING_KINDS.filter((k) => findings.some((f) => f.kind === k)).map((k) => IDENTIFYING_LABELS[k]);
  const list = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} et ${kinds[kinds.length - 1]}`;
  return `Message anonyme : retirez ${list} du demandeur avant l'envoi.`;
}
