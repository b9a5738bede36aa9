/**
 * cadreExchange (党务干部双向交流): one posting of a cadre between a party-affairs post (党务岗位)
 * and a line post (业务岗位) — the 《意见》 asks units to 推动专职党务干部与行政业务干部的双向交流 and
 * to 加强机关党务干部的任前考察把关. A posting INTO a party-affairs post carries its 任前考察
 * (pre-appointment assessment): date and result; a posting out of one has none.
 *
 * A new table of record schema 7 (shared/bundle/schemaHistory.ts), database version 7.
 */
import type { z } from 'zod';
import { checkOrder } from './checks';
import { withMeta } from './meta';
import type { FieldLabels } from './meta';
import { Id, IsoDate, oneOf, requiredText, text, TEXT_MAX } from './primitives';

/** 业务岗位→党务岗位 (takes up party-affairs work) and 党务岗位→业务岗位 (leaves it for a line post). */
export const CADRE_EXCHANGE_DIRECTIONS = ['toPartyAffairs', 'toLine'] as const;
export type CadreExchangeDirection = (typeof CADRE_EXCHANGE_DIRECTIONS)[number];
export const CADRE_EXCHANGE_DIRECTION_LABELS: Readonly<Record<CadreExchangeDirection, string>> = {
  toPartyAffairs: '业务岗位→党务岗位',
  toLine: '党务岗位→业务岗位',
};

export const CadreExchangeSchema = withMeta({
  /** 交流（任职）日期. */
  date: IsoDate,
  personName: requiredText(50),
  /** The member on the unit's roster, when the cadre is one of its members; null otherwise. */
  memberId: Id.nullable(),
  direction: oneOf(CADRE_EXCHANGE_DIRECTIONS, '交流方向（业务岗位→党务岗位/党务岗位→业务岗位）'),
  fromPost: text(100),
  toPost: text(100),
  /** 任前考察日期: only for a posting into a party-affairs post; null when not (yet) recorded. */
  vettedOn: IsoDate.nullable(),
  /** 任前考察结果和情况. */
  vettingResult: text(TEXT_MAX),
  note: text(TEXT_MAX),
}).superRefine((r, ctx) => {
  checkOrder(ctx, r.vettedOn, r.date, ['vettedOn'], '任前考察应在任职之前进行：任前考察日期不能晚于交流（任职）日期，请核对');
});
export type CadreExchange = z.infer<typeof CadreExchangeSchema>;

export const CADRE_EXCHANGE_FIELD_LABELS: FieldLabels<CadreExchange> = {
  date: '交流日期',
  personName: '姓名',
  memberId: '党员',
  direction: '交流方向',
  fromPost: '原岗位',
  toPost: '交流后岗位',
  vettedOn: '任前考察日期',
  vettingResult: '任前考察结果',
  note: '备注',
};
