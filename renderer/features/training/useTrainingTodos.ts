/**
 * 教育培训's to-dos for the workbench: coverage below target near the end of the year, new heads
 * without induction training (shared/rules/trainingTodos). Memoised: the same array until the
 * records, the profile or the day change.
 */
import { useMemo } from 'react';
import type { TodoItem } from '../../../shared/rules/todos';
import { todayIso } from '../common/today';
import { useRuleProfile } from '../common/useRuleProfile';
import { useUnitLedger } from '../common/useUnitLedger';
import { trainingTodoItems } from './coverage';
import { useTrainingRecords } from './useTrainingRecords';

const NONE: TodoItem[] = [];

export function useTrainingTodos(): TodoItem[] {
  const unit = useUnitLedger();
  const training = useTrainingRecords();
  const profile = useRuleProfile();
  const asOf = todayIso();
  return useMemo(() => {
    if (!unit?.unit || !training || training.mode !== 'unit') return NONE;
    return trainingTodoItems({ ...unit, classes: training.classes, enrolments: training.enrolments }, asOf, profile);
  }, [unit, training, profile, asOf]);
}
