/** 换届三色预警 across the city: the red and yellow organisations, each opening in its unit's organisation tree. */
import { useNavigate } from 'react-router';
import { Card, Table, Tag, Typography } from 'antd';
import type { CityDashboard, TermAlert } from '../../../shared/rules/committee/cityDashboard';
import { ORGANISATION_KIND_LABELS } from '../../../shared/model/vocabulary';
import { unitPath } from './unitLinks';

export function TermAlertsTable({ dashboard }: { dashboard: CityDashboard }) {
  const navigate = useNavigate();
  const unitName = new Map(dashboard.rows.map((r) => [r.unitId, r.name] as const));
  const { red, yellow } = dashboard.totals.terms.byLight;
  return (
    <Card title={`换届三色预警：红色 ${red} 个，黄色 ${yellow} 个`} data-testid="term-alerts">
      <Table<TermAlert>
        size="small"
        rowKey={(a) => `${a.unitId}/${a.organisationId}`}
        dataSource={[...dashboard.termAlerts]}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: '没有红色或黄色预警的党组织' }}
        columns={[
          { title: '预警', dataIndex: 'light', width: 70, render: (l: TermAlert['light']) => (l === 'red' ? <Tag color="error">红色</Tag> : <Tag color="warning">黄色</Tag>) },
          { title: '单位', key: 'unit', render: (_, a) => unitName.get(a.unitId) ?? '' },
          {
            title: '党组织',
            key: 'org',
            render: (_, a) => (
              <Typography.Link data-testid="term-alert-link" onClick={() => void navigate(unitPath(a.unitId, '/organisations', { org: a.organisationId }))}>
                {a.name}（{ORGANISATION_KIND_LABELS[a.kind]}）
              </Typography.Link>
            ),
          },
          { title: '届满日期', dataIndex: 'termEnd', width: 110, render: (d: string | null) => d ?? '未登记任期' },
          { title: '期限', dataIndex: 'deadline', width: 110, render: (d: string | null, a) => (d ? `${d}${a.extended ? '（经批准延期）' : ''}` : '—') },
          { title: '说明', dataIndex: 'reason' },
        ]}
      />
    </Card>
  );
}
