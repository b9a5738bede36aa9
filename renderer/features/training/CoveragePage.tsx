/**
 * 学时与覆盖率 of a year: coverage of members, organisation heads and leadership members against
 * the profile's target (机关条例 §18, §31) with the rule's reason, each member's hours (sortable,
 * with the untrained list), and new heads without induction training. Every figure comes from
 * shared/rules/trainingCoverage.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card, Col, Empty, Input, Radio, Row, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { COMMITTEE_POST_LABELS } from '../../../shared/model/vocabulary';
import { isoDate, minDate } from '../../../shared/rules/dates';
import { organisationOn } from '../../../shared/rules/members/membership';
import { compareNames } from '../../../shared/rules/naturalOrder';
import { treeOrder } from '../../../shared/rules/organisations/organisationTree';
import { chineseDate, percent } from '../../../shared/rules/text';
import { creditedTrainingByMember, type CoverageFigure, type NewHeadWithoutInduction } from '../../../shared/rules/training/trainingCoverage';
import { classesHeldBy } from '../../../shared/rules/training/trainingTodos';
import { todayIso } from '../common/today';
import { useRuleProfile } from '../common/useRuleProfile';
import { useUnitLedger } from '../common/useUnitLedger';
import { coverageOf } from './coverage';
import { useTrainingRecords } from './useTrainingRecords';
import { hoursLabel } from './vocabulary';

interface HoursRow {
  memberId: string;
  name: string;
  organisation: string;
  /** Tree position of the organisation, for sorting. */
  orgRank: number;
  hours: number;
  classes: number;
  trained: boolean;
}

type Show = 'all' | 'untrained' | 'trained';

function FigureCard({ title, figure, names, testId }: { title: string; figure: CoverageFigure; names: ReadonlyMap<string, string>; testId: string }) {
  const colour = figure.share === null ? undefined : figure.metTarget ? '#389e0d' : '#cf1322';
  const untrained = figure.untrainedMemberIds.map((id) => names.get(id) ?? '（未知）');
  return (
    <Card size="small" data-testid={testId} style={{ height: '100%' }}>
      <Statistic title={title} value={figure.share === null ? '—' : percent(figure.share)} styles={{ content: { color: colour } }} />
      <Space size={6} wrap style={{ margin: '4px 0 8px' }}>
        <Typography.Text>
          已参训 {figure.trained} / 应参训 {figure.shouldTrain} 人
        </Typography.Text>
        {figure.share !== null && <Tag color={figure.metTarget ? 'success' : 'error'}>{figure.metTarget ? '达标' : '未达标'}</Tag>}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: untrained.length ? 4 : 0 }} data-testid={`${testId}-reason`}>
        {figure.reason}
      </Typography.Paragraph>
      {untrained.length > 0 && (
        <Typography.Paragraph style={{ marginBottom: 0 }} ellipsis={{ rows: 2, tooltip: untrained.join('、') }}>
          未参训：{untrained.join('、')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

export function CoveragePage() {
  const unit = useUnitLedger();
  const training = useTrainingRecords();
  const profile = useRuleProfile();
  const [params, setParams] = useSearchParams();
  const [show, setShow] = useState<Show>('all');
  const [query, setQuery] = useState('');
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const year = Number(params.get('year') ?? thisYear);

  const facts = useMemo(() => (unit && training ? { ...unit, classes: training.classes, enrolments: training.enrolments } : null), [unit, training]);
  const result = useMemo(() => (facts ? coverageOf(facts, year, today, profile) : null), [facts, year, today, profile]);
  const names = useMemo(() => new Map((unit?.members ?? []).map((m) => [m.id, m.name] as const)), [unit]);
  const orgNames = useMemo(() => new Map((unit?.organisations ?? []).map((o) => [o.id, o.name] as const)), [unit]);

  const rows = useMemo((): HoursRow[] => {
    if (!facts || !result) return [];
    const rank = new Map(treeOrder(facts.organisations).map(({ node }, i) => [node.id, i] as const));
    const credited = creditedTrainingByMember(year, classesHeldBy(facts.classes, today), facts.enrolments);
    const byId = new Map(facts.members.map((m) => [m.id, m] as const));
    return result.memberHours
      .map((h) => {
        const m = byId.get(h.memberId)!;
        const orgId = (m.postings.length === 0 ? m.organisationId : organisationOn(m, result.referenceDate)) ?? m.organisationId;
        return {
          memberId: h.memberId,
          name: m.name,
          organisation: orgNames.get(orgId) ?? '',
          orgRank: rank.get(orgId) ?? Number.MAX_SAFE_INTEGER,
          hours: h.hours,
          classes: credited.get(h.memberId)?.classIds.length ?? 0,
          trained: h.trained,
        };
      })
      .sort((a, b) => a.orgRank - b.orgRank || compareNames(a.name, b.name));
  }, [facts, result, year, today, orgNames]);

  const shown = useMemo(
    () => rows.filter((r) => (show === 'all' || (show === 'trained') === r.trained) && (query.trim() === '' || r.name.includes(query.trim()))),
    [rows, show, query],
  );

  if (!unit || !training || !result) return <Spin description="正在读取…" />;
  if (training.mode !== 'unit') {
    return (
      <Card>
        <Empty description="学时与覆盖率按各单位的党员名册和参训记录统计：某个单位的情况请在“单位”中打开该单位查看，全市的参训覆盖率见“全市概况”。" />
      </Card>
    );
  }

  const years = [...new Set([thisYear, ...training.classes.map((c) => Number(c.startDate.slice(0, 4)))])].sort((a, b) => b - a);
  const yearEnd = isoDate(year, 12, 31);
  const running = minDate(yearEnd, today) !== yearEnd;
  const totalHours = rows.reduce((s, r) => s + r.hours, 0);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap align="center">
        <Select
          style={{ width: 120 }}
          value={year}
          onChange={(y: number) => setParams(y === thisYear ? {} : { year: String(y) }, { replace: true })}
          aria-label="统计年度"
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
        />
        <Typography.Text type="secondary" data-testid="coverage-basis">
          {running
            ? `${year}年进行中：按${chineseDate(result.referenceDate)}在册在职的党员统计，尚未开始的培训班不计入。`
            : `按${chineseDate(result.referenceDate)}在册在职的党员统计（年内调出、退休的不计，调入、新入党的计入）。`}
        </Typography.Text>
      </Space>

      <Row gutter={16}>
        <Col span={8}>
          <FigureCard title="党员培训覆盖率" figure={result.members} names={names} testId="coverage-members" />
        </Col>
        <Col span={8}>
          <FigureCard title="党组织书记培训覆盖率" figure={result.heads} names={names} testId="coverage-heads" />
        </Col>
        <Col span={8}>
          <FigureCard title="领导班子成员培训覆盖率" figure={result.leadership} names={names} testId="coverage-leadership" />
        </Col>
      </Row>

      <Card title="新任党组织书记任职培训" extra={<Typography.Text type="secondary">截至{chineseDate(today)}，任职未满一年者</Typography.Text>}>
        <Table<NewHeadWithoutInduction>
          size="small"
          rowKey={(h) => `${h.memberId}|${h.organisationId}`}
          pagination={false}
          dataSource={result.newHeadsWithoutInduction as NewHeadWithoutInduction[]}
          data-testid="new-heads"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`没有尚未参加${profile.training.inductionCategories.join('或')}的新任书记`} /> }}
          columns={[
            { title: '姓名', key: 'name', width: 100, render: (_, h) => names.get(h.memberId) ?? '（未知）' },
            { title: '党组织', key: 'org', width: 200, render: (_, h) => orgNames.get(h.organisationId) ?? '—' },
            { title: '职务', key: 'post', width: 80, render: (_, h) => COMMITTEE_POST_LABELS[h.post] },
            { title: '任职日期', key: 'from', width: 140, render: (_, h) => chineseDate(h.appointedOn) },
            { title: '说明', dataIndex: 'reason', key: 'reason' },
          ]}
        />
      </Card>

      <Card
        title={`${year}年党员学时`}
        extra={
          <Typography.Text type="secondary">
            合计 {hoursLabel(totalHours)} 学时，人均 {rows.length ? hoursLabel(Math.round((totalHours / rows.length) * 10) / 10) : '—'} 学时
          </Typography.Text>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Radio.Group
            optionType="button"
            value={show}
            onChange={(e) => setShow(e.target.value as Show)}
            aria-label="按参训情况筛选"
            options={[
              { value: 'all', label: `全部（${rows.length}）` },
              { value: 'untrained', label: `未参训（${rows.filter((r) => !r.trained).length}）` },
              { value: 'trained', label: `已参训（${rows.filter((r) => r.trained).length}）` },
            ]}
          />
          <Input.Search allowClear placeholder="查找姓名" style={{ width: 200 }} value={query} onChange={(e) => setQuery(e.target.value)} aria-label="查找党员" />
        </Space>
        <Table<HoursRow>
          size="small"
          rowKey="memberId"
          dataSource={shown}
          data-testid="member-hours"
          pagination={shown.length > 50 ? { defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [50, 100, 200], showTotal: (t) => `共 ${t} 人` } : false}
          locale={{
            emptyText: (
              <Empty
                description={
                  rows.length === 0 ? `${year}年没有应参训的党员。请先在“组织与党员”中登记党员。` : show === 'untrained' ? '全部党员都已参训' : '没有符合条件的党员'
                }
              />
            ),
          }}
          columns={[
            { title: '姓名', dataIndex: 'name', key: 'name', width: 110, sorter: (a, b) => compareNames(a.name, b.name) },
            { title: '所在党组织', dataIndex: 'organisation', key: 'organisation', sorter: (a, b) => a.orgRank - b.orgRank || compareNames(a.name, b.name), render: (o: string) => o || '—' },
            { title: '学时', dataIndex: 'hours', key: 'hours', width: 100, align: 'right', sorter: (a, b) => a.hours - b.hours, render: (h: number) => hoursLabel(h) },
            { title: '参训班次', dataIndex: 'classes', key: 'classes', width: 100, align: 'right', sorter: (a, b) => a.classes - b.classes },
            {
              title: '参训情况',
              key: 'trained',
              width: 100,
              sorter: (a, b) => Number(a.trained) - Number(b.trained),
              render: (_, r) => (r.trained ? <Tag color="success">已参训</Tag> : <Tag color="error">未参训</Tag>),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
