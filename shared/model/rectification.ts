/** rectification (整改事项): a problem found by 巡视/巡察, 督导 or assessment, until 销号. */
import type { z } from 'zod';
import { issue } from './checks';
import { withMeta } from './meta';
import type { FieldLabels } from './meta';
import { Id, IsoDate, LONG_TEXT_MAX, oneOf, requiredText, text, TEXT_MAX } from './primitives';
import { RECTIFICATION_SOURCES, RECTIFICATION_STATUSES } from './vocabulary';

export const RectificationSchema = withMeta({
  source: oneOf(RECTIFICATION_SOURCES, '问题来源'),
  problem: requiredText(TEXT_MAX),
  measures: text(LONG_TEXT_MAX),
  owner: text(100),
  deadline: IsoDate.nullable(),
  status: oneOf(RECTIFICATION_STATUSES, '整改状态'),
  evidence: text(LONG_TEXT_MAX),
  closedOn: IsoDate.nullable(),
  /** The 红黄牌 this item answers (the unit's 整改 of a card; record schema 3), or null. */
  cardId: Id.nullable(),
}).superRefine((r, ctx) => {
  if (r.cardId !== null && r.source !== 'card') issue(ctx, ['source'], '对应红黄牌的整改事项，问题来源应为“红黄牌”');
  if (r.cardId === null && r.source === 'card') issue(ctx, ['cardId'], '问题来源为“红黄牌”的整改事项请选择对应的红黄牌');
  if (r.status === 'closed' && r.closedOn === null) issue(ctx, ['closedOn'], '已销号的整改事项请填写销号日期');
  if (r.status !== 'closed' && r.closedOn !== null) {
    issue(ctx, ['closedOn'], '尚未销号的整改事项不应有销号日期，请清空或将整改状态改为“已销号”');
  }
});
export type Rectification = z.infer<typeof RectificationSchema>;


export const RECTIFICATION_FIELD_LABELS: FieldLabels<Rectification> = {
  source: '问题来源',
  problem: '问题描述',
  measures: '整改措施',
  owner: '责任人',
  deadline: '整改时限',
  status: '整改状态',
  evidence: '佐证材料',
  closedOn: '销号日期',
  cardId: '对应红黄牌',
};
