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
