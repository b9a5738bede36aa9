/** The city's headline figures: units reporting and late, members, organisations, completion, terms, training, cadre ratio. */
import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import type { CityDashboard } from '../../../shared/rules/committee/cityDashboard';

const percent = (rate: number | null): string => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);

export function HeadlineFigures({ dashboard }: { dashboard: CityDashboard }) {
  const t = dashboard.totals;
  const items: { title: string; value: string | number; hint: string; danger?: boolean }[] = [
    { title: '纳管单位', value: `${t.unitsReporting}/${t.units}`, hint: '已报送同步包的单位数 / 纳管单位数' },
    { title: '逾期未报送', value: t.late, hint: `超过 ${dashboard.profile.lateAfterDays} 天没有报送同步包的单位`, danger: t.late > 0 },
    { title: '党员', value: t.members, hint: '各单位花名册在册党员（含离退休）之和' },
    { title: '党组织', value: t.organisations, hint: '各单位现有党组织之和' },
    { title: '“三会一课”完成率', value: percent(t.completion.rate), hint: `按期召开 ${t.completion.met} 次 / 应召开 ${t.completion.due} 次` },
    { title: '未按期会议', value: t.meetingsOwed, hint: '已到期而未召开的会议次数', danger: t.meetingsOwed > 0 },
    { title: '换届红色预警', value: t.terms.byLight.red, hint: `任期已届满未换届的党组织；黄色预警 ${t.terms.byLight.yellow} 个`, danger: t.terms.byLight.red > 0 },
    { title: '培训覆盖率', value: percent(t.training.share), hint: `已参训 ${t.training.trained} 人 / 应参训 ${t.training.shouldTrain} 人` },
    { title: '党务干部配备不足', value: t.cadre.below, hint: `低于下限的单位；达标 ${t.cadre.within} 个，高于上限 ${t.cadre.above} 个`, danger: t.cadre.below > 0 },
  ];
  return (
    <Row gutter={[16, 16]} data-testid="city-headline">
      {items.map((i) => (
        <Col key={i.title} xs={12} md={8} xl={6} xxl={4}>
          <Card size="small">
            <Tooltip title={i.hint}>
              <Statistic title={i.title} value={i.value} styles={{ content: i.danger ? { color: '#c62828' } : undefined }} />
            </Tooltip>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
