/** 报送及时性: the units that have sent nothing for longer than the profile allows, longest first. */
import { useNavigate } from 'react-router';
import { Card, Table, Typography } from 'antd';
import type { CityDashboard, DashboardUnitRow } from '../../../shared/rules/committee/cityDashboard';
import { unitPath } from './unitLinks';

export function LateUnitsTable({ dashboard }: { dashboard: CityDashboard }) {
  const navigate = useNavigate();
  const late = dashboard.rows.filter((r) => r.late).sort((a, b) => (b.daysSinceLastBundle ?? Infinity) - (a.daysSinceLastBundle ?? Infinity));
  return (
    <Card title={`报送及时性：逾期未报送 ${late.length} 个单位（超过 ${dashboard.profile.lateAfterDays} 天）`} data-testid="late-units">
      <Table<DashboardUnitRow>
        size="small"
        rowKey="unitId"
        dataSource={late}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: '所有单位都在规定期限内报送了同步包' }}
        columns={[
          { title: '单位', key: 'name', render: (_, r) => <Typography.Link onClick={() => void navigate(unitPath(r.unitId, '/'))}>{r.name}</Typography.Link> },
          { title: '最近报送', dataIndex: 'lastBundleOn', width: 120, render: (d: string | null) => d ?? '从未报送' },
          { title: '说明', key: 'why', render: (_, r) => r.timeliness.reason },
        ]}
      />
    </Card>
  );
}
