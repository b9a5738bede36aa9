/** IsoDate ↔ dayjs for antd's date pickers. */
import dayjs, { type Dayjs } from 'dayjs';

export function fromIso(date: string | null | undefined): Dayjs | null {
  return date ? dayjs(date, 'YYYY-MM-DD') : null;
}

export function toIso(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

/** 2026年11月28日 */
export function chineseDay(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
