/**
 * 关怀激励 (/care): the unit's 走访慰问, 表彰, 宣传 and 党务干部双向交流 of a year, as tabs. Tab and year live in the
 * URL (?tab=commendations&year=2025). Under the 工委's 单位 → a unit the tabs are read-only.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Select, Space, Spin, Tabs, Typography } from 'antd';
import { todayIso } from '../common/today';
import { CommendationsTab } from './CommendationsTab';
import { ExchangeTab } from './ExchangeTab';
import { PublicityTab } from './PublicityTab';
import { useCadreExchanges } from './useCadreExchanges';
import { useCareRecords } from './useCareRecords';
import { VisitsTab } from './VisitsTab';

const TABS = ['visits', 'commendations', 'publicity', 'exchange'] as const;
type TabKey = (typeof TABS)[number];

export function CareArea() {
  const records = useCareRecords();
  const exchanges = useCadreExchanges();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayIso().slice(0, 4));
  const year = Number(params.get('year') ?? thisYear) || thisYear;
  const tabParam = params.get('tab');
  const tab: TabKey = TABS.includes(tabParam as TabKey) ? (tabParam as TabKey) : 'visits';
  const setParam = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const years = useMemo(() => {
    const dates = [...(records ? [...records.visits, ...records.commendations, ...records.publicity] : []), ...(exchanges?.exchanges ?? [])].map((r) => Number(r.date.slice(0, 4)));
    return [...new Set([thisYear, thisYear - 1, year, ...dates])].sort((a, b) => b - a);
  }, [records, exchanges, thisYear, year]);

  if (!records) return <Spin description="正在读取…" />;

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          关怀激励
        </Typography.Title>
        <Select
          aria-label="年度"
          style={{ width: 120 }}
          value={year}
          onChange={(v: number) => setParam('year', v === thisYear ? null : String(v))}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
        />
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam('tab', key === 'visits' ? null : key)}
        destroyOnHidden
        items={[
          { key: 'visits', label: '走访慰问', children: <VisitsTab year={year} records={records} /> },
          { key: 'commendations', label: '表彰', children: <CommendationsTab year={year} records={records} /> },
          { key: 'publicity', label: '宣传', children: <PublicityTab year={year} records={records} /> },
          { key: 'exchange', label: '双向交流', children: <ExchangeTab year={year} /> },
        ]}
      />
    </Space>
  );
}
