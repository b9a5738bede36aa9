/**
 * careVisit (走访慰问), commendation (表彰) and publicity (宣传报道; its `level` from record schema 7). A care visit's `reason` may
 * hold health or hardship details: sensitive personal information.
 */
import type { z } from 'zod';
import { withMeta } from './meta';
import type { FieldLabels } from './meta';
import { Fen, IsoDate, requiredText, text, TEXT_MAX } from './primitives';

export const CareVisitSchema = withMeta({
  date: IsoDate,
  visitedName: requiredText(50),
  reason: text(TEXT_MAX),
  visitors: text(),
  amountFen: Fen,
});
export type CareVisit = z.infer<typeof CareVisitSchema>;

export const CARE_VISIT_FIELD_LABELS: FieldLabels<CareVisit> = {
  date: '走访日期',
  visitedName: '慰问对象',
  reason: '慰问事由',
  visitors: '走访人员',
  amountFen: '慰问金额',
};

export const CommendationSchema = withMeta({
  date: IsoDate,
  name: requiredText(),
  honour: requiredText(),
  level: text(50),
});
export type Commendation = z.infer<typeof CommendationSchema>;

export const COMMENDATION_FIELD_LABELS: FieldLabels<Commendation> = {
  date: '表彰日期',
  name: '表彰对象',
  honour: '荣誉名称',
  level: '表彰级别',
};

export const PublicitySchema = withMeta({
  date: IsoDate,
  title: requiredText(),
  outlet: text(),
  /**
   * The outlet's level (中央级/省级/市级/…, any text), record schema 7. Optional so that items
   * written before stay valid: absent reads as not filled in (未填级别), like ''.
   */
  level: text(50).optional(),
});
export type Publicity = z.infer<typeof PublicitySchema>;

export const PUBLICITY_FIELD_LABELS: FieldLabels<Publicity> = {
  date: '刊发日期',
  title: '标题',
  outlet: '刊发媒体',
  level: '媒体级别',
};
