/** 换届三色预警: every organisation with a term, green/yellow/red, days left or overdue, the reason in words. */
import { useMemo } from 'react';
import { Card, Empty, Space, Spin, Statistic, Table, Tag } from 'antd';
import type { Organisation } from '../../../shared/model/organisation';
import { ORGANISATION_KIND_LABELS, type TermLight } from '../../../shared/model/vocabulary';
import { termLight, type TermLightResult } from '../../../shared/rules/organisations/termLight';
import { chineseDate } from '../../../shared/rules/text';
import { TermLightTag } from '../common/TermLightTag';
import { todayIso } from '../common/today';
import { useRuleProfile } from '../common/useRuleProfile';
import { useUnitLedger } from '../common/useUnitLedger';
import { compareChinese } from '../../../shared/rules/collation';

interface Row {
  org: Organisation;
  result: TermLightResult;
}

const ORDER: Record<TermLight, number> = { red: 0, yellow: 1, green: 2 };

/** Red first, then yellow, then green; within a colour the least time left first. */
export function compareTermRows(a: Row, b: Row): number {
  return ORDER[a.result.light] - ORDER[b.result.light] || (a.result.daysLeft ?? -1e9) - (b.result.daysLeft ?? -1e9);
}

function daysText(r: TermLightResult): string {
  if (r.daysLeft === null) return '—';
  if (r.daysLeft < 0) return `逾期 ${-r.daysLeft} 天`;
  if (r.daysLeft === 0) return '今日届满';
  return `剩 ${r.daysLeft} 天`;
}

export function TermBoardPage() {
  const data = useUnitLedger();
  const profile = useRuleProfile();
  const rows = useMemo(() => {
    if (!data) return [];
    const asOf = todayIso();
    const out: Row[] = [];
    for (const org of data.organisations) {
      const result = termLight({ organisation: org, elections: data.elections, asOf }, profile);
      if (result.applicable) out.push({ org, result });
    }
    return out.sort(compareTermRows);
  }, [data, profile]);
  if (!data) return <Spin description="正在读取…" />;
  const count = (l: TermLight) => rows.filter((r) => r.result.light === l).length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space size={16}>
        <Card size="small" style={{ width: 160 }}>
          <Statistic title="红色（已到期未换届）" value={count('red')} styles={{ content: { color: '#cf1322' } }} />
        </Card>
        <Card size="small" style={{ width: 160 }}>
          <Statistic title={`黄色（${profile.terms.reminderMonths}个月内到期）`} value={count('yellow')} styles={{ content: { color: '#d48806' } }} />
        </Card>
        <Card size="small" style={{ width: 160 }}>
          <Statistic title="绿色" value={count('green')} styles={{ content: { color: '#389e0d' } }} />
        </Card>
      </Space>
      <Card title="换届三色预警">
        <Table<Row>
          rowKey={(r) => r.org.id}
          dataSource={rows}
          pagination={false}
          data-testid="term-board"
          locale={{ emptyText: <Empty description="还没有需要换届的党组织。请先在“组织树”中建立党组织并录入任期。" /> }}
          columns={[
            {
              title: '预警',
              key: 'light',
              width: 80,
              render: (_, r) => <TermLightTag light={r.result.light} />,
              sorter: compareTermRows,
              defaultSortOrder: 'ascend',
            },
            { title: '党组织', key: 'name', render: (_, r) => r.org.name, sorter: (a, b) => compareChinese(a.org.name, b.org.name) },
            { title: '类别', key: 'kind', width: 100, render: (_, r) => ORGANISATION_KIND_LABELS[r.org.kind] },
            { title: '届满日期', key: 'termEnd', width: 140, render: (_, r) => chineseDate(r.result.termEnd), sorter: (a, b) => (a.result.termEnd ?? '').localeCompare(b.result.termEnd ?? '') },
            {
              title: '剩余/逾期',
              key: 'days',
              width: 120,
              render: (_, r) => (r.result.daysLeft !== null && r.result.daysLeft < 0 ? <Tag color="error">{daysText(r.result)}</Tag> : daysText(r.result)),
              sorter: (a, b) => (a.result.daysLeft ?? -1e9) - (b.result.daysLeft ?? -1e9),
            },
            { title: '说明', key: 'reason', render: (_, r) => r.result.reason },
          ]}
        />
      </Card>
    </Space>
  );
}
