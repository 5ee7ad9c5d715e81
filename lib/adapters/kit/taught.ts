/**
 * Labels counsellors taught a reader (« Montrer où se trouve ce champ », issue 16): for one tool, extra label
 * texts that introduce a field's value on the page. A reader tries them after its own labels, for the fields
 * it reports in `missing` (same keys: `address`, `targetJobs`, `contacts`, …). Only label text is ever taught,
 * never a value and never a CSS path, so a taught label survives the next redesign as well as ours do.
 */
export type TaughtLabels = Readonly<Partial<Record<string, readonly string[]>>>;

export interface ReadOptions {
  /** This tool's taught labels, by field key. */
  taught?: TaughtLabels;
}

/** A field's own labels, then the ones counsellors taught for it (never instead of them). */
export function withTaught(own: readonly string[], field: string, taught: TaughtLabels | undefined): readonly string[] {
  const extra = taught?.[field];
  return extra && extra.length > 0 ? [...own, ...extra] : own;
}

/** Column headers of a table, each column with the headers taught for its field (`fields`: column → field key). */
export function columnsWithTaught<K extends string>(
  columns: Readonly<Record<K, readonly string[]>>,
  fields: Readonly<Partial<Record<K, string>>>,
  taught: TaughtLabels | undefined,
): Record<K, readonly string[]> {
  const out = { ...columns } as Record<K, readonly string[]>;
  if (!taught) return out;
  for (const column of Object.keys(columns) as K[]) out[column] = withTaught(columns[column], fields[column] ?? column, taught);
  return out;
}
