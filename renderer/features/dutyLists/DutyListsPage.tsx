/**
 * 三级五岗职责清单 (/duties): the unit's duty lists of a year, grouped by level (党组（党委）→ 机关党委 →
 * 党支部), each post with its holder and duty items, and each item's annual self-check (落实/部分落实/
 * 未落实 with its evidence, or 未自查). Completeness (items self-checked / total) per post and
 * overall. A year without lists offers "按默认清单生成本年度清单" (DOMAIN.md's three levels and five
 * posts), editable afterwards. 打印职责清单 / 打印自查表 print the year's list and self-check as PDF
 * (DutyListPrint.tsx). Under the 工委's 单位 → a unit the page is read-only (no write action is
 * offered; printing is, for that unit). The year lives in the URL (?year=2026).
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Button, Card, Empty, Progress, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { DUTY_ITEM_STATUS_LABELS, DUTY_ITEM_UNCHECKED_LABEL, dutyItemStatus, type DutyItem, type DutyItemStatus, type DutyList } from '../../../shared/model/dutyList';
import { completenessText, groupByLevel, overallCompleteness, postCompleteness, statusCounts, type Completeness } from '../../../shared/rules/duties/dutyLists';
import { deleteDutyItem, deleteDutyPost, seedDefaultDutyLists } from '../../db/dutyListRepository';
import { todayIso } from '../common/today';
import { useUnitScope } from '../common/unitScope';
import { useWriteAction } from '../common/useWriteAction';
import { ItemModal, type ItemTarget } from './ItemModal';
import { PostModal } from './PostModal';
import { SelfCheckModal, type SelfCheckTarget } from './SelfCheckModal';
import { useDutyListPrint } from './DutyListPrint';
import { useDutyListRecords } from './useDutyListRecords';

const STATUS_COLOR: Record<DutyItemStatus, string> = { done: 'success', partial: 'warning', notDone: 'error' };

function StatusTag({ item }: { item: DutyItem }) {
  const s = dutyItemStatus(item);
  return s === null ? <Tag>{DUTY_ITEM_UNCHECKED_LABEL}</Tag> : <Tag color={STATUS_COLOR[s]}>{DUTY_ITEM_STATUS_LABELS[s]}</Tag>;
}

function percent(c: Completeness): number {
  return c.share === null ? 0 : Math.round(c.share * 100);
}

interface Row {
  readonly index: number;
  readonly item: DutyItem;
}

export function DutyListsPage() {
  const records = useDutyListRecords();
  const { readOnly } = useUnitScope();
  const { modal } = App.useApp();
  const run = useWriteAction();
  const [params, setParams] = useSearchParams();
  const [postForm, setPostForm] = useState<{ editing: DutyList | null; level: string | null } | null>(null);
  const [itemTarget, setItemTarget] = useState<ItemTarget | null>(null);
  const [checkTarget, setCheckTarget] = useState<SelfCheckTarget | null>(null);
  const [seeding, setSeeding] = useState(false);

  const thisYear = Number(todayIso().slice(0, 4));
  const year = Number(params.get('year') ?? thisYear) || thisYear;
  const lists = useMemo(() => records?.lists ?? [], [records]);
  const years = useMemo(() => [...new Set([thisYear + 1, thisYear, thisYear - 1, year, ...lists.map((l) => l.year)])].sort((a, b) => b - a), [lists, thisYear, year]);
  const ofYear = useMemo(() => lists.filter((l) => l.year === year), [lists, year]);
  const groups = useMemo(() => groupByLevel(ofYear), [ofYear]);
  const overall = overallCompleteness(ofYear);
  const counts = statusCounts(ofYear);
  // the modals show the live list: after a write the record is re-read
  const liveOf = (l: DutyList) => ofYear.find((x) => x.id === l.id) ?? l;
  const print = useDutyListPrint(year);

  if (!records) return <Spin description="正在读取…" />;

  async function seed() {
    setSeeding(true);
    try {
      await run((ctx) => seedDefaultDutyLists(ctx, year), { success: `已按默认清单生成${year}年职责清单，请为每个岗位明确责任人` });
    } finally {
      setSeeding(false);
    }
  }

  function confirmDeletePost(l: DutyList) {
    modal.confirm({
      title: `删除岗位“${l.post}”？`,
      content: `${l.year}年${l.level}“${l.post}”岗位及其${l.items.length}项职责事项和自查结果将一并删除。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run((ctx) => deleteDutyPost(ctx, l.id), { success: '已删除岗位' }),
    });
  }

  function confirmDeleteItem(l: DutyList, index: number, item: DutyItem) {
    modal.confirm({
      title: '删除这项职责？',
      content: `${l.post}：${item.text}${dutyItemStatus(item) ? '（其自查结果一并删除）' : ''}`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run((ctx) => deleteDutyItem(ctx, l.id, index, item.text), { success: '已删除职责事项' }),
    });
  }

  const hasLists = ofYear.length > 0;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap align="center" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            三级五岗职责清单
          </Typography.Title>
          <Select
            aria-label="年度"
            style={{ width: 120 }}
            value={year}
            onChange={(v: number) =>
              setParams(
                (p) => {
                  const next = new URLSearchParams(p);
                  if (v === thisYear) next.delete('year');
                  else next.set('year', String(v));
                  return next;
                },
                { replace: true },
              )
            }
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
          />
        </Space>
        <Space wrap>
          {hasLists && print.buttons}
          {!readOnly && hasLists && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPostForm({ editing: null, level: null })}>
              新增岗位
            </Button>
          )}
        </Space>
      </Space>
      {print.panel}

      {!hasLists && (
        <Card>
          <Empty
            data-testid="duties-empty"
            description={
              readOnly
                ? `该单位尚未报送${year}年的三级五岗职责清单。`
                : `还没有${year}年的三级五岗职责清单。可按默认清单生成：党组（党委）、机关党委、党支部三个层级，党组（党委）书记、其他成员、机关党委书记、机关纪委书记、党支部书记五个岗位及其职责事项；生成后可增删改，并为每个岗位明确责任人，年底逐项自查。`
            }
          >
            {!readOnly && (
              <Space wrap>
                <Button type="primary" loading={seeding} onClick={() => void seed()}>
                  按默认清单生成本年度清单
                </Button>
                <Button icon={<PlusOutlined />} onClick={() => setPostForm({ editing: null, level: null })}>
                  新增岗位
                </Button>
              </Space>
            )}
          </Empty>
        </Card>
      )}

      {hasLists && (
        <Card size="small">
          <Space size={40} wrap align="center" data-testid="duties-overall">
            <Progress type="circle" size={72} percent={percent(overall)} aria-label="自查完成率" />
            <Statistic title={`${year}年自查进度`} value={completenessText(overall)} />
            <Statistic title={DUTY_ITEM_STATUS_LABELS.done} value={counts.done} suffix="项" />
            <Statistic title={DUTY_ITEM_STATUS_LABELS.partial} value={counts.partial} suffix="项" />
            <Statistic title={DUTY_ITEM_STATUS_LABELS.notDone} value={counts.notDone} suffix="项" styles={{ content: counts.notDone > 0 ? { color: '#cf1322' } : undefined }} />
            <Statistic title={DUTY_ITEM_UNCHECKED_LABEL} value={counts.unchecked} suffix="项" />
          </Space>
        </Card>
      )}

      {groups.map((g) => (
        <section key={g.level} aria-label={`${g.level}层级`}>
          <Space align="center" style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {g.level}
            </Typography.Title>
            {!readOnly && (
              <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setPostForm({ editing: null, level: g.level })} aria-label={`在${g.level}层级新增岗位`}>
                新增岗位
              </Button>
            )}
          </Space>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {g.lists.map((l) => {
              const c = postCompleteness(l);
              return (
                <section key={l.id} aria-label={`岗位：${l.post}`} data-testid="duty-post">
                  <Card
                    size="small"
                    title={
                      <Space wrap size={12}>
                        <span>{l.post}</span>
                        <Typography.Text type={l.holderName ? undefined : 'warning'} style={{ fontWeight: 'normal' }} data-testid="duty-holder">
                          责任人：{l.holderName || '未明确'}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="duty-post-completeness">
                          {completenessText(c)}
                        </Typography.Text>
                      </Space>
                    }
                    extra={
                      readOnly ? null : (
                        <Space size={0} wrap>
                          <Button type="link" size="small" onClick={() => setItemTarget({ list: l, index: null })} aria-label={`为“${l.post}”新增职责事项`}>
                            新增事项
                          </Button>
                          <Button type="link" size="small" onClick={() => setPostForm({ editing: l, level: null })} aria-label={`编辑岗位“${l.post}”`}>
                            编辑岗位
                          </Button>
                          <Button type="link" size="small" danger onClick={() => confirmDeletePost(l)} aria-label={`删除岗位“${l.post}”`}>
                            删除岗位
                          </Button>
                        </Space>
                      )
                    }
                  >
                    <Table<Row>
                      rowKey="index"
                      size="small"
                      pagination={false}
                      dataSource={l.items.map((item, index) => ({ index, item }))}
                      locale={{ emptyText: readOnly ? '该岗位没有职责事项。' : '该岗位还没有职责事项，点击“新增事项”添加。' }}
                      columns={[
                        { title: '序号', key: 'no', width: 56, render: (_, r) => r.index + 1 },
                        { title: '职责内容', key: 'text', render: (_, r) => r.item.text },
                        { title: '自查结论', key: 'status', width: 100, render: (_, r) => <StatusTag item={r.item} /> },
                        {
                          title: '自查情况',
                          key: 'selfCheck',
                          render: (_, r) => (r.item.selfCheck ? r.item.selfCheck : <Typography.Text type="secondary">—</Typography.Text>),
                        },
                        ...(readOnly
                          ? []
                          : [
                              {
                                title: '操作',
                                key: 'actions',
                                width: 170,
                                render: (_: unknown, r: Row) => (
                                  <Space size={0}>
                                    <Button type="link" size="small" onClick={() => setCheckTarget({ list: l, index: r.index })} aria-label={`自查：${r.item.text}`}>
                                      自查
                                    </Button>
                                    <Button type="link" size="small" onClick={() => setItemTarget({ list: l, index: r.index })} aria-label={`编辑职责：${r.item.text}`}>
                                      编辑
                                    </Button>
                                    <Button type="link" size="small" danger onClick={() => confirmDeleteItem(l, r.index, r.item)} aria-label={`删除职责：${r.item.text}`}>
                                      删除
                                    </Button>
                                  </Space>
                                ),
                              },
                            ]),
                      ]}
                    />
                  </Card>
                </section>
              );
            })}
          </Space>
        </section>
      ))}

      {!readOnly && (
        <>
          <PostModal
            open={postForm !== null}
            year={year}
            editing={postForm?.editing ?? null}
            level={postForm?.level ?? null}
            memberNames={records.memberNames}
            onClose={() => setPostForm(null)}
          />
          <ItemModal target={itemTarget && { ...itemTarget, list: liveOf(itemTarget.list) }} onClose={() => setItemTarget(null)} />
          <SelfCheckModal target={checkTarget && { ...checkTarget, list: liveOf(checkTarget.list) }} onClose={() => setCheckTarget(null)} />
        </>
      )}
    </Space>
  );
}
