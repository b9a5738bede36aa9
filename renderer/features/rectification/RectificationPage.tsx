/**
 * 整改落实: the unit's rectification ledger — counts (overdue in red), filters by status, source and
 * overdue (kept in the URL), and the items with their source (a 红黄牌 or 述职评议 linked), owner,
 * deadline and state; a count clicked (or Enter on it) shows the items it counts. The unit registers and edits items, records progress, 销号 and 重新打开, and
 * deletes the items it entered itself; under the committee's 单位 → a unit the page is read-only.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Button, Card, Checkbox, Col, Empty, Row, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Rectification } from '../../../shared/model/rectification';
import {
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATUS_LABELS,
  RECTIFICATION_STATUSES,
  type RectificationSource,
  type RectificationStatus,
} from '../../../shared/model/vocabulary';
import { fromCommittee, rectificationCounts, rectificationDue, type RectificationDue } from '../../../shared/rules/duties/rectification';
import { chineseDate } from '../../../shared/rules/text';
import { deleteRectification, reopenRectification } from '../../db/rectificationRepository';
import { todayIso } from '../common/today';
import { useUnitScope } from '../common/unitScope';
import { useWriteAction } from '../common/useWriteAction';
import { CloseItemModal } from './CloseItemModal';
import { ItemSource } from './ItemSource';
import { ProgressNoteModal } from './ProgressNoteModal';
import { RectificationDrawer } from './RectificationDrawer';
import { useRectificationLedger } from './useRectificationLedger';

const RED = '#cf1322';

const STATE_RANK: Record<RectificationDue['state'], number> = { overdue: 0, dueSoon: 1, onTrack: 2, noDeadline: 3, closed: 4 };

const STATUS_TAG: Record<RectificationStatus, string> = { open: 'default', inProgress: 'processing', closed: 'success' };

interface Row {
  readonly item: Rectification;
  readonly due: RectificationDue;
}

/** Overdue first, then by deadline (none last); closed items last, the latest 销号 first. */
function compareRows(a: Row, b: Row): number {
  const rank = STATE_RANK[a.due.state] - STATE_RANK[b.due.state];
  if (rank !== 0) return rank;
  if (a.due.state === 'closed') return (b.item.closedOn ?? '').localeCompare(a.item.closedOn ?? '');
  return (a.item.deadline ?? '9999').localeCompare(b.item.deadline ?? '9999') || a.item.createdAt.localeCompare(b.item.createdAt);
}

function isStatus(v: string | null): v is RectificationStatus {
  return v !== null && (RECTIFICATION_STATUSES as readonly string[]).includes(v);
}

function isSource(v: string | null): v is RectificationSource {
  return v !== null && (RECTIFICATION_SOURCES as readonly string[]).includes(v);
}

export function RectificationPage() {
  const ledger = useRectificationLedger();
  const { readOnly } = useUnitScope();
  const { modal } = App.useApp();
  const run = useWriteAction();
  const [params, setParams] = useSearchParams();
  const [drawer, setDrawer] = useState<{ editing: Rectification | null } | null>(null);
  const [closing, setClosing] = useState<Rectification | null>(null);
  const [noting, setNoting] = useState<Rectification | null>(null);
  const asOf = todayIso();

  const statusParam = params.get('status');
  const sourceParam = params.get('source');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const source = isSource(sourceParam) ? sourceParam : undefined;
  const overdueOnly = params.get('overdue') === '1';
  const setFilter = (key: string, value: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === undefined) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const rows = useMemo(() => (ledger ? ledger.items.map((item) => ({ item, due: rectificationDue(item, asOf) })).sort(compareRows) : []), [ledger, asOf]);
  const counts = useMemo(() => rectificationCounts(ledger?.items ?? [], asOf), [ledger, asOf]);
  const shown = useMemo(
    () => rows.filter((r) => (!status || r.item.status === status) && (!source || r.item.source === source) && (!overdueOnly || r.due.state === 'overdue')),
    [rows, status, source, overdueOnly],
  );

  if (!ledger) return <Spin description="正在读取…" />;

  function confirmReopen(item: Rectification) {
    modal.confirm({
      title: '重新打开该整改事项？',
      content: `“${item.problem}”已于${chineseDate(item.closedOn)}销号。重新打开后状态改为“整改中”，销号日期清空，佐证材料保留。`,
      okText: '重新打开',
      cancelText: '取消',
      onOk: () => run((ctx) => reopenRectification(ctx, item.id), { success: '已重新打开' }),
    });
  }

  function confirmDelete(item: Rectification) {
    modal.confirm({
      title: '删除该整改事项？',
      content: `“${item.problem}”将从整改台账中删除（删除记录随下一个同步包报送工委）。登记有误时才删除；问题已整改的，请销号。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run((ctx) => deleteRectification(ctx, item.id), { success: '已删除' }),
    });
  }

  /** Shows the items a count counts: the filters set to it (all filters cleared for the total). */
  const showOnly = (next: { status?: RectificationStatus; overdue?: boolean }) =>
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        q.delete('source');
        if (next.status) q.set('status', next.status);
        else q.delete('status');
        if (next.overdue) q.set('overdue', '1');
        else q.delete('overdue');
        return q;
      },
      { replace: true },
    );

  const figure = (testId: string, title: string, value: number, filter: { status?: RectificationStatus; overdue?: boolean }, colour?: string, hint?: string) => {
    const active = (filter.status ?? null) === (status ?? null) && (filter.overdue ?? false) === overdueOnly && source === undefined;
    return (
      <Col flex="1 1 0">
        <Card
          size="small"
          hoverable
          data-testid={testId}
          role="button"
          tabIndex={0}
          aria-pressed={active}
          aria-label={`${title} ${value} 项，点击只看这些事项`}
          style={active ? { borderColor: '#b71c1c' } : undefined}
          onClick={() => showOnly(filter)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              showOnly(filter);
            }
          }}
        >
          <Statistic title={title} value={value} suffix="项" styles={{ content: colour ? { color: colour } : {} }} />
          {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
        </Card>
      </Col>
    );
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={12} wrap={false}>
        {figure('rect-count-total', '整改事项', counts.total, {})}
        {figure('rect-count-open', '未整改', counts.open, { status: 'open' })}
        {figure('rect-count-in-progress', '整改中', counts.inProgress, { status: 'inProgress' })}
        {figure('rect-count-closed', '已销号', counts.closed, { status: 'closed' }, counts.closed > 0 ? '#389e0d' : undefined)}
        {figure('rect-count-overdue', '逾期未销号', counts.overdue, { overdue: true }, counts.overdue > 0 ? RED : undefined, counts.dueSoon > 0 ? `另有 ${counts.dueSoon} 项两周内到期` : undefined)}
      </Row>
      <Card
        title="整改事项"
        extra={
          !readOnly && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ editing: null })}>
              登记整改事项
            </Button>
          )
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder="全部状态"
            value={status}
            onChange={(v?: string) => setFilter('status', v)}
            aria-label="按整改状态筛选"
            options={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: RECTIFICATION_STATUS_LABELS[s] }))}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder="全部来源"
            value={source}
            onChange={(v?: string) => setFilter('source', v)}
            aria-label="按问题来源筛选"
            options={RECTIFICATION_SOURCES.map((s) => ({ value: s, label: RECTIFICATION_SOURCE_LABELS[s] }))}
          />
          <Checkbox checked={overdueOnly} onChange={(e) => setFilter('overdue', e.target.checked ? '1' : undefined)}>
            只看逾期未销号
          </Checkbox>
          <Typography.Text type="secondary" data-testid="rect-shown">
            {shown.length === rows.length ? `共 ${rows.length} 项` : `显示 ${shown.length} 项，共 ${rows.length} 项`}
          </Typography.Text>
        </Space>
        <Table<Row>
          rowKey={(r) => r.item.id}
          size="middle"
          dataSource={shown}
          data-testid="rect-list"
          pagination={shown.length > 20 ? { defaultPageSize: 20, showTotal: (t) => `共 ${t} 项` } : false}
          onRow={(r) => (r.due.state === 'overdue' ? { style: { background: '#fff1f0' }, 'data-overdue': 'true' } : {})}
          expandable={{
            expandedRowRender: ({ item }) => (
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text strong>整改措施及进展</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{item.measures || '（尚未填写）'}</Typography.Paragraph>
                <Typography.Text strong>佐证材料</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{item.evidence || '（尚未填写）'}</Typography.Paragraph>
                <Typography.Text type="secondary">
                  {item.closedOn ? `销号日期：${chineseDate(item.closedOn)} · ` : ''}最后修改：{item.updatedBy}
                </Typography.Text>
              </Space>
            ),
          }}
          locale={{
            emptyText: (
              <Empty
                description={
                  rows.length > 0 ? (
                    '没有符合条件的整改事项，可清除筛选条件。'
                  ) : readOnly ? (
                    '该单位报送的台账中还没有整改事项。'
                  ) : (
                    <>
                      还没有整改事项。巡视、巡察、督导、考核发现的问题，请点“登记整改事项”逐条登记整改措施、责任人和时限，整改完成后销号。
                      <br />
                      工委下达的红黄牌和述职评议发现的问题，在工作台的“工委通知与红黄牌”中建立整改事项，建立后也显示在这里。
                    </>
                  )
                }
              />
            ),
          }}
          columns={[
            {
              title: '问题描述',
              key: 'problem',
              render: (_, { item, due }) => (
                <Space orientation="vertical" size={2}>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{item.problem}</Typography.Text>
                  {due.state === 'overdue' && <Tag color="error">逾期</Tag>}
                </Space>
              ),
            },
            { title: '问题来源', key: 'source', width: 190, render: (_, { item }) => <ItemSource ledger={ledger} item={item} /> },
            { title: '责任人', key: 'owner', width: 110, render: (_, { item }) => item.owner || <Typography.Text type="secondary">未明确</Typography.Text> },
            {
              title: '整改时限',
              key: 'deadline',
              width: 170,
              render: (_, { item, due }) => (
                <Space orientation="vertical" size={0}>
                  <span>{item.deadline ? chineseDate(item.deadline) : '—'}</span>
                  <Typography.Text
                    style={{ fontSize: 12, color: due.state === 'overdue' ? RED : undefined }}
                    type={due.state === 'overdue' ? undefined : due.state === 'dueSoon' || (due.state === 'closed' && due.text.includes('超过')) ? 'warning' : due.state === 'closed' ? 'success' : 'secondary'}
                  >
                    {due.text}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: '状态',
              key: 'status',
              width: 90,
              render: (_, { item }) => <Tag color={STATUS_TAG[item.status]}>{RECTIFICATION_STATUS_LABELS[item.status]}</Tag>,
            },
            ...(readOnly
              ? []
              : [
                  {
                    title: '操作',
                    key: 'actions',
                    width: 200,
                    render: (_: unknown, { item }: Row) => (
                      <Space size={0} wrap>
                        <Button type="link" size="small" onClick={() => setDrawer({ editing: item })}>
                          编辑
                        </Button>
                        {item.status === 'closed' ? (
                          <Button type="link" size="small" onClick={() => confirmReopen(item)}>
                            重新打开
                          </Button>
                        ) : (
                          <>
                            <Button type="link" size="small" onClick={() => setNoting(item)}>
                              记录进展
                            </Button>
                            <Button type="link" size="small" onClick={() => setClosing(item)}>
                              销号
                            </Button>
                          </>
                        )}
                        {!fromCommittee(item.source) && (
                          <Button type="link" size="small" danger onClick={() => confirmDelete(item)}>
                            删除
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]),
          ]}
        />
      </Card>
      {!readOnly && (
        <>
          <RectificationDrawer open={drawer !== null} editing={drawer?.editing ?? null} ledger={ledger} onClose={() => setDrawer(null)} />
          <CloseItemModal item={closing} onClose={() => setClosing(null)} />
          <ProgressNoteModal item={noting} onClose={() => setNoting(null)} />
        </>
      )}
    </Space>
  );
}
