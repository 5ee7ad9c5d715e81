/**
 * Promotion references written in an e-mail: `réf. PRF-7K2M9Q` in a subject (« RE: », « TR: » and « Fwd: »
 * keep it), or only in the quoted text of a reply. A shortlist e-mail carries one reference per profile.
 */

// `PRF-` then 6 of `0-9A-Z`, not glued to other letters or digits; a forward may break the hyphen into a space
// or another dash, and a hand-typed answer may write it in lower case.
const REFERENCE_IN_TEXT = /(?<![0-9A-Z])PRF[-‐‑–—\s]?([0-9A-Z]{6})(?![0-9A-Z])/gi;

/** Every reference in the text, written `PRF-XXXXXX`, each once, in the order they appear. */
export function findReferences(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(REFERENCE_IN_TEXT)) {
    const reference = `PRF-${match[1]!.toUpperCase()}`;
    if (!found.includes(reference)) found.push(reference);
  }
  return found;
}

/** The references of several texts (a subject, then a body), each once, in order. */
export function findReferencesIn(texts: readonly string[]): string[] {
  return findReferences(texts.join('\n'));
}
