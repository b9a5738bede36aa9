/** IsoDate ↔ dayjs for antd's date pickers. (Dates in words: shared/rules/text.ts chineseDate.) */
import dayjs, { type Dayjs } from 'dayjs';

export function fromIso(date: string | null | undefined): Dayjs | null {
  return date ? dayjs(date, 'YYYY-MM-DD') : null;
}

export function toIso(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}
