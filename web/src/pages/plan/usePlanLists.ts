import { listDecisions, listRoundTables } from '../../lib/plan';
import { useResource } from '../../lib/useResource';

// The plan page can do without these lists: a failure counts as an empty
// list, so the forms beside them stay usable.

export function useRoundTables(householdId: string) {
  return useResource(
    (signal) => listRoundTables(householdId, signal).then((b) => b.round_tables, () => []),
    [householdId],
  );
}

export function useDecisions(householdId: string) {
  return useResource(
    (signal) => listDecisions(householdId, signal).then((b) => b.decisions, () => []),
    [householdId],
  );
}
