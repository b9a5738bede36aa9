/**
 * 督导检查 (the committee): its 联系组's visits to the units — 调研、座谈、抽查、下沉指导 — each with date,
 * unit, people, what was found and the follow-up items (整改要求), and the 日常指导评价 given at the visit
 * (0–100, optional: counted in the quarterly score where the profile has it). Filtered by year and unit, searched;
 * recorded, corrected and deleted (with a confirm) in a drawer. Each follow-up item can
 *   - 下发单位整改: sent to the unit as a notice (what a return bundle carries to a unit today), which
 *     asks it to enter the item in its 整改落实 ledger with source 督导;
 *   - 据此发放红黄牌: open the card drawer prefilled with the unit, a 事由 and 依据 naming the visit,
 *     and the visit itself linked (`card.visitId`, record schema 7).
 * Visits stay with the committee: return bundles do not carry them. `?visit=<id>` (the link on a
 * card issued on a visit, or on a point lost in 季度考核) shows that one visit, opened, with a way back to all of them.
 */
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, App, Button, Empty, Input, List, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { SUPERVISION_VISIT_KIND_LABELS } from '../../../shared/model/vocabulary';
import { cardTextsFromFollowUp, rectificationNotice, visitName } from '../../../shared/rules/committee/supervisionVisits';
import { quarterOf, yearOf } from '../../../shared/rules/dates';
import { chineseDate } from '../../../shared/rules/text';
import { sendNotice } from '../../db/accountabilityRepository';
import { supervisionRegister } from '../../db/queries/supervision';
import { deleteSupervisionVisit } from '../../db/supervisionRepository';
import { todayIso } from '../common/today';
import { useAppQuery } from '../common/useAppQuery';
import { useWriteAction } from '../common/useWriteAction';
import { IssueCardDrawer, type CardDraft } from './IssueCardDrawer';
import { SupervisionVisitDrawer, type VisitDrawerState } from './SupervisionVisitDrawer';
import { filterVisitRows, visitRows, visitYears, type VisitRow } from './supervisionVisitRows';

const NOT_ACTIVE = '该单位尚未启用（第一个同步包未导入确认）或已被吊销，不能向其下发整改要求或亮牌。';

function FollowUps({ row, onCard, onSend }: { row: VisitRow; onCard: (text: string) => void; onSend: (text: string) => void }) {
  return (
    <div style={{ padding: '4px 8px' }} data-testid="visit-detail">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
        <Typography.Text strong>发现问题：</Typography.Text>
        {row.findings || <Typography.Text type="secondary">（未填写）</Typography.Text>}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Typography.Text strong>日常指导评价：</Typography.Text>
        {row.visit.guidanceScore === undefined ? (
          <Typography.Text type="secondary">本次未评价（不计入季度考核的日常指导评价）</Typography.Text>
        ) : (
          `${row.visit.guidanceScore} 分（规则版本计入日常指导评价的，计入${yearOf(row.visit.date)}年第${quarterOf(row.visit.date)}季度考核）`
        )}
      </Typography.Paragraph>
      {row.followUps.length === 0 ? (
        <Typography.Text type="secondary">没有整改要求。需要单位整改的，点击“修改”逐条填写整改要求。</Typography.Text>
      ) : (
        <List
          size="small"
          header={<Typography.Text strong>整改要求</Typography.Text>}
          dataSource={[...row.followUps]}
          renderItem={(f, i) => (
            <List.Item
              actions={[
                f.sentOn ? (
                  <Tag key="sent" color="success">
                    已于{chineseDate(f.sentOn)}下发单位
                  </Tag>
                ) : (
                  <Tooltip key="send" title={row.unitActive ? '以通知下发，随该单位的下一个回执送达；单位据此建立整改事项（问题来源：督导）' : NOT_ACTIVE}>
                    <Button size="small" disabled={!row.unitActive} onClick={() => onSend(f.text)} aria-label={`下发单位整改：${f.text}`}>
                      下发单位整改
                    </Button>
                  </Tooltip>
                ),
                <Tooltip key="card" title={row.unitActive ? '打开亮牌，事由和依据写明本次督导' : NOT_ACTIVE}>
                  <Button size="small" disabled={!row.unitActive} onClick={() => onCard(f.text)} aria-label={`据此发放红黄牌：${f.text}`}>
                    据此发放红黄牌
                  </Button>
                </Tooltip>,
              ]}
            >
              <Space size={8} wrap>
                <span>
                  {i + 1}. {f.text}
                </span>
                {f.carded && <Tag color="warning">已据此亮牌</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

export function SupervisionVisitsPage() {
  const register = useAppQuery(supervisionRegister);
  const { modal } = App.useApp();
  const run = useWriteAction();
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState<number | null>(thisYear);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [drawer, setDrawer] = useState<VisitDrawerState | null>(null);
  const [card, setCard] = useState<CardDraft | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [params, setParams] = useSearchParams();
  // a card's link to the visit it was issued on: that visit alone
  const focusId = params.get('visit');

  const rows = useMemo(() => (register ? visitRows(register) : []), [register]);
  const focused = focusId === null ? null : (rows.find((r) => r.visit.id === focusId) ?? null);
  const shown = useMemo(
    () => (focusId !== null ? rows.filter((r) => r.visit.id === focusId) : filterVisitRows(rows, { year, unitId, search })),
    [rows, year, unitId, search, focusId],
  );
  if (!register) return null;
  const showAll = () =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.delete('visit');
        return next;
      },
      { replace: true },
    );

  const add = () => setDrawer({ editing: null, unitId });
  const filtered = year !== null || unitId !== null || search.trim() !== '';

  function confirmDelete(r: VisitRow) {
    modal.confirm({
      title: `删除对${r.unitName}的${visitName(r.visit)}记录？`,
      content: '已下发的整改要求和已发出的红黄牌不受影响（它们已经或将随回执送达单位）。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run((ctx) => deleteSupervisionVisit(ctx, r.visit.id), { success: '已删除督导检查记录' }),
    });
  }

  function confirmSend(r: VisitRow, text: string) {
    const notice = rectificationNotice(r.visit, text);
    modal.confirm({
      title: `向${r.unitName}下发这条整改要求？`,
      content: (
        <Space orientation="vertical">
          <Typography.Text>以通知“{notice.title}”下发，随该单位的下一个回执送达，下发后不能撤回。</Typography.Text>
          <Typography.Text type="secondary">单位在工作台看到通知后，将其列入整改落实台账（问题来源：督导）。</Typography.Text>
        </Space>
      ),
      okText: '确认下发',
      cancelText: '取消',
      onOk: () =>
        run((ctx) => sendNotice(ctx, { unitIds: [r.visit.unitId], title: notice.title, body: notice.body, issuedOn: todayIso(), dueOn: null }), {
          success: `已向${r.unitName}下发整改要求，将随该单位的下一个回执送达`,
        }),
    });
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {focusId !== null && (
        <Alert
          type={focused ? 'info' : 'warning'}
          showIcon
          data-testid="visit-focus"
          title={focused ? `所查看的督导检查：${focused.unitName}${visitName(focused.visit)}` : '所查看的督导检查记录已被删除'}
          description={focused ? undefined : '据此发出的红黄牌仍然有效，其亮牌依据中写明了这次督导的日期和方式。'}
          action={
            <Button size="small" onClick={showAll}>
              显示全部督导检查
            </Button>
          }
        />
      )}
      {focusId === null && (
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Select
              aria-label="督导年度"
              value={year ?? 0}
              onChange={(y) => setYear(y === 0 ? null : y)}
              style={{ width: 130 }}
              options={[{ value: 0, label: '全部年度' }, ...visitYears(rows, thisYear).map((y) => ({ value: y, label: `${y}年` }))]}
            />
            <Select
              aria-label="被督导单位"
              value={unitId ?? ''}
              onChange={(u) => setUnitId(u === '' ? null : u)}
              showSearch
              optionFilterProp="label"
              style={{ width: 220 }}
              options={[{ value: '', label: '全部单位' }, ...register.units.map((u) => ({ value: u.unitId, label: u.name }))]}
            />
            <Input.Search
              aria-label="搜索督导检查"
              allowClear
              placeholder="搜索单位、成员或问题"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ width: 260 }}
            />
            <Typography.Text type="secondary" data-testid="visit-count">
              共 {shown.length} 次督导
            </Typography.Text>
          </Space>
          <Button type="primary" icon={<PlusOutlined />} onClick={add}>
            登记督导检查
          </Button>
        </Space>
      )}
      <Table<VisitRow>
        rowKey={(r) => r.visit.id}
        size="middle"
        data-testid="supervision-visits"
        dataSource={shown}
        pagination={shown.length > 30 ? { defaultPageSize: 30, showTotal: (t) => `共 ${t} 次` } : false}
        expandable={{
          expandedRowKeys: shown.filter((r) => !collapsed.has(r.visit.id)).map((r) => r.visit.id),
          onExpand: (open, r) =>
            setCollapsed((c) => {
              const next = new Set(c);
              if (open) next.delete(r.visit.id);
              else next.add(r.visit.id);
              return next;
            }),
          expandedRowRender: (r) => <FollowUps row={r} onCard={(text) => setCard({ unitId: r.visit.unitId, subjectKind: 'unit', colour: 'yellow', visitId: r.visit.id, ...cardTextsFromFollowUp(r.visit, text) })} onSend={(text) => confirmSend(r, text)} />,
        }}
        locale={{
          emptyText: filtered && rows.length > 0 ? (
            <Empty description="没有符合筛选条件的督导检查。可换一个年度或单位，或清空搜索。" />
          ) : (
            <Empty
              description={
                register.units.length === 0
                  ? '还没有纳管单位。先在“同步”中完成单位的纳管登记，再登记联系组对它的督导检查。'
                  : '还没有督导检查记录。联系组到单位调研、座谈、抽查或下沉指导后，点击“登记督导检查”记下日期、单位、参加人员、发现的问题和整改要求；整改要求可下发单位整改，或作为亮红黄牌的依据。'
              }
            >
              {register.units.length > 0 && (
                <Button type="primary" icon={<PlusOutlined />} onClick={add}>
                  登记督导检查
                </Button>
              )}
            </Empty>
          ),
        }}
        columns={[
          { title: '督导日期', key: 'date', width: 130, render: (_, r) => chineseDate(r.visit.date) },
          { title: '单位', key: 'unit', render: (_, r) => (r.unitName.startsWith('（') ? r.unitName : <Link to={`/units/${r.visit.unitId}`}>{r.unitName}</Link>) },
          { title: '方式', key: 'kind', width: 100, render: (_, r) => <Tag>{SUPERVISION_VISIT_KIND_LABELS[r.visit.kind]}</Tag> },
          { title: '联系组成员', key: 'visitors', render: (_, r) => r.visit.visitors || '—' },
          {
            title: '整改要求',
            key: 'followUps',
            render: (_, r) => {
              if (r.followUps.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
              const sent = r.followUps.filter((f) => f.sentOn !== null).length;
              return `${r.followUps.length} 条${sent > 0 ? `，已下发 ${sent} 条` : ''}`;
            },
          },
          {
            title: '日常指导评价',
            key: 'guidance',
            width: 120,
            render: (_, r) => (r.visit.guidanceScore === undefined ? <Typography.Text type="secondary">未评价</Typography.Text> : `${r.visit.guidanceScore} 分`),
          },
          { title: '据此亮牌', key: 'cards', width: 100, render: (_, r) => (r.cardCount > 0 ? <Link to="/accountability">{r.cardCount} 张</Link> : '—') },
          {
            title: '操作',
            key: 'actions',
            width: 130,
            render: (_, r) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setDrawer({ editing: r.visit })} aria-label={`修改${r.unitName}${visitName(r.visit)}`}>
                  修改
                </Button>
                <Button type="link" size="small" danger onClick={() => confirmDelete(r)} aria-label={`删除${r.unitName}${visitName(r.visit)}`}>
                  删除
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <SupervisionVisitDrawer state={drawer} units={register.units} onClose={() => setDrawer(null)} />
      <IssueCardDrawer open={card !== null} draft={card} units={register.units} onClose={() => setCard(null)} />
    </Space>
  );
}
