/**
 * 整改落实's to-dos for the workbench: items past their deadline (紧急) and items due within two
 * weeks (提醒), from shared/rules/duties/rectification. Memoised: the same array until the items or
 * the day change.
 */
import { useMemo } from 'react';
import { rectificationTodos } from '../../../shared/rules/duties/rectification';
import type { TodoItem } from '../../../shared/rules/todos';
import { todayIso } from '../common/today';
import { useRectificationLedger } from './useRectificationLedger';

const NONE: TodoItem[] = [];

export function useRectificationTodos(): TodoItem[] {
  const ledger = useRectificationLedger();
  const asOf = todayIso();
  return useMemo(() => (ledger ? rectificationTodos(ledger.items, asOf) : NONE), [ledger, asOf]);
}
