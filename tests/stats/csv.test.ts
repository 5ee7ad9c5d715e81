import { describe, expect, it } from 'vitest';
import { csvField, csvFileName, promotionsCsv, PROMOTION_CSV_HEADERS, toCsv } from '../../lib/stats/csv';
import { asPulled, seededHistories } from './histories';

/** A reader as a spreadsheet would do it: `;` between fields, `"…"` around, `""` for a quote, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || record.length) throw new Error('last record without CRLF');
  return records;
}

describe('CSV for Excel and LibreOffice', () => {
  it('quotes a field only when it must, doubling quotes, and defuses formulas', () => {
    expect(csvField('Lyon')).toBe('Lyon');
    expect(csvField(12)).toBe('12');
    expect(csvField(undefined)).toBe('');
    expect(csvField('Dupont; fils')).toBe('"Dupont; fils"');
    expect(csvField('Le "Petit" Bistrot')).toBe('"Le ""Petit"" Bistrot"');
    expect(csvField('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvField(' espace ')).toBe('" espace "');
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('-12')).toBe("'-12");
  });

  it('starts with a byte-order mark and ends every line with CRLF', () => {
    const text = toCsv(['a', 'b'], [['1', '2']]);
    expect(text).toBe('\uFEFFa;b\r\n1;2\r\n');
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('exports promotions with French headers, French dates and statuses, most recently sent first', () => {
    const histories = seededHistories();
    const promotions = histories.map(asPulled);
    const j2 = promotions[1]!;
    j2.establishment = { ...j2.establishment, name: 'Boulangerie "Au pain"; Dupont & fils' };
    const text = promotionsCsv(promotions);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

    const [headers, ...rows] = parseCsv(text.slice(1));
    expect(headers).toEqual([...PROMOTION_CSV_HEADERS]);
    expect(headers!.slice(0, 4)).toEqual(['Référence', 'Date de création', 'Conseiller', 'Agence']);
    expect(rows).toHaveLength(promotions.length);
    for (const row of rows) expect(row).toHaveLength(headers!.length);

    const col = (name: string) => headers!.indexOf(name);
    const byRef = new Map(rows.map((r) => [r[0], r]));
    const j2Row = byRef.get(j2.reference)!;
    expect(j2Row[col('Établissement')]).toBe('Boulangerie "Au pain"; Dupont & fils');
    expect(j2Row[col('Statut')]).toBe('Refus');
    expect(j2Row[col('Motif de refus')]).toBe('Profil ne correspondant pas');
    expect(j2Row[col("Date d'envoi")]).toBe('08/01/2025');
    expect(j2Row[col('Date de première réponse')]).toBe('18/01/2025');
    expect(j2Row[col('Délai de réponse (jours)')]).toBe('10');
    expect(j2Row[col('Entretien')]).toBe('non');
    // J3: sent 20/01 23:30 UTC, that is 21/01 in Paris; answered after a no_response.
    const j3Row = byRef.get(promotions[2]!.reference)!;
    expect([j3Row[col("Date d'envoi")], j3Row[col('Statut')], j3Row[col('Délai de réponse (jours)')]]).toEqual(['21/01/2025', 'Réponse reçue', '22']);
    expect(j3Row[col('Domaine')]).toBe('M16');

    // The draft J7 last, with no sending date; the first line is the latest sending (P3, 10/03/2025).
    expect(rows[rows.length - 1]![0]).toBe(promotions[6]!.reference);
    expect(rows[rows.length - 1]![col("Date d'envoi")]).toBe('');
    expect(rows[0]![col("Date d'envoi")]).toBe('10/03/2025');
  });

  it('names the file after the day in Paris', () => {
    expect(csvFileName('promotions', new Date('2025-03-31T22:30:00Z'))).toBe('profilence-promotions-2025-04-01.csv');
  });
});
