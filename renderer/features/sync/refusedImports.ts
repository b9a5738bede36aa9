/**
 * Files refused at import during this session, for the 导入记录 card. Deliberately kept in memory
 * only, never in the database: a refused file must leave the database exactly as it was (docs/sync.md),
 * and the refusal is shown at once anyway; the history of what WAS applied is the `importLog` table.
 */
import { create } from 'zustand';

export interface RefusedImport {
  /** ISO instant of the refusal. */
  readonly at: string;
  readonly fileName: string;
  /** The Chinese message shown to the user (what went wrong and what to do). */
  readonly reason: string;
  /** The error kind, e.g. 'already-imported', 'bad-signature'. */
  readonly kind: string;
}

const KEPT = 50;

interface RefusedImportsState {
  refused: readonly RefusedImport[];
  add(refusal: RefusedImport): void;
}

export const useRefusedImports = create<RefusedImportsState>()((set) => ({
  refused: [],
  add: (refusal) => set((s) => ({ refused: [refusal, ...s.refused].slice(0, KEPT) })),
}));
