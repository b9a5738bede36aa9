/**
 * The batch's summary table: one row per file — unit, bundle number and range, record counts,
 * conflicts, what the check found (or the refusal in words) and, once applied, the result.
 * A row opens to its per-table counts and the sender's key fingerprint.
 */
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { BatchCheck, BatchOutcome, BatchRow, BundleSummary } from '../../db/sync/importBatch';
import { CountsTable, countTotals } from './CountsTable';
import { bundleScopeText } from './bundleScope';

const CHECK_TAG: Record<BatchCheck['kind'], { color: string; text: string }> = {
  ready: { color: 'processing', text: '可导入' },
  'needs-confirmation': { color: 'warning', text: '需核对指纹' },
  duplicate: { color: 'default', text: '重复文件' },
  'already-imported': { color: 'default', text: '已导入过' },
  refused: { color: 'error', text: '不能导入' },
};

const OUTCOME_TAG: Record<BatchOutcome['kind'], { color: string; text: string }> = {
  applied: { color: 'success', text: '已导入' },
  unchanged: { color: 'default', text: '无变化' },
  refused: { color: 'error', text: '未导入' },
  skipped: { color: 'warning', text: '未导入' },
  cancelled: { color: 'default', text: '已取消' },
};

function summaryOf(check: BatchCheck): BundleSummary | null {
  return check.kind === 'ready' || check.kind === 'needs-confirmation' || check.kind === 'duplicate' ? check.summary : null;
}

function rangeText(s: BundleSummary): string {
  return `第 ${s.sequence} 号 · ${bundleScopeText(s)}`;
}

function checkText(check: BatchCheck): string {
  switch (check.kind) {
    case 'ready':
      return '';
    case 'needs-confirmation':
      return check.summary.readmit ? '本机没有该单位的登记记录，需电话核对后重新纳入管理' : '首次接收该单位的同步包，需电话核对密钥指纹';
    case 'duplicate':
      return `与“${check.sameAs}”是同一个同步包，只导入一次`;
    case 'already-imported':
    case 'refused':
      return check.reason;
  }
}

function outcomeText(outcome: BatchOutcome): string {
  if (outcome.kind !== 'applied') return outcome.reason;
  const s = outcome.summary;
  const extra = s.readmitted ? '已重新纳入管理并登记了密钥。' : s.pinned ? '已登记该单位的密钥。' : '';
  return `写入 ${s.written} 条，无变化 ${s.unchanged} 条，较旧未采用 ${s.older} 条${s.conflicts ? `，冲突 ${s.conflicts} 条（见冲突记录）` : ''}。${extra}`;
}

export function BatchRowsTable({
  rows,
  outcomes,
  busy,
  onConfirmOne,
}: {
  rows: readonly BatchRow[];
  outcomes: ReadonlyMap<number, BatchOutcome>;
  busy: boolean;
  onConfirmOne: (row: BatchRow) => void;
}) {
  return (
    <Table<BatchRow>
      size="small"
      rowKey="key"
      dataSource={[...rows]}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      data-testid="batch-rows"
      expandable={{
        rowExpandable: (r) => summaryOf(r.check) !== null,
        expandedRowRender: (r) => {
          const s = summaryOf(r.check);
          if (!s) return null;
          return (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                生成时间 {new Date(s.createdAt).toLocaleString('zh-CN')}；发送方密钥指纹 <Typography.Text code>{s.fingerprint}</Typography.Text>
              </Typography.Text>
              <CountsTable tables={s.tables.map((t) => [t.table, t.counts] as const)} />
            </Space>
          );
        },
      }}
      columns={[
        { title: '文件', key: 'file', render: (_, r) => r.fileName },
        { title: '单位', key: 'unit', width: 110, render: (_, r) => summaryOf(r.check)?.senderName || '—' },
        { title: '同步包', key: 'range', width: 120, render: (_, r) => { const s = summaryOf(r.check); return s ? rangeText(s) : '—'; } },
        {
          title: '数据',
          key: 'counts',
          width: 150,
          render: (_, r) => {
            const s = summaryOf(r.check);
            if (!s) return '—';
            const t = countTotals(s.tables.map((x) => [x.table, x.counts] as const));
            return `共 ${s.records} 条：新增 ${t.new}，更新 ${t.update}，无变化 ${t.unchanged}${t.older ? `，较旧 ${t.older}` : ''}`;
          },
        },
        { title: '冲突', key: 'conflicts', width: 64, render: (_, r) => { const n = summaryOf(r.check)?.conflicts ?? 0; return n > 0 ? <Tag color="warning">{n}</Tag> : '—'; } },
        {
          title: '核对',
          key: 'check',
          width: 260,
          render: (_, r) => (
            <Space orientation="vertical" size={2}>
              <Tag color={CHECK_TAG[r.check.kind].color}>{CHECK_TAG[r.check.kind].text}</Tag>
              {checkText(r.check) && <Typography.Text type={r.check.kind === 'refused' ? 'danger' : 'secondary'}>{checkText(r.check)}</Typography.Text>}
            </Space>
          ),
        },
        {
          title: '结果',
          key: 'outcome',
          width: 240,
          render: (_, r) => {
            const outcome = outcomes.get(r.key);
            const canConfirm = r.check.kind === 'needs-confirmation' && outcome?.kind !== 'applied';
            // a row the check already settled: its reason is in the 核对 column, not said twice
            const echo = r.check.kind === 'refused' || r.check.kind === 'duplicate' || r.check.kind === 'already-imported';
            return (
              <Space orientation="vertical" size={2}>
                {outcome && <Tag color={OUTCOME_TAG[outcome.kind].color}>{OUTCOME_TAG[outcome.kind].text}</Tag>}
                {outcome && !echo && <Typography.Text type={outcome.kind === 'refused' ? 'danger' : undefined}>{outcomeText(outcome)}</Typography.Text>}
                {canConfirm && (
                  <Button size="small" disabled={busy} onClick={() => onConfirmOne(r)}>
                    核对并导入
                  </Button>
                )}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
