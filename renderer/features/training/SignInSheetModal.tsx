/**
 * 签到表 preview: what the sheet of this class will hold (shared/training/signInSheet), so the
 * list can be checked before printing. The PDF itself is built by the reports feature from the
 * same data.
 */
import { Descriptions, Empty, Modal, Table, Typography } from 'antd';
import type { SignInSheet } from '../../../shared/reports/signInSheet';
import type { SignInRow } from '../../../shared/training/signInSheet';

export function SignInSheetModal({ open, sheet, rows, onClose }: { open: boolean; sheet: SignInSheet; rows: readonly SignInRow[]; onClose: () => void }) {
  return (
    <Modal open={open} title="签到表预览" onCancel={onClose} footer={null} width={720} destroyOnHidden>
      <Typography.Title level={4} style={{ textAlign: 'center' }} data-testid="sign-in-title">
        {sheet.title}
      </Typography.Title>
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        {sheet.details.map(([label, value]) => (
          <Descriptions.Item key={label} label={label}>
            {value || '—'}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label="应到人数">{rows.length} 人</Descriptions.Item>
      </Descriptions>
      <Table<SignInRow>
        size="small"
        rowKey="memberId"
        dataSource={rows as SignInRow[]}
        pagination={false}
        scroll={{ y: 360 }}
        data-testid="sign-in-rows"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有报名的党员" /> }}
        columns={[
          { title: '序号', dataIndex: 'seq', key: 'seq', width: 60, align: 'center' },
          { title: '姓名', dataIndex: 'name', key: 'name', width: 110 },
          { title: '所在党组织', key: 'organisation', render: (_, r) => r.organisation || '—' },
          { title: '签名', key: 'sign', width: 160, render: () => '' },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        打印版签到表（PDF，公文格式，每行两人并留空白行）请到“报表”中生成。
      </Typography.Paragraph>
    </Modal>
  );
}
