/**
 * dutyList (三级五岗职责清单): one post's duty items for a year, with the holder's self-check.
 * Levels and posts are data (the city's list may differ), stored as Chinese text.
 *
 * From record schema 5 an item carries the annual self-check's outcome (`status`: 落实/部分落实/
 * 未落实); `selfCheck` is its evidence and description. `status` is optional so that items written
 * before (schema 4 and older) stay valid: absent means 未自查 (`dutyItemStatus`).
 */
import type { z } from 'zod';
import { strictObject, withMeta } from './meta';
import type { FieldLabels } from './meta';
import { listOf, oneOf, requiredText, text, TEXT_MAX, Year } from './primitives';

/** Outcomes of an item's annual self-check (record schema 5). */
export const DUTY_ITEM_STATUSES = ['done', 'partial', 'notDone'] as const;
export type DutyItemStatus = (typeof DUTY_ITEM_STATUSES)[number];
export const DUTY_ITEM_STATUS_LABELS: Readonly<Record<DutyItemStatus, string>> = {
  done: '落实',
  partial: '部分落实',
  notDone: '未落实',
};
/** What an item without a self-check outcome shows. */
export const DUTY_ITEM_UNCHECKED_LABEL = '未自查';

export const DutyItemSchema = strictObject(
  {
    text: requiredText(TEXT_MAX),
    selfCheck: text(TEXT_MAX),
    /** The self-check's outcome (record schema 5); absent: 未自查. */
    status: oneOf(DUTY_ITEM_STATUSES, '自查结论（落实/部分落实/未落实）').optional(),
  },
  '职责事项',
);
export type DutyItem = z.infer<typeof DutyItemSchema>;

export const DutyListSchema = withMeta({
  year: Year,
  level: requiredText(50),
  post: requiredText(50),
  holderName: text(50),
  items: listOf(DutyItemSchema, 200, '职责事项'),
});
export type DutyList = z.infer<typeof DutyListSchema>;

export const DUTY_LIST_FIELD_LABELS: FieldLabels<DutyList> = {
  year: '年度',
  level: '层级',
  post: '岗位',
  holderName: '责任人',
  items: '职责事项',
  'items.text': '职责内容',
  'items.selfCheck': '自查情况',
  'items.status': '自查结论',
};

/** An item's self-check outcome, or null when it has not been self-checked (未自查). */
export function dutyItemStatus(item: Pick<DutyItem, 'status'>): DutyItemStatus | null {
  return item.status ?? null;
}
