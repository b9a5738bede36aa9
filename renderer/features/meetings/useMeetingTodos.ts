/** The workbench's "meetings owed this month/quarter" to-dos, from the compliance rule. */
import { useMemo } from 'react';
import { MEETING_KIND_LABELS } from '../../../shared/model/vocabulary';
import type { TodoItem } from '../../../shared/rules/todos';
import { owedAround, unitMeetingCompliance } from '../../../shared/rules/meetings/unitCompliance';
import { todayIso } from '../common/today';
import { useRuleProfile } from '../common/useRuleProfile';
import { useUnitLedger } from '../common/useUnitLedger';
import { useMeetingRecords } from './useMeetingRecords';

export function useMeetingTodos(): TodoItem[] {
  const data = useUnitLedger();
  const records = useMeetingRecords();
  const profile = useRuleProfile();
  return useMemo(() => {
    if (!data || !records) return [];
    const asOf = todayIso();
    const rows = unitMeetingCompliance(data.organisations.filter((o) => !o.dissolvedOn), data.seats, records.byOrganisation, Number(asOf.slice(0, 4)), asOf, profile);
    const items: TodoItem[] = [];
    for (const { organisation, result } of rows)
      for (const owed of owedAround(result, asOf)) {
        const kind = MEETING_KIND_LABELS[owed.kind.kind];
        const left = owed.period.required - owed.period.held;
        items.push({
          key: `meeting:${organisation.id}:${owed.kind.kind}:${owed.period.period.key}`,
          area: 'meetings',
          severity: owed.current ? 'medium' : 'high',
          title: owed.current ? `${organisation.name}：${owed.period.period.label}尚未召开${kind}` : `${organisation.name}：${owed.period.period.label}${kind}未完成`,
          detail: owed.current
            ? `按规定每${owed.kind.periodKind === 'month' ? '月' : owed.kind.periodKind === 'quarter' ? '季度' : '年'}至少 ${owed.kind.requiredPerPeriod} 次，本期还差 ${left} 次，请在${owed.period.period.end.slice(5).replace('-', '月')}日前召开并记录。`
            : `${owed.period.reason}。如已召开，请补录会议记录。`,
          due: owed.period.period.end,
          periodEnd: owed.period.period.end,
        });
      }
    return items;
  }, [data, records, profile]);
}
