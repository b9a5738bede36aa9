/**
 * 完成情况日历: for one organisation and year, months (and quarters, and the year) × kinds; each
 * cell held / owed / not yet due, from the rule profile. A cell shows its meetings or starts one.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useScopedNavigate, useUnitScope } from '../common/unitScope';
import { Button, Card, Empty, List, Modal, Progress, Select, Space, Spin, Tag, TreeSelect, Typography } from 'antd';
import type { Meeting } from '../../../shared/model/meeting';
import { MEETING_KIND_LABELS } from '../../../shared/model/vocabulary';
import type { KindCompliance, PeriodCompliance, PeriodState } from '../../../shared/rules/meetings/meetingCompliance';
import { unitMeetingCompliance } from '../../../shared/rules/meetings/unitCompliance';
import { todayIso } from '../common/today';
import { useRuleProfile } from '../common/useRuleProfile';
import { useUnitLedger } from '../common/useUnitLedger';
import { organisationTreeSelectData } from '../common/organisationTreeSelect';
import { useMeetingRecords } from './useMeetingRecords';

const STATE_STYLE: Record<PeriodState, { background: string; color: string; text: string }> = {
  held: { background: '#f6ffed', color: '#389e0d', text: '已开' },
  owed: { background: '#fff1f0', color: '#cf1322', text: '欠' },
  notYetDue: { background: '#fafafa', color: '#8c8c8c', text: '未到期' },
  notApplicable: { background: '#ffffff', color: '#d9d9d9', text: '—' },
};

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

interface Selected {
  kind: KindCompliance;
  period: PeriodCompliance;
}

export function ComplianceCalendarPage() {
  const data = useUnitLedger();
  const records = useMeetingRecords();
  const profile = useRuleProfile();
  const navigate = useScopedNavigate();
  const { readOnly } = useUnitScope();
  const [params, setParams] = useSearchParams();
  const asOf = todayIso();
  const [year, setYear] = useState(Number(asOf.slice(0, 4)));
  const [selected, setSelected] = useState<Selected | null>(null);
  const organisations = useMemo(() => (data?.organisations ?? []).filter((o) => !o.dissolvedOn || o.dissolvedOn > `${year}-01-01`), [data, year]);
  const orgId = params.get('org') ?? organisations.find((o) => o.kind === 'branch')?.id ?? organisations[0]?.id;
  const treeData = useMemo(() => organisationTreeSelectData(organisations), [organisations]);
  const org = organisations.find((o) => o.id === orgId);

  const result = useMemo(() => {
    if (!data || !records || !org) return null;
    return unitMeetingCompliance([org], data.seats, records.byOrganisation, year, asOf, profile)[0]?.result ?? null;
  }, [data, records, org, year, asOf, profile]);

  if (!data || !records) return <Spin description="正在读取…" />;
  if (!org) return <Card><Empty description="请先建立党组织" /></Card>;

  const meetingsIn = (s: Selected): Meeting[] =>
    (records.byOrganisation.get(org.id) ?? []).filter((m) => m.kind === s.kind.kind && m.date >= s.period.period.start && m.date <= s.period.period.end);

  function record(s: Selected) {
    const p = s.period.period;
    const date = asOf >= p.start && asOf <= p.end ? asOf : p.start;
    void navigate(`/meetings/record?org=${org!.id}&kind=${s.kind.kind}&date=${date}`);
  }

  const cell = (kind: KindCompliance, period: PeriodCompliance, span: number) => {
    const st = STATE_STYLE[period.state];
    return (
      <td key={period.period.key} colSpan={span} style={{ padding: 2 }}>
        <button
          type="button"
          onClick={() => setSelected({ kind, period })}
          title={period.reason}
          aria-label={`${MEETING_KIND_LABELS[kind.kind]} ${period.period.label}：${st.text}`}
          data-state={period.state}
          data-period={period.period.key}
          data-kind={kind.kind}
          style={{ width: '100%', minHeight: 40, border: `1px solid ${st.color}33`, borderRadius: 4, background: st.background, color: st.color, cursor: 'pointer', fontSize: 12 }}
        >
          {period.state === 'notApplicable' ? '—' : `${period.held}/${period.required}`}
          <div>{st.text}</div>
        </button>
      </td>
    );
  };

  const rate = result?.completion.rate;
  return (
    <Card
      title="三会一课完成情况"
      extra={
        <Space>
          <TreeSelect style={{ width: 240 }} treeData={treeData as never} treeDefaultExpandAll value={org.id} onChange={(v: string) => setParams({ org: v })} aria-label="党组织" />
          <Select style={{ width: 100 }} value={year} onChange={setYear} options={[year - 1, year, year + 1].filter((y) => y <= Number(asOf.slice(0, 4))).map((y) => ({ value: y, label: `${y}年` }))} aria-label="年份" />
        </Space>
      }
    >
      <Space style={{ marginBottom: 16 }} size={24} align="center">
        <Typography.Text strong>{org.name}</Typography.Text>
        <span data-testid="completion-rate">
          本年度完成率：
          {rate === null || rate === undefined ? '尚无到期任务' : <Progress percent={Math.round(rate * 100)} size="small" style={{ width: 200, display: 'inline-flex' }} status={rate < 1 ? 'exception' : 'success'} format={(p) => `${p}%`} />}
        </span>
        <Space size={4}>
          {(['held', 'owed', 'notYetDue'] as const).map((s) => (
            <Tag key={s} style={{ background: STATE_STYLE[s].background, color: STATE_STYLE[s].color }}>
              {STATE_STYLE[s].text}
            </Tag>
          ))}
        </Space>
      </Space>
      {result && result.kinds.length > 0 ? (
        <div style={{ overflowX: 'auto' }}>
          <table style={{ width: '100%', borderCollapse: 'separate', borderSpacing: 0, tableLayout: 'fixed' }} data-testid="compliance-calendar">
            <thead>
              <tr>
                <th style={{ width: 150, textAlign: 'left', padding: 4 }}>会议类型</th>
                {MONTHS.map((m) => (
                  <th key={m} style={{ padding: 4, fontWeight: 500 }}>{m}月</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.kinds.map((k) => (
                <tr key={k.kind}>
                  <th style={{ textAlign: 'left', padding: 4, fontWeight: 500 }} title={k.basis}>
                    {MEETING_KIND_LABELS[k.kind]}
                    <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                      每{k.periodKind === 'month' ? '月' : k.periodKind === 'quarter' ? '季度' : '年'} {k.requiredPerPeriod} 次
                    </div>
                  </th>
                  {k.periods.map((p) => cell(k, p, k.periodKind === 'month' ? 1 : k.periodKind === 'quarter' ? 3 : 12))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Empty description="按规则，该党组织本年度没有规定次数的会议（如党小组以外的党总支）" />
      )}
      <Modal
        open={selected !== null}
        title={selected ? `${org.name} · ${MEETING_KIND_LABELS[selected.kind.kind]} · ${selected.period.period.label}` : ''}
        onCancel={() => setSelected(null)}
        footer={[
          <Button key="close" onClick={() => setSelected(null)}>关闭</Button>,
          ...(readOnly
            ? []
            : [
                <Button key="record" type="primary" disabled={selected?.period.state === 'notApplicable'} onClick={() => selected && record(selected)}>
                  记录一次{selected ? MEETING_KIND_LABELS[selected.kind.kind] : ''}
                </Button>,
              ]),
        ]}
      >
        {selected && (
          <>
            <Typography.Paragraph>{selected.period.reason}</Typography.Paragraph>
            <List
              size="small"
              dataSource={meetingsIn(selected)}
              locale={{ emptyText: '本期没有记录' }}
              renderItem={(m) => (
                <List.Item actions={readOnly ? [] : [<Button key="edit" type="link" size="small" onClick={() => void navigate(`/meetings/edit/${m.id}`)}>打开</Button>]}>
                  {m.date} {m.topics[0] ?? ''}
                </List.Item>
              )}
            />
          </>
        )}
      </Modal>
    </Card>
  );
}
