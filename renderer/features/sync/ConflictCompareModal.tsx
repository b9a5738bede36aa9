/** Both versions of a conflicting record side by side: Chinese field labels, masked ID and phone numbers, differences marked. */
import { useState } from 'react';
import { Alert, Checkbox, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ConflictView } from './conflictViews';
import type { FieldRow } from './recordText';

export function ConflictCompareModal({ view, footer, onClose }: { view: ConflictView | null; footer: React.ReactNode; onClose: () => void }) {
  const [all, setAll] = useState(false);
  const rows = view ? (all ? view.rows : view.rows.filter((r) => r.differs)) : [];
  return (
    <Modal open={view !== null} title={view ? `对比两个版本：${view.title}` : ''} width={900} onCancel={onClose} footer={footer} destroyOnHidden>
      {view && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="conflict-compare">
          <Typography.Text>{view.summary}</Typography.Text>
          {view.changedSince && <Alert type="info" showIcon title="冲突之后该记录又有修改：左栏是现在的版本，不是当时采用的版本。" />}
          <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)}>
            显示全部字段（默认只显示不同之处）
          </Checkbox>
          <Table<FieldRow>
            size="small"
            rowKey="field"
            pagination={false}
            dataSource={rows}
            locale={{ emptyText: '两个版本的内容相同' }}
            columns={[
              {
                title: '字段',
                key: 'label',
                width: 160,
                render: (_, r) => (
                  <Space size={4}>
                    {r.label}
                    {r.differs && all && <Tag color="warning">不同</Tag>}
                  </Space>
                ),
              },
              { title: '当前版本（正在使用）', key: 'current', render: (_, r) => <Cell text={r.current} mark={r.differs} /> },
              { title: '未采用的版本', key: 'other', render: (_, r) => <Cell text={r.other} mark={r.differs} /> },
            ]}
          />
        </Space>
      )}
    </Modal>
  );
}

function Cell({ text, mark }: { text: string; mark: boolean }) {
  return <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontWeight: mark ? 600 : undefined }}>{text}</span>;
}
