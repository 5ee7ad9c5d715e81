/**
 * A small, valid PDF 1.4 written by hand: one A4 page of text in the standard
 * Helvetica fonts (WinAnsiEncoding), with a correct cross-reference table.
 * Enough for a CV that a browser downloads and a PDF viewer opens.
 */
import type { SeedJobSeeker } from './seed/types';

/** Characters of WinAnsiEncoding outside Latin-1 (code points 0x80–0x9F). */
const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
  'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
  '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** Text → bytes of a PDF literal string `( … )` in WinAnsiEncoding, escaped. */
function pdfString(text: string): Buffer {
  const bytes: number[] = [0x28];
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    let b: number;
    if (WIN_ANSI_EXTRA[ch] !== undefined) b = WIN_ANSI_EXTRA[ch]!;
    else if (cp === 0x202f || cp === 0x00a0) b = 0x20;
    else if ((cp >= 0x20 && cp < 0x7f) || (cp >= 0xa0 && cp <= 0xff)) b = cp;
    else b = 0x3f; // '?'
    if (b === 0x28 || b === 0x29 || b === 0x5c) bytes.push(0x5c);
    bytes.push(b);
  }
  bytes.push(0x29);
  return Buffer.from(bytes);
}

export interface PdfLine {
  text: string;
  size?: number;
  bold?: boolean;
  /** Extra space before the line, in points. */
  gap?: number;
}

/** Wraps long lines at word boundaries (Helvetica is about 0.5 em wide on average). */
function wrap(line: PdfLine, width: number): PdfLine[] {
  const size = line.size ?? 11;
  const max = Math.floor(width / (size * 0.5));
  if (line.text.length <= max) return [line];
  const out: PdfLine[] = [];
  let current = '';
  for (const word of line.text.split(' ')) {
    if (current && (current + ' ' + word).length > max) {
      out.push({ ...line, text: current, gap: out.length ? 0 : line.gap });
      current = `  ${word}`;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push({ ...line, text: current, gap: out.length ? 0 : line.gap });
  return out;
}

export function buildPdf(title: string, lines: readonly PdfLine[]): Buffer {
  const content: Buffer[] = [Buffer.from('BT\n')];
  let y = 790;
  for (const line of lines.flatMap((l) => wrap(l, 480))) {
    const size = line.size ?? 11;
    y -= (line.gap ?? 0) + size * 1.35;
    if (y < 50) break; // one page only
    content.push(Buffer.from(`/${line.bold ? 'F2' : 'F1'} ${size} Tf 1 0 0 1 56 ${y.toFixed(1)} Tm `, 'latin1'));
    content.push(pdfString(line.text), Buffer.from(' Tj\n'));
  }
  content.push(Buffer.from('ET\n'));
  const stream = Buffer.concat(content);

  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>'),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>'),
    Buffer.concat([Buffer.from(`<< /Length ${stream.length} >>\nstream\n`), stream, Buffer.from('\nendstream')]),
    Buffer.concat([Buffer.from('<< /Title '), pdfString(title), Buffer.from(' /Producer (Profilence demo) >>')]),
  ];

  // Header with a binary comment line, as the spec recommends for files holding 8-bit bytes.
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    offset += obj.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}

export function renderCvPdf(s: SeedJobSeeker): Buffer {
  const main = s.targetJobs.find((j) => j.main);
  const lines: PdfLine[] = [
    { text: `${s.firstName} ${s.lastName}`, size: 20, bold: true },
    { text: main ? main.label : 'Projet professionnel en construction', size: 13, gap: 2 },
    { text: [s.city, s.email, s.phones[0]?.number].filter(Boolean).join(' – '), size: 10, gap: 4 },
  ];
  if (s.targetJobs.length) {
    lines.push({ text: 'Métiers recherchés', bold: true, size: 12, gap: 14 });
    for (const j of s.targetJobs) lines.push({ text: `• ${j.label} (${j.rome})` });
  }
  if (s.skills.length) {
    lines.push({ text: 'Compétences', bold: true, size: 12, gap: 12 });
    for (const skill of s.skills) lines.push({ text: `• ${skill}` });
  }
  if (s.softSkills.length) {
    lines.push({ text: 'Qualités', bold: true, size: 12, gap: 12 });
    lines.push({ text: s.softSkills.join(', ') });
  }
  lines.push({ text: 'Parcours', bold: true, size: 12, gap: 12 });
  lines.push({ text: `Expérience dans le métier : ${s.experienceYears} ${s.experienceYears > 1 ? 'ans' : 'an'}` });
  lines.push({ text: `Formation : ${s.education}` });
  lines.push({ text: `Permis : ${s.drivingLicences.length ? s.drivingLicences.join(', ') : 'aucun'}` });
  if (s.certifications) lines.push({ text: `Habilitations : ${s.certifications}` });
  lines.push({ text: `Langues : ${s.languages}` });
  lines.push({ text: 'Document fictif – démonstration Profilence.', size: 8, gap: 30 });
  return buildPdf(`CV ${s.firstName} ${s.lastName}`, lines);
}
