/**
 * The reminder to back up (shared/backup/backupTodo.ts): a to-do on the unit's workbench and a
 * notice above the committee's 全市概况. Only for the PC's own ledger — never under 单位 → a unit,
 * where the committee reads a unit's records and that unit's backups are not its business.
 */
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button } from 'antd';
import { backupTodo } from '../../../shared/backup/backupTodo';
import type { TodoItem } from '../../../shared/rules/todos';
import { backupReminderInput } from '../../db/queries/backup';
import { todayIso } from '../common/today';
import { useAppQuery } from '../common/useAppQuery';
import { useUnitScope } from '../common/unitScope';

const NONE: TodoItem[] = [];

/** The unit workbench's backup to-do (none while the ledger is empty or a backup is recent). */
export function useBackupTodos(): TodoItem[] {
  const { readOnly } = useUnitScope();
  const input = useAppQuery(backupReminderInput);
  const today = todayIso(); // a new day may make the reminder due
  return useMemo(() => {
    if (readOnly || !input) return NONE;
    const todo = backupTodo(input.last, input.hasData, new Date(`${today}T12:00:00`));
    return todo ? [todo] : NONE;
  }, [readOnly, input, today]);
}

/** The committee's notice above 全市概况, with a button to 设置 → 备份与恢复. */
export function BackupReminderNotice() {
  const input = useAppQuery(backupReminderInput);
  const navigate = useNavigate();
  const today = todayIso();
  const todo = input ? backupTodo(input.last, input.hasData, new Date(`${today}T12:00:00`)) : null;
  if (!todo) return null;
  return (
    <Alert
      type={todo.severity === 'high' ? 'error' : 'warning'}
      showIcon
      title={todo.title}
      description={todo.detail}
      action={
        <Button size="small" onClick={() => void navigate('/settings')}>
          去备份
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="backup-reminder"
    />
  );
}
