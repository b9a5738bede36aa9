/**
 * 联系组督导检查 of one unit, read-only, on the unit's 概况 under the committee's 单位 → a unit: the
 * committee's own visits to it (they never travel to the unit, so a unit's own workspace shows
 * nothing here). Recorded and edited under 督责问责 → 督导检查.
 */
import { Link } from 'react-router';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { SUPERVISION_VISIT_KIND_LABELS } from '../../../shared/model/vocabulary';
import { parseFindings } from '../../../shared/rules/committee/supervisionVisits';
import { chineseDate } from '../../../shared/rules/text';
import { unitSupervisionVisits } from '../../db/queries/supervision';
import { useAppQuery } from '../common/useAppQuery';
import { useUnitScope } from '../common/unitScope';

export function UnitSupervisionPanel() {
  const { unitId, mode, readOnly } = useUnitScope();
  const visits = useAppQuery(unitSupervisionVisits, mode === 'committee' && readOnly ? unitId : '');
  if (mode !== 'committee' || !readOnly || !visits) return null;
  return (
    <Card
      title={`联系组督导检查（${visits.length}）`}
      size="small"
      data-testid="unit-supervision"
      extra={<Link to="/accountability/visits">到“督导检查”登记或修改</Link>}
    >
      {visits.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="联系组尚未到该单位督导检查。" />
      ) : (
        <List
          size="small"
          dataSource={visits.slice(0, 10)}
          renderItem={(v) => {
            const { findings, followUps } = parseFindings(v.findings);
            return (
              <List.Item>
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>{chineseDate(v.date)}</Typography.Text>
                    <Tag>{SUPERVISION_VISIT_KIND_LABELS[v.kind]}</Tag>
                    <Typography.Text type="secondary">{v.visitors}</Typography.Text>
                  </Space>
                  {findings && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>发现问题：{findings}</Typography.Text>}
                  {followUps.length > 0 && <Typography.Text>整改要求：{followUps.map((f, i) => `${i + 1}. ${f}`).join('；')}</Typography.Text>}
                </Space>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
