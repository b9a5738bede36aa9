/**
 * To-dos contributed by the other areas (meetings owed, training gaps, …). Each area exports a
 * hook returning `TodoItem[]` computed by its rules in shared/rules; add one line per area here.
 */
import type { TodoItem } from '../../../shared/rules/todos';
import { useTrainingTodos } from '../training/useTrainingTodos';
import { useMeetingTodos } from '../meetings/useMeetingTodos';

export function useAreaTodos(): TodoItem[] {
  return [
    ...useMeetingTodos(),
    ...useTrainingTodos(),
  ];
}
