/**
 * 三级五岗's to-dos for the workbench (shared/rules/duties/dutyLists.ts dutyListTodos): no list for
 * the current year; in the fourth quarter, posts with items not yet self-checked. Only for a
 * unit's own ledger. Memoised: the same array until the lists or the day change.
 */
import { useMemo } from 'react';
import { dutyListTodos } from '../../../shared/rules/duties/dutyLists';
import type { TodoItem } from '../../../shared/rules/todos';
import { todayIso } from '../common/today';
import { useUnitScope } from '../common/unitScope';
import { useDutyLists } from './useDutyListRecords';

const NONE: TodoItem[] = [];

export function useDutyListTodos(): TodoItem[] {
  const { mode } = useUnitScope();
  const lists = useDutyLists();
  const asOf = todayIso();
  return useMemo(() => (!lists || mode !== 'unit' ? NONE : dutyListTodos(lists, asOf)), [lists, mode, asOf]);
}
