/**
 * 设置 → 规则配置: the rule profile in force and its main thresholds in words; on the 工委 side the
 * versions issued and 调整规则配置; on a unit, where the profile came from.
 */
import { useState } from 'react';
import { Button, Card, Descriptions, Table, Typography } from 'antd';
import type { RuleProfileRecord } from '../../../shared/model/ruleProfile';
import type { WorkspaceMode } from '../../../shared/model/vocabulary';
import { chineseDate } from '../../../shared/rules/text';
import { useIssuedRuleProfiles, useRuleProfile } from '../common/useRuleProfile';
import { RuleProfileFormModal } from './RuleProfileFormModal';
import { ruleProfileLines, ruleProfileTitle } from './ruleProfileText';

export function RuleProfileCard({ mode }: { mode: WorkspaceMode }) {
  const inForce = useRuleProfile();
  const issued = useIssuedRuleProfiles();
  const [editing, setEditing] = useState(false);
  const versions = [...(issued ?? [])].sort((a, b) => b.profile.version - a.profile.version);
  return (
    <Card
      title="规则配置"
      extra={
        mode === 'committee' && (
          <Button type="primary" onClick={() => setEditing(true)}>
            调整规则配置
          </Button>
        )
      }
      data-testid="rule-profile"
    >
      <Typography.Paragraph data-testid="rule-profile-title">{ruleProfileTitle(inForce)}</Typography.Paragraph>
      <Descriptions column={1} size="small" bordered>
        {ruleProfileLines(inForce).map(([label, words]) => (
          <Descriptions.Item key={label} label={label}>
            {words}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {mode === 'committee'
          ? '调整后生成新版本，随各单位的下一次回执下发；各单位自施行日期起按新版本统计和预警。'
          : '规则配置由市委直属机关工委制定，随工委的回执同步包下发，本单位不能修改。'}
      </Typography.Paragraph>
      {versions.length > 0 && (
        <Table<RuleProfileRecord>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={versions}
          data-testid="rule-profile-versions"
          columns={[
            { title: '版本', key: 'version', width: 70, render: (_, r) => `第${r.profile.version}版` },
            { title: '名称', key: 'name', render: (_, r) => r.profile.name },
            { title: '施行日期', key: 'from', width: 150, render: (_, r) => chineseDate(r.profile.effectiveFrom) },
            { title: '调整说明', dataIndex: 'note', key: 'note', render: (n: string) => n || '—' },
          ]}
        />
      )}
      {mode === 'committee' && <RuleProfileFormModal open={editing} inForce={inForce} onClose={() => setEditing(false)} />}
    </Card>
  );
}
