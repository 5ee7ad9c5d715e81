/** On the portfolio page: the worklist of the rows in front of the counsellor (« À promouvoir »). */
import type { PortfolioEntry } from '@/lib/domain/legacy';
import { useWorklistInputs } from './use-worklist-inputs';
import { WorklistView } from './WorklistView';

const NO_FILES = {};

export function PortfolioWorklist({ entries }: { entries: readonly PortfolioEntry[] }) {
  const inputs = useWorklistInputs();
  return <WorklistView entries={entries} files={inputs?.files ?? NO_FILES} />;
}
