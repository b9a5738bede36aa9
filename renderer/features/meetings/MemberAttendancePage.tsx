/**
 * 党员出勤: each member's attendance rate this year, and the 自行脱党 warning (N consecutive months
 * without organisational life, 党章 §9) with the months listed; with each member's 民主评议 grades
 * over the years.
 */
import { useMemo, useState } from 'react';
import { Alert, Card, Empty, Input, Spin, Switch, Space, Table, Tag, Typography } from 'antd';
import type { Member } from '../../../shared/model/member';
import { memberAttendanceRate, selfWithdrawalWarning, type MemberAttendanceRate, type SelfWithdrawalWarning } from '../../../shared/rules/meetings/attendance';
import { chineseYearMonth } from '../../../shared/rules/text';
import { meetingsByMember } from '../../../shared/rules/meetings/attendanceIndex';
import { appraisalHistoryByMember, appraisalHistoryWords } from '../../../shared/rules/meetings/organisationalLife';
import { todayIso } from '../common/today';
import { useRuleProfile } from '../common/useRuleProfile';
import { useUnitLedger } from '../common/useUnitLedger';
import { useMeetingRecords } from './useMeetingRecords';

interface Row {
  member: Member;
  orgName: string;
  rate: MemberAttendanceRate;
  warning: SelfWithdrawalWarning;
  /** 民主评议 grades by year, in words ('' when never graded). */
  grades: string;
}

export function MemberAttendancePage() {
  const data = useUnitLedger();
  const records = useMeetingRecords();
  const profile = useRuleProfile();
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [query, setQuery] = useState('');
  const asOf = todayIso();
  const rows = useMemo(() => {
    if (!data || !records) return [];
    const orgName = new Map(data.organisations.map((o) => [o.id, o.name]));
    const since = records.meetings.length ? records.meetings[records.meetings.length - 1]!.date : asOf;
    const byMember = meetingsByMember(records.meetings);
    const grades = appraisalHistoryByMember(records.meetings);
    return data.members
      .filter((m) => m.status === 'active')
      .map((member): Row => {
        const meetings = byMember.get(member.id) ?? [];
        return {
          member,
          orgName: orgName.get(member.organisationId) ?? '—',
          rate: memberAttendanceRate({ memberId: member.id, meetings, from: `${asOf.slice(0, 4)}-01-01`, to: asOf }),
          warning: selfWithdrawalWarning({ member, meetings, since, asOf }, profile),
          grades: appraisalHistoryWords(grades.get(member.id) ?? []),
        };
      })
      .sort((a, b) => Number(b.warning.flagged) - Number(a.warning.flagged) || (a.rate.rate ?? 2) - (b.rate.rate ?? 2));
  }, [data, records, profile, asOf]);

  if (!data || !records) return <Spin description="正在读取…" />;
  const flagged = rows.filter((r) => r.warning.flagged);
  const shown = rows.filter((r) => (!onlyFlagged || r.warning.flagged) && (query === '' || r.member.name.includes(query)));

  return (
    <Card title={`${asOf.slice(0, 4)}年党员参加组织生活情况`}>
      {flagged.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="self-withdrawal-alert"
          title={`${flagged.length} 名党员连续 ${profile.selfWithdrawal.months} 个月以上没有参加组织生活，请核实原因（党章第九条：无正当理由连续六个月不参加党的组织生活的，视为自行脱党）。`}
        />
      )}
      <Space style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="姓名" style={{ width: 200 }} value={query} onChange={(e) => setQuery(e.target.value)} aria-label="查找党员" />
        <Switch size="small" checked={onlyFlagged} onChange={setOnlyFlagged} />
        <span>只看预警</span>
      </Space>
      <Table<Row>
        rowKey={(r) => r.member.id}
        dataSource={shown}
        size="middle"
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        data-testid="member-attendance"
        locale={{ emptyText: <Empty description="没有在职党员" /> }}
        columns={[
          { title: '姓名', key: 'name', width: 100, render: (_, r) => r.member.name },
          { title: '所在党组织', key: 'org', render: (_, r) => r.orgName },
          { title: '应参加', key: 'should', width: 80, render: (_, r) => r.rate.shouldAttend },
          { title: '出席', key: 'present', width: 70, render: (_, r) => r.rate.present },
          { title: '出席率', key: 'rate', width: 90, render: (_, r) => (r.rate.rate === null ? '—' : `${Math.round(r.rate.rate * 100)}%`), sorter: (a, b) => (a.rate.rate ?? 2) - (b.rate.rate ?? 2) },
          { title: '民主评议等次', key: 'grades', width: 200, render: (_, r) => r.grades || '—' },
          {
            title: '预警',
            key: 'warning',
            render: (_, r) =>
              r.warning.flagged ? (
                <Space orientation="vertical" size={0}>
                  <Tag color="error">连续 {r.warning.months.length} 个月未参加组织生活</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.warning.months.map((m) => chineseYearMonth(m)).join('、')}
                  </Typography.Text>
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}
