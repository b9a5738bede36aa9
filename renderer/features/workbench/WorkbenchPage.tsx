/**
 * 工作台: the unit's home — counts, terms in yellow/red, the 专职党务干部 ratio against 1–2%, and
 * the to-do list the rules produce.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useScopedNavigate, useUnitScope } from '../common/unitScope';
import { Alert, Card, Col, Collapse, Empty, List, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { cadreRatio } from '../../../shared/rules/organisations/cadreRatio';
import { basisPointsPercent, chineseDate } from '../../../shared/rules/text';
import { memberCounts } from '../../../shared/rules/organisations/setupHints';
import { cadreRatioTodos, conversionTodos, sortTodos, splitAtLedgerStart, termTodos, todosByArea, type TodoItem } from '../../../shared/rules/todos';
import { ledgerStart } from '../../db/queries/workspace';
import { useAppQuery } from '../common/useAppQuery';
import { termLight } from '../../../shared/rules/organisations/termLight';
import { todayIso } from '../common/today';
import { useRuleProfile } from '../common/useRuleProfile';
import { useUnitLedger } from '../common/useUnitLedger';

const AREA_PATH: Record<TodoItem['area'], string> = {
  organisations: '/organisations',
  members: '/organisations/members',
  meetings: '/meetings',
  training: '/training',
  projects: '/projects',
  duties: '/duties',
  rectification: '/rectification',
  funds: '/funds',
  care: '/care',
  sync: '/sync',
  backup: '/settings',
};

/** The to-do groups, in the order of the areas in the sidebar. */
const AREA_LABEL: Record<TodoItem['area'], string> = {
  organisations: '组织与换届',
  members: '党员',
  meetings: '三会一课',
  training: '教育培训',
  projects: '书记项目',
  duties: '三级五岗',
  rectification: '整改落实',
  funds: '经费保障',
  care: '关怀激励',
  sync: '同步',
  backup: '数据备份',
};

const AREA_ORDER = Object.keys(AREA_LABEL) as TodoItem['area'][];

const SEVERITY_TAG: Record<TodoItem['severity'], { color: string; text: string }> = {
  high: { color: 'error', text: '紧急' },
  medium: { color: 'warning', text: '提醒' },
  low: { color: 'default', text: '一般' },
};

/**
 * `areaTodos`: the to-dos the other areas contribute (meetings owed, training gaps, …), each from
 * its area's hook over its rules in shared/rules; renderer/App.tsx gathers them, so that the
 * workbench imports no other feature. `inbox`: the 工委's notices and cards to the unit, shown
 * above the to-dos (composed there too).
 */
/** To-dos shown at a time in one area's group. */
const TODOS_PER_PAGE = 20;

export function WorkbenchPage({ areaTodos, inbox }: { areaTodos: readonly TodoItem[]; inbox?: ReactNode }) {
  const data = useUnitLedger();
  const profile = useRuleProfile();
  const navigate = useScopedNavigate();
  const { readOnly } = useUnitScope();
  const asOf = todayIso();
  // 台账起始日期: periods that ended before it are not shouted about (the committee's view lists all)
  const startedOn = useAppQuery(ledgerStart);
  const start = readOnly ? null : (startedOn ?? null);
  // the to-do groups the cadre has folded away (all open at first)
  const [folded, setFolded] = useState<ReadonlySet<TodoItem['area']>>(() => new Set());

  const figures = useMemo(() => {
    if (!data?.unit) return null;
    const liveOrgs = data.organisations.filter((o) => !o.dissolvedOn);
    const onRoll = data.members.filter((m) => m.status === 'active' || m.status === 'retired');
    const lights = liveOrgs
      .map((o) => termLight({ organisation: o, elections: data.elections, asOf }, profile))
      .filter((r) => r.applicable);
    const ratio = cadreRatio({ staffCount: data.unit.staffCount, members: data.members }, profile);
    const { shown: todos, before } = splitAtLedgerStart(
      sortTodos([
        ...termTodos(liveOrgs, data.elections, asOf, profile),
        ...conversionTodos(data.members, asOf),
        ...cadreRatioTodos({ staffCount: data.unit.staffCount, members: data.members }, profile),
        ...areaTodos,
      ]),
      start,
    );
    const tops = liveOrgs.filter((o) => o.parentId === null);
    const total = tops.reduce((n, o) => n + memberCounts(o.id, liveOrgs, data.members, asOf).total, 0);
    return {
      organisations: liveOrgs.length,
      members: total || onRoll.length,
      probationary: onRoll.filter((m) => m.membership === 'probationary').length,
      red: lights.filter((r) => r.light === 'red').length,
      yellow: lights.filter((r) => r.light === 'yellow').length,
      ratio,
      todos,
      beforeStart: before.length,
    };
  }, [data, profile, asOf, areaTodos, start]);

  if (!data) return <Spin description="正在读取…" />;
  if (!data.unit || !figures) {
    return (
      <Card>
        <Empty description={readOnly ? "该单位尚未报送单位信息（同步包中没有单位记录）。" : "工作台显示本单位的概况和待办事项。请先在“设置”中完成单位信息。"} />
      </Card>
    );
  }
  const { ratio } = figures;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {data.unit.name} · {readOnly ? '概况' : '工作台'}
        <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 12 }}>
          {chineseDate(asOf)}
        </Typography.Text>
      </Typography.Title>
      {figures.organisations === 0 && (
        <Alert
          type="info"
          showIcon
          title={readOnly ? "该单位报送的数据中还没有党组织。" : "开始使用：请先到“组织与党员 → 组织树”建立本单位的党组织，再登记或导入党员。"}
          action={readOnly ? undefined : <Typography.Link onClick={() => void navigate('/organisations')}>去建立</Typography.Link>}
        />
      )}
      <Row gutter={16}>
        <Col span={6}>
          <Card data-testid="stat-organisations">
            <Statistic title="党组织" value={figures.organisations} suffix="个" />
          </Card>
        </Col>
        <Col span={6}>
          <Card data-testid="stat-members">
            <Statistic title="党员" value={figures.members} suffix="人" />
            <Typography.Text type="secondary">其中预备党员 {figures.probationary} 人</Typography.Text>
          </Card>
        </Col>
        <Col span={6}>
          <Card data-testid="stat-terms">
            <Statistic title="换届预警（红 / 黄）" value={`${figures.red} / ${figures.yellow}`} styles={{ content: { color: figures.red ? '#cf1322' : figures.yellow ? '#d48806' : undefined } }} />
            <Typography.Link onClick={() => void navigate('/organisations/terms')}>查看三色预警</Typography.Link>
          </Card>
        </Col>
        <Col span={6}>
          <Card data-testid="stat-cadre-ratio">
            <Statistic
              title="专职党务干部占比"
              value={(ratio.ratio * 100).toFixed(2)}
              suffix="%"
              styles={{ content: { color: ratio.state === 'below' ? '#cf1322' : undefined } }}
            />
            <Space size={4}>
              <Tag color={ratio.state === 'below' ? 'error' : ratio.state === 'above' ? 'warning' : 'success'} data-testid="cadre-ratio-state">
                {ratio.state === 'below'
                  ? `低于${basisPointsPercent(profile.cadreRatio.minBasisPoints)}`
                  : ratio.state === 'above'
                    ? `高于${basisPointsPercent(profile.cadreRatio.maxBasisPoints)}`
                    : `符合${basisPointsPercent(profile.cadreRatio.minBasisPoints)}—${basisPointsPercent(profile.cadreRatio.maxBasisPoints)}`}
              </Tag>
              <Typography.Text type="secondary">
                {ratio.fullTimeCount} / {ratio.staffCount} 人
              </Typography.Text>
            </Space>
          </Card>
        </Col>
      </Row>
      {ratio.state === 'below' && <Alert type="warning" showIcon title={ratio.reason} data-testid="cadre-ratio-warning" />}
      {inbox}
      <Card title={`待办事项（${figures.todos.length}）`}>
        {start !== null && figures.beforeStart > 0 && (
          <Typography.Paragraph type="secondary" data-testid="todo-before-start">
            另有 {figures.beforeStart} 项属于台账起始日期（{chineseDate(start)}）之前的期间，不再提示；这些期间的记录可以补录，但不是必须。起始日期可在“设置”中修改。
          </Typography.Paragraph>
        )}
        <div data-testid="todo-list">
          {figures.todos.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待办事项" />
          ) : (
            // grouped by area, every group open (also one whose area's to-dos arrive later): the
            // cadre folds away what they have seen
            <Collapse
              ghost
              activeKey={todosByArea(figures.todos, AREA_ORDER)
                .map((g) => g.area)
                .filter((a) => !folded.has(a))}
              onChange={(keys) => {
                const open = new Set(Array.isArray(keys) ? keys : [keys]);
                const shown = todosByArea(figures.todos, AREA_ORDER).map((g) => g.area);
                setFolded((before) => new Set([...[...before].filter((a) => !shown.includes(a)), ...shown.filter((a) => !open.has(a))]));
              }}
              items={todosByArea(figures.todos, AREA_ORDER).map((group) => {
                const urgent = group.items.filter((t) => t.severity === 'high').length;
                return {
                  key: group.area,
                  label: (
                    <Space data-testid={`todo-group-${group.area}`}>
                      <Typography.Text strong>{AREA_LABEL[group.area]}</Typography.Text>
                      <Typography.Text type="secondary">{group.items.length} 项</Typography.Text>
                      {urgent > 0 && <Tag color="error">紧急 {urgent}</Tag>}
                    </Space>
                  ),
                  children: (
                    <List
                      dataSource={group.items}
                      // most urgent first; a large unit can owe hundreds (every organisation × period): 20 at a time
                      pagination={group.items.length > TODOS_PER_PAGE ? { pageSize: TODOS_PER_PAGE, size: 'small', showSizeChanger: false, showTotal: (n) => `共 ${n} 项` } : false}
                      renderItem={(item) => (
                        <List.Item
                          actions={[
                            <Typography.Link key="go" onClick={() => void navigate(item.link ?? AREA_PATH[item.area])}>
                              去处理
                            </Typography.Link>,
                          ]}
                        >
                          <List.Item.Meta
                            title={
                              <Space>
                                <Tag color={SEVERITY_TAG[item.severity].color}>{SEVERITY_TAG[item.severity].text}</Tag>
                                {item.title}
                              </Space>
                            }
                            description={item.detail}
                          />
                        </List.Item>
                      )}
                    />
                  ),
                };
              })}
            />
          )}
        </div>
      </Card>
    </Space>
  );
}
