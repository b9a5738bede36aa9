/**
 * 导入记录 (both sides): every applied bundle from the `importLog` table — when, from whom, which
 * bundle, how many records, written, skipped (no change / older / this side's own), conflicts, by
 * whom — and, above them, the files refused during this session (kept in memory only: a refused
 * file leaves the database as it was).
 */
import { Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { isRecordTable, RECORD_TABLE_LABELS } from '../../../shared/model/tables';
import type { WorkspaceMode } from '../../../shared/model/vocabulary';
import type { ImportLogRow } from '../../db/localTypes';
import { recentImports } from '../../db/queries/sync';
import { useAppQuery } from '../common/useAppQuery';
import { useRefusedImports, type RefusedImport } from './refusedImports';

const SHOWN = 100;

type Row = { key: string; at: string } & ({ kind: 'applied'; log: ImportLogRow } | { kind: 'refused'; refusal: RefusedImport });

const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

function perTable(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([t, n]) => `${isRecordTable(t) ? RECORD_TABLE_LABELS[t] : t} ${n}`)
    .join('，');
}

export function ImportHistoryCard({ mode }: { mode: WorkspaceMode }) {
  const logs = useAppQuery(recentImports, SHOWN);
  const refused = useRefusedImports((s) => s.refused);
  const rows: Row[] = [
    ...refused.map((refusal, i): Row => ({ key: `refused-${i}-${refusal.at}`, at: refusal.at, kind: 'refused', refusal })),
    ...(logs ?? []).map((log): Row => ({ key: log.bundleId, at: log.at, kind: 'applied', log })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <Card title="导入记录" data-testid="import-history">
      <Table<Row>
        size="small"
        rowKey="key"
        loading={logs === undefined}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: mode === 'committee' ? '尚未导入任何单位的同步包' : '尚未导入工委回执' }}
        columns={[
          { title: '导入时间', key: 'at', width: 170, render: (_, r) => time(r.at) },
          {
            title: '来源',
            key: 'from',
            render: (_, r) =>
              r.kind === 'applied' ? (
                r.log.senderName || (r.log.kind === 'committee-to-unit' ? '工委' : '单位')
              ) : (
                <Typography.Text type="secondary">文件“{r.refusal.fileName}”</Typography.Text>
              ),
          },
          {
            title: '同步包',
            key: 'bundle',
            width: 170,
            render: (_, r) => (r.kind === 'applied' ? `第 ${r.log.sequence} 号（${r.log.snapshot ? '完整数据' : '变更数据'}）` : '—'),
          },
          {
            title: '记录数',
            key: 'records',
            width: 76,
            render: (_, r) => {
              if (r.kind !== 'applied') return '—';
              const total = Object.values(r.log.counts).reduce((a, b) => a + b, 0);
              return (
                <Tooltip title={perTable(r.log.counts) || '无记录'}>
                  <span>{total}</span>
                </Tooltip>
              );
            },
          },
          { title: '写入', key: 'written', width: 64, render: (_, r) => (r.kind === 'applied' ? r.log.written : '—') },
          {
            title: '跳过',
            key: 'skipped',
            width: 64,
            render: (_, r) =>
              r.kind === 'applied' ? (
                <Tooltip title={`无变化 ${r.log.unchanged}，较旧未采用 ${r.log.older}${r.log.protectedCount ? `，本机自有记录未覆盖 ${r.log.protectedCount}` : ''}`}>
                  <span>{r.log.unchanged + r.log.older + (r.log.protectedCount ?? 0)}</span>
                </Tooltip>
              ) : (
                '—'
              ),
          },
          { title: '冲突', key: 'conflicts', width: 64, render: (_, r) => (r.kind === 'applied' ? r.log.conflicts > 0 ? <Tag color="warning">{r.log.conflicts}</Tag> : 0 : '—') },
          {
            title: '结果',
            key: 'result',
            width: 320,
            render: (_, r) =>
              r.kind === 'applied' ? (
                <Space size={4}>
                  <Tag color="success">已导入</Tag>
                  <Typography.Text type="secondary">操作人 {r.log.actor}</Typography.Text>
                </Space>
              ) : (
                <Space size={4} align="start">
                  <Tag color={r.refusal.kind === 'already-imported' ? 'default' : 'error'}>{r.refusal.kind === 'already-imported' ? '已导入过' : '已拒绝'}</Tag>
                  <Typography.Text type="secondary">{r.refusal.reason}</Typography.Text>
                </Space>
              ),
          },
        ]}
      />
      {refused.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          被拒绝的文件只在本次运行期间列出，没有写入数据库。
        </Typography.Text>
      )}
    </Card>
  );
}
