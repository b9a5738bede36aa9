/** 全单位概览: every organisation's completion rate this year, worst first. */
import { useMemo } from 'react';
import { useScopedNavigate } from '../common/unitScope';
import { Card, Empty, Progress, Spin, Table, Typography } from 'antd';
import { MEETING_KIND_LABELS, ORGANISATION_KIND_LABELS } from '../../../shared/model/vocabulary';
import { combineCompletion } from '../../../shared/rules/meetings/meetingCompliance';
import { unitMeetingCompliance, worstFirst, type OrganisationCompliance } from '../../../shared/rules/meetings/unitCompliance';
import type { Organisation } from '../../../shared/model/organisation';
import { todayIso } from '../common/today';
import { useRuleProfile } from '../common/useRuleProfile';
import { useUnitLedger } from '../common/useUnitLedger';
import { useMeetingRecords } from './useMeetingRecords';

export function UnitOverviewPage() {
  const data = useUnitLedger();
  const records = useMeetingRecords();
  const profile = useRuleProfile();
  const navigate = useScopedNavigate();
  const asOf = todayIso();
  const year = Number(asOf.slice(0, 4));
  const rows = useMemo(() => {
    if (!data || !records) return [];
    return worstFirst(unitMeetingCompliance(data.organisations, data.seats, records.byOrganisation, year, asOf, profile)).filter((r) => r.result.completion.due > 0);
  }, [data, records, year, asOf, profile]);
  if (!data || !records) return <Spin description="正在读取…" />;
  const total = combineCompletion(rows.map((r) => r.result));

  return (
    <Card title={`${year}年各党组织“三会一课”完成情况`} extra={total.rate !== null && <Typography.Text>全单位完成率 {Math.round(total.rate * 100)}%（{total.met}/{total.due}）</Typography.Text>}>
      <Table<OrganisationCompliance<Organisation>>
        rowKey={(r) => r.organisation.id}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        data-testid="unit-overview"
        locale={{ emptyText: <Empty description="本年度还没有到期的会议任务" /> }}
        onRow={(r) => ({ onClick: () => void navigate(`/meetings/calendar?org=${r.organisation.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '党组织', key: 'name', render: (_, r) => r.organisation.name },
          { title: '类别', key: 'kind', width: 110, render: (_, r) => ORGANISATION_KIND_LABELS[r.organisation.kind] },
          {
            title: '完成率',
            key: 'rate',
            width: 260,
            render: (_, r) => <Progress percent={Math.round((r.result.completion.rate ?? 0) * 100)} size="small" status={(r.result.completion.rate ?? 0) < 1 ? 'exception' : 'success'} format={(p) => `${p}%`} />,
          },
          { title: '已完成 / 应完成', key: 'count', width: 140, render: (_, r) => `${r.result.completion.met} / ${r.result.completion.due}` },
          {
            title: '欠缺',
            key: 'owed',
            render: (_, r) =>
              r.result.kinds
                .filter((k) => k.met < k.due)
                .map((k) => `${MEETING_KIND_LABELS[k.kind]}欠 ${k.due - k.met} 次`)
                .join('，') || '—',
          },
        ]}
      />
    </Card>
  );
}

