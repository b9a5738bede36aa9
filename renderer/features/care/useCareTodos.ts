/**
 * 关怀激励's to-dos for the workbench: postings into a party-affairs post without 任前考察
 * (shared/rules/duties/cadreExchange.ts) and, from the fourth quarter, a year without any 走访慰问
 * (shared/rules/duties/care.ts). Only for a unit's own ledger.
 */
import { useMemo } from 'react';
import { cadreExchangeTodos } from '../../../shared/rules/duties/cadreExchange';
import { careVisitTodos } from '../../../shared/rules/duties/care';
import type { TodoItem } from '../../../shared/rules/todos';
import { todayIso } from '../common/today';
import { useUnitScope } from '../common/unitScope';
import { useCadreExchanges } from './useCadreExchanges';
import { useCareRecords } from './useCareRecords';

const NONE: TodoItem[] = [];

export function useCareTodos(): TodoItem[] {
  const { mode } = useUnitScope();
  const care = useCareRecords();
  const exchanges = useCadreExchanges();
  const asOf = todayIso();
  return useMemo(() => {
    if (mode !== 'unit' || !care || !exchanges) return NONE;
    return [...cadreExchangeTodos(exchanges.exchanges, asOf), ...careVisitTodos(care.visits, asOf)];
  }, [mode, care, exchanges, asOf]);
}
