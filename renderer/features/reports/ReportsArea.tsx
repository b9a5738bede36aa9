/** 报表: the unit's PDF reports, generated in a worker and saved through the bridge. */
import { useState } from 'react';
import { Card, Select, Space, Spin, Tabs, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDatabase } from '../../db/db';
import { getWorkspace } from '../../db/workspaceRepository';
import { todayIso } from '../common/today';
import { ANNUAL_REPORT_NAME, AnnualReportPanel } from './AnnualReportPanel';
import { MeetingBookPanel, RosterPanel, SignInPanel } from './OtherReportPanels';

export function ReportsArea() {
  const workspace = useLiveQuery(() => getWorkspace(appDatabase()), []);
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  if (workspace === undefined) return <Spin />;
  if (workspace === null || workspace.mode !== 'unit')
    return <Typography.Paragraph>报表按单位生成；工委端的全市汇总报表将随汇总功能提供。</Typography.Paragraph>;
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space>
        <Typography.Text>年度</Typography.Text>
        <Select aria-label="年度" value={year} onChange={setYear} style={{ width: 120 }} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        <Typography.Text type="secondary">报表按 GB/T 9704 公文格式排版；本机装有仿宋、黑体、楷体、方正小标宋简体时使用本机字体，否则使用内置字体。</Typography.Text>
      </Space>
      <Card>
        <Tabs
          destroyOnHidden
          items={[
            { key: 'annual', label: ANNUAL_REPORT_NAME, children: <AnnualReportPanel key={year} workspace={workspace} year={year} /> },
            { key: 'roster', label: '党员花名册', children: <RosterPanel workspace={workspace} year={year} /> },
            { key: 'meetings', label: '三会一课记录', children: <MeetingBookPanel workspace={workspace} year={year} /> },
            { key: 'signin', label: '签到表', children: <SignInPanel workspace={workspace} year={year} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
