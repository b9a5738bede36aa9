import { describe, expect, it } from 'vitest';
import { BACKUP_INTERVAL_DAYS, backupTodo } from './backupTodo';

// days as the PC's calendar sees them: the tests fix the day of an instant to its UTC date
const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const now = new Date('2026-12-05T09:00:00Z');
const savedOn = (day: string, name: string | null = '台账备份_市财政局_2026-11-20.tzbak') => ({ lastSavedAt: `${day}T08:30:00Z`, lastSavedName: name });

describe('the backup reminder', () => {
  it('says nothing while the ledger is empty, even if it was never backed up', () => {
    expect(backupTodo(null, false, now, BACKUP_INTERVAL_DAYS, dayOf)).toBeNull();
  });

  it('asks for a first backup of a ledger that holds data, and leads to 设置', () => {
    const todo = backupTodo(null, true, now, BACKUP_INTERVAL_DAYS, dayOf);
    expect(todo).toMatchObject({ key: 'backup', area: 'backup', severity: 'medium', title: '本机台账还没有备份过', link: '/settings' });
    expect(todo?.detail).toContain('设置 → 备份与恢复');
    expect(todo?.detail).toContain('重装系统会丢失全部记录');
    // a state written with no date (an older build) counts as never
    expect(backupTodo({ lastSavedAt: null, lastSavedName: null }, true, now, BACKUP_INTERVAL_DAYS, dayOf)?.title).toBe('本机台账还没有备份过');
  });

  it('is quiet for six days after a backup and due on the seventh, naming the day and the file', () => {
    expect(backupTodo(savedOn('2026-11-29'), true, now, BACKUP_INTERVAL_DAYS, dayOf)).toBeNull();
    const todo = backupTodo(savedOn('2026-11-28'), true, now, BACKUP_INTERVAL_DAYS, dayOf);
    expect(todo?.title).toBe('距上次备份已 7 天');
    expect(todo?.severity).toBe('medium');
    expect(todo?.detail).toContain('上次备份于2026年11月28日（文件“台账备份_市财政局_2026-11-20.tzbak”）');
    expect(backupTodo(savedOn('2026-11-28', null), true, now, BACKUP_INTERVAL_DAYS, dayOf)?.detail).toContain('上次备份于2026年11月28日，此后');
  });

  it('turns urgent after 30 days', () => {
    expect(backupTodo(savedOn('2026-11-06'), true, now, BACKUP_INTERVAL_DAYS, dayOf)?.severity).toBe('medium');
    const todo = backupTodo(savedOn('2026-11-05'), true, now, BACKUP_INTERVAL_DAYS, dayOf);
    expect(todo?.title).toBe('距上次备份已 30 天');
    expect(todo?.severity).toBe('high');
  });

  it('counts a backup dated in the future (a PC clock set back) as made today', () => {
    expect(backupTodo(savedOn('2027-03-01'), true, now, BACKUP_INTERVAL_DAYS, dayOf)).toBeNull();
  });
});
