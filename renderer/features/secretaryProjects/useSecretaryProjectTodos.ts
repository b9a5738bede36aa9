/**
 * 书记项目's to-dos for the workbench (shared/rules/duties/secretaryProjects.ts secretaryProjectTodos):
 * no project for the current year, milestones past their due date (紧急) and milestones due within
 * two weeks (提醒). Only for a unit's own ledger. Memoised: the same array until the projects or the
 * day change.
 */
import { useMemo } from 'react';
import { secretaryProjectTodos } from '../../../shared/rules/duties/secretaryProjects';
import type { TodoItem } from '../../../shared/rules/todos';
import { todayIso } from '../common/today';
import { useUnitScope } from '../common/unitScope';
import { useSecretaryProjects } from './useSecretaryProjects';

const NONE: TodoItem[] = [];

export function useSecretaryProjectTodos(): TodoItem[] {
  const { mode } = useUnitScope();
  const projects = useSecretaryProjects();
  const asOf = todayIso();
  return useMemo(() => (!projects || mode !== 'unit' ? NONE : secretaryProjectTodos(projects, asOf)), [projects, mode, asOf]);
}
