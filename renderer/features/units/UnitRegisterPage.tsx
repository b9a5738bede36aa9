/**
 * 单位 (committee): the register of enrolled units (纳管单位) — one row per unit with its credit
 * code, key, status, last bundle, and the figures of its last import (members, organisations, red
 * terms, meetings owed), a lateness flag; search by name or pinyin initials, filters, sorting.
 * A row opens the unit's ledger, read-only. 向所示单位发通知 goes to 督责问责 → 通知 and opens 发通知
 * with the units the search and filter show (the route's state: `NoticeTo`; the active ones are
 * chosen there, the others named).
 */
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Card, Empty, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { keyFingerprintOfBase64 } from '../../../shared/bundle';
import { unitRegister, type RegisterEntry } from '../../db/queries/register';
import { matchesName, nameKey, type NameKey } from '../common/nameSearch';
import type { NoticeTo } from '../common/noticeTo';
import { useAppQuery } from '../common/useAppQuery';
import { useCityDashboard } from '../common/useCityDashboard';
import { registerRows, type RegisterRow } from './registerRows';
import { exportRegister } from './registerExport';
import { compareChinese } from '../../../shared/rules/collation';

const STATUS: Record<RegisterEntry['unit']['status'], { color: string; text: string }> = {
  invited: { color: 'default', text: '待首次报送' },
  active: { color: 'success', text: '已启用' },
  revoked: { color: 'error', text: '已吊销' },
};

type Filter = 'all' | 'late' | 'red' | 'owing';

const FILTER_LABELS: Record<Filter, string> = { all: '全部', late: '逾期未报送', red: '有红色预警', owing: '有未按期会议' };

const dash = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(n));

export function UnitRegisterPage() {
  const navigate = useNavigate();
  const entries = useAppQuery(unitRegister);
  const dashboard = useCityDashboard();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const rows = useMemo(() => (entries ? registerRows(entries, dashboard.value ?? null) : []), [entries, dashboard.value]);
  // the names' pinyin keys only once someone searches (200 names cost ~50 ms of a cold start)
  const searching = query.trim() !== '';
  const keys = useMemo(() => (searching ? new Map<string, NameKey>(rows.map((r) => [r.unitId, nameKey(r.name)])) : null), [rows, searching]);
  const shown = rows.filter(
    (r) =>
      (keys === null || matchesName(keys.get(r.unitId)!, query)) &&
      (filter === 'all' || (filter === 'late' && r.late) || (filter === 'red' && (r.redTerms ?? 0) > 0) || (filter === 'owing' && (r.meetingsOwed ?? 0) > 0)),
  );
  const open = (unitId: string) => void navigate(`/units/${encodeURIComponent(unitId)}`);
  const activeShown = shown.filter((r) => entries?.some((e) => e.unit.unitId === r.unitId && e.unit.status === 'active')).length;
  const filterLabel = [FILTER_LABELS[filter], query.trim() === '' ? null : `查找“${query.trim()}”`].filter((x) => x !== null).join('，');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        单位
      </Typography.Title>
      <Card
        title="纳管单位名册"
        data-testid="unit-register"
        extra={
          <Space>
            <Button
              disabled={activeShown === 0}
              title={activeShown === 0 ? '名册所示单位均未启用，收不到通知' : '向名册当前所示的已启用单位发通知'}
              onClick={() => {
                const state: NoticeTo = { noticeTo: { unitIds: shown.map((r) => r.unitId), filterLabel } };
                void navigate('/accountability/notices', { state });
              }}
            >
              向所示单位发通知（{shown.length}）
            </Button>
            <Button disabled={rows.length === 0} onClick={() => void exportRegister(shown)}>
              导出 Excel
            </Button>
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder="单位名称或拼音首字母" aria-label="查找单位" style={{ width: 260 }} value={query} onChange={(e) => setQuery(e.target.value)} />
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: `全部 ${rows.length}` },
              { value: 'late', label: `逾期未报送 ${rows.filter((r) => r.late).length}` },
              { value: 'red', label: '有红色预警' },
              { value: 'owing', label: '有未按期会议' },
            ]}
          />
          {dashboard.error && <Typography.Text type="danger">{dashboard.error}</Typography.Text>}
        </Space>
        <Table<RegisterRow>
          size="small"
          rowKey="unitId"
          dataSource={shown}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 1200 }}
          locale={{ emptyText: <Empty description={rows.length === 0 ? '尚未登记任何单位。请到“同步”页办理纳管登记。' : '没有符合条件的单位'} /> }}
          onRow={(r) => ({ onDoubleClick: () => open(r.unitId) })}
          columns={[
            {
              title: '单位',
              dataIndex: 'name',
              fixed: 'left',
              width: 200,
              sorter: (a, b) => compareChinese(a.name, b.name),
              render: (_, r) => (
                <Typography.Link onClick={() => open(r.unitId)} data-testid="register-unit-link">
                  {r.name}
                </Typography.Link>
              ),
            },
            { title: '统一社会信用代码', dataIndex: 'creditCode', width: 180, render: (v: string | null) => v ?? '—' },
            { title: '状态', dataIndex: 'status', width: 100, render: (_, r) => <Tag color={STATUS[r.status].color}>{STATUS[r.status].text}</Tag> },
            { title: '密钥指纹', dataIndex: 'publicKey', width: 170, render: (v: string | null) => (v ? <Typography.Text code>{keyFingerprintOfBase64(v)}</Typography.Text> : '—') },
            {
              title: '最近同步包',
              key: 'last',
              width: 170,
              sorter: (a, b) => (a.lastBundleAt ?? '').localeCompare(b.lastBundleAt ?? ''),
              render: (_, r) => (r.lastBundleOn ? `${r.lastBundleOn} 第${r.lastSequence}号（${r.lastSnapshot ? '全量' : '增量'}）` : '—'),
            },
            {
              title: '距今天数',
              dataIndex: 'daysSince',
              width: 110,
              sorter: (a, b) => (a.daysSince ?? Infinity) - (b.daysSince ?? Infinity),
              render: (_, r) => (
                <Space size={4}>
                  {dash(r.daysSince)}
                  {r.late && <Tag color="error">逾期</Tag>}
                </Space>
              ),
            },
            { title: '党员', dataIndex: 'members', width: 80, sorter: (a, b) => (a.members ?? -1) - (b.members ?? -1), render: dash },
            { title: '党组织', dataIndex: 'organisations', width: 80, sorter: (a, b) => (a.organisations ?? -1) - (b.organisations ?? -1), render: dash },
            {
              title: '换届红色预警',
              dataIndex: 'redTerms',
              width: 110,
              sorter: (a, b) => (a.redTerms ?? -1) - (b.redTerms ?? -1),
              render: (v: number | null) => (v ? <Tag color="error">{v}</Tag> : dash(v)),
            },
            { title: '未按期会议', dataIndex: 'meetingsOwed', width: 100, sorter: (a, b) => (a.meetingsOwed ?? -1) - (b.meetingsOwed ?? -1), render: dash },
          ]}
        />
      </Card>
    </Space>
  );
}
