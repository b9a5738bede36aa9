/**
 * The reminder to back up the ledger (issue 17): a to-do on the unit's workbench and a notice on
 * the committee's 全市概况 when this PC never saved a backup of a ledger that holds data, or the
 * last one is `BACKUP_INTERVAL_DAYS` calendar days old or more. In words: what is at stake, when
 * the last backup was made and to which file, and where to make one.
 */
import { localIsoDate } from '../clock/localDate';
import type { IsoDate } from '../rules/dates';
import { chineseDate } from '../rules/text';
import type { TodoItem } from '../rules/todos';
import { backupReminder } from './retention';

/** Days between two backups before the reminder shows (weekly, as 设置 advises). */
export const BACKUP_INTERVAL_DAYS = 7;

/** After this many days the reminder is urgent (紧急). */
export const BACKUP_URGENT_DAYS = 30;

export interface LastBackup {
  /** When the last backup file was saved on this PC (ISO instant); null when never. */
  readonly lastSavedAt: string | null;
  /** Its file name as the save dialog reported it. */
  readonly lastSavedName: string | null;
}

const WHERE = '请到“设置 → 备份与恢复”备份到U盘等不在这台电脑上的位置，口令与U盘分开保管。';

/**
 * The reminder, or null when none is due. `hasData`: the ledger holds anything worth keeping (a
 * ledger set up a minute ago is not nagged about).
 */
export function backupTodo(last: LastBackup | null, hasData: boolean, now: Date, intervalDays = BACKUP_INTERVAL_DAYS, dayOf: (at: Date) => string = localIsoDate): TodoItem | null {
  if (!hasData) return null;
  const { due, daysSince } = backupReminder(last?.lastSavedAt ?? null, now, intervalDays, dayOf);
  if (!due) return null;
  if (daysSince === null || !last?.lastSavedAt) {
    return {
      key: 'backup',
      area: 'backup',
      severity: 'medium',
      title: '本机台账还没有备份过',
      detail: `台账只保存在这台电脑上，硬盘损坏或重装系统会丢失全部记录。${WHERE}`,
      due: null,
      link: '/settings',
    };
  }
  const savedOn = dayOf(new Date(last.lastSavedAt)) as IsoDate;
  const file = last.lastSavedName ? `（文件“${last.lastSavedName}”）` : '';
  return {
    key: 'backup',
    area: 'backup',
    severity: daysSince >= BACKUP_URGENT_DAYS ? 'high' : 'medium',
    title: `距上次备份已 ${daysSince} 天`,
    detail: `上次备份于${chineseDate(savedOn)}${file}，此后录入的内容还没有备份。建议每周备份一次，每次报送前后各备份一次。${WHERE}`,
    due: null,
    link: '/settings',
  };
}
