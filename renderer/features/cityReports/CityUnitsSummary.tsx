/** Which enrolled units the city report counts (those whose data has arrived) and which it cannot yet. */
import { Alert, Typography } from 'antd';
import type { CityReportUnit } from '../../db/queries/cityReports';

export function CityUnitsSummary({ units }: { units: readonly CityReportUnit[] }) {
  const counted = units.filter((u) => u.hasData);
  const waiting = units.filter((u) => !u.hasData);
  if (units.length === 0)
    return <Alert type="warning" showIcon data-testid="city-units" title="还没有纳管单位" description="请先在“同步”中登记各单位，并导入它们报送的同步包，再生成全市汇总。" />;
  if (counted.length === 0)
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="city-units"
        title={`已登记 ${units.length} 个单位，但还没有单位报送数据`}
        description="请在“同步”中导入各单位报送的同步包（首次须为完整数据），再生成全市汇总。"
      />
    );
  return (
    <div data-testid="city-units">
      <Typography.Paragraph>
        纳入统计的单位 <Typography.Text strong>{counted.length}</Typography.Text> 个（已导入其报送的数据）。
      </Typography.Paragraph>
      {waiting.length > 0 && (
        <Typography.Paragraph type="warning">
          尚未报送数据、不纳入统计的单位 {waiting.length} 个：{waiting.map((u) => u.name).join('、')}。
        </Typography.Paragraph>
      )}
    </div>
  );
}
