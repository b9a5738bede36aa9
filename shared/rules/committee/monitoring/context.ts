/** What every indicator of one unit and one quarter is computed from, and the labels of the records it points to. */
import { MEETING_KIND_LABELS } from '../../../model/vocabulary';
import type { Meeting } from '../../../model';
import { compareIsoDates, type IsoDate } from '../../dates';
import type { RuleProfile } from '../../profile';
import { chineseDate } from '../../text';
import type { QuarterRef } from './quarter';
import type { RecordRef } from './types';
import type { LiveUnitRecords } from './unitRecords';

export interface IndicatorContext {
  readonly unitId: string;
  readonly quarter: QuarterRef;
  /** min(last day of the quarter, today). */
  readonly judgedOn: IsoDate;
  /** min(day after the quarter, today): meetingCompliance's asOf. */
  readonly meetingsAsOf: IsoDate;
  readonly profile: RuleProfile;
  readonly records: LiveUnitRecords;
}

/** Organisations that existed on at least one day of the quarter (founded by its end, not dissolved by its start). */
export function organisationsOfQuarter(ctx: IndicatorContext): LiveUnitRecords['organisations'] {
  const { start, end } = ctx.quarter.period;
  return ctx.records.organisations.filter(
    (o) => (o.foundedOn === null || compareIsoDates(o.foundedOn, end) <= 0) && (o.dissolvedOn === null || compareIsoDates(o.dissolvedOn, start) > 0),
  );
}

export const NO_ORGANISATIONS = '该单位本季度没有已录入的党组织（尚未报送党组织信息），不能计分';

export function organisationName(ctx: IndicatorContext, id: string): string {
  return ctx.records.organisations.find((o) => o.id === id)?.name ?? '（已删除的党组织）';
}

export function organisationRef(ctx: IndicatorContext, id: string): RecordRef {
  return { table: 'organisation', id, label: organisationName(ctx, id) };
}

export function meetingRef(ctx: IndicatorContext, m: Pick<Meeting, 'id' | 'organisationId' | 'kind' | 'date'>): RecordRef {
  return { table: 'meeting', id: m.id, label: `${organisationName(ctx, m.organisationId)}${MEETING_KIND_LABELS[m.kind]}（${chineseDate(m.date)}）` };
}
