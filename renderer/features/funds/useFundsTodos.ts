/**
 * 经费保障's to-dos for the workbench (shared/rules/duties/funds.ts fundTodos): no budget line for
 * the current year, and each line of the year spent over its budget. Only for a unit's own ledger.
 */
import { useMemo } from 'react';
import { fundTodos } from '../../../shared/rules/duties/funds';
import type { TodoItem } from '../../../shared/rules/todos';
import { todayIso } from '../common/today';
import { useUnitScope } from '../common/unitScope';
import { useFundRecords } from './useFundRecords';

const NONE: TodoItem[] = [];

export function useFundsTodos(): TodoItem[] {
  const { mode } = useUnitScope();
  const records = useFundRecords();
  const asOf = todayIso();
  return useMemo(() => (!records || mode !== 'unit' ? NONE : fundTodos(records.lines, records.expenses, asOf)), [records, mode, asOf]);
}
