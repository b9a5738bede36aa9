/**
 * dutyList (三级五岗职责清单): one post's duty items for a year, with the holder's self-check.
 * Levels and posts are data (the city's list may differ), stored as Chinese text.
 */
import type { z } from 'zod';
import { strictObject, withMeta } from './meta';
import type { FieldLabels } from './meta';
import { listOf, requiredText, text, TEXT_MAX, Year } from './primitives';

export const DutyItemSchema = strictObject(
  {
    text: requiredText(TEXT_MAX),
    selfCheck: text(TEXT_MAX),
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
};
